// Server-authoritative attempts: start, choose, abandon and finish, always from the persisted snapshot.
import type { AppLoadContext } from "@remix-run/node";
import { applyChoice, scoreRun, startRun, viewOf, type Scenario } from "~/core/scenario";
import { ConflictError, NotFoundError } from "~/storage/errors";
import type { Attempt, AttemptMode, AttemptResult } from "~/storage/types";
import { assignmentForAttempt } from "./assigned.server";
import { audit } from "./audit.server";
import { deny, type Viewer } from "./auth.server";
import { getScenario, pinScenarioVersion } from "./scenario-catalogue.server";
import { queueAttemptStatements } from "./xapi.server";

/** A runaway-loop guard for the engine; the server sets it, never the scenario file. */
export const MAX_ITERATIONS = 1_000;

export async function startAttempt(
  context: AppLoadContext,
  viewer: Viewer,
  scenario: Scenario,
  options: { mode: AttemptMode; confidenceBefore: number | null; assignmentId?: string | null },
): Promise<Attempt> {
  const run = startRun(scenario, { maxIterations: MAX_ITERATIONS });
  await pinScenarioVersion(context, scenario);
  // An attempt on assigned training counts towards that assignment, in assessment mode when the assignment says so.
  const assigned =
    options.assignmentId === undefined
      ? await assignmentForAttempt(context, viewer, scenario.id, scenario.version)
      : null;
  const mode: AttemptMode = assigned?.assessment ? "assessment" : options.mode;
  const attempt = await context.store.createAttempt({
    orgId: viewer.org.id,
    userId: viewer.user.id,
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    mode,
    snapshot: run.snapshot,
    path: [run.view.nodeId],
    confidenceBefore: options.confidenceBefore,
    confidenceAfter: null,
    reflection: null,
    result: null,
    presence: null,
    assignmentId: options.assignmentId ?? assigned?.id ?? null,
  });
  await audit(context, {
    type: "attempt.start",
    orgId: viewer.org.id,
    actorId: viewer.user.id,
    detail: { attemptId: attempt.id, scenarioId: scenario.id, version: scenario.version, mode },
  });
  return attempt;
}

/** The viewer's own attempt, or a 404 that does not reveal whether it exists. */
export async function requireOwnAttempt(
  request: Request,
  context: AppLoadContext,
  viewer: Viewer,
  attemptId: string | undefined,
): Promise<Attempt> {
  const attempt = attemptId ? await context.store.getAttempt(attemptId) : null;
  if (!attempt) throw new Response("Not found", { status: 404 });
  if (attempt.orgId !== viewer.org.id || attempt.userId !== viewer.user.id) {
    await deny(context, viewer, request, 404, "attempt of another person");
  }
  return attempt;
}

export async function scenarioForAttempt(context: AppLoadContext, attempt: Attempt): Promise<Scenario> {
  const scenario = await getScenario(context, attempt.orgId, attempt.scenarioId, attempt.scenarioVersion);
  if (!scenario) {
    throw new Response(
      `This attempt was made on version ${attempt.scenarioVersion} of the scenario, which is no longer available.`,
      { status: 410 },
    );
  }
  return scenario;
}

export type ChooseOutcome =
  | { ok: true; attempt: Attempt; finished: boolean }
  | { ok: false; status: 400 | 409; code: "illegal-choice" | "stale" | "not-in-progress"; message: string };

/** How many choices the attempt has made: what a page's `step` refers to (other writes, such as presence, don't count). */
export function choicesMade(attempt: Attempt): number {
  return attempt.path.length - 1;
}

/**
 * Applies one choice. Stale (the page was behind the server) and illegal choices store nothing. Another choice that
 * got in first is reported as stale too; a write that changed something else (a presence summary saved at the same
 * moment) is not a reason to refuse, so the choice is applied to the fresh record once more.
 */
export async function chooseInAttempt(
  context: AppLoadContext,
  attempt: Attempt,
  input: { choiceId: string; step: number | null },
): Promise<ChooseOutcome> {
  if (attempt.status !== "in-progress") {
    return { ok: false, status: 409, code: "not-in-progress", message: "This attempt has already finished." };
  }
  if (input.step !== null && input.step !== choicesMade(attempt)) {
    return {
      ok: false,
      status: 409,
      code: "stale",
      message: "This page was out of date: the consultation had already moved on. It now shows where you are.",
    };
  }
  const scenario = await scenarioForAttempt(context, attempt);
  const outcome = applyChoice(scenario, attempt.snapshot, input.choiceId, { maxIterations: MAX_ITERATIONS });
  if (!outcome.ok) {
    return {
      ok: false,
      status: outcome.code === "finished" ? 409 : 400,
      code: outcome.code === "finished" ? "not-in-progress" : "illegal-choice",
      message: outcome.message,
    };
  }
  const finished = outcome.view.finished;
  let result: AttemptResult | null = null;
  if (finished) {
    const score = scoreRun(scenario, outcome.snapshot);
    if (!score.finished) throw new Error("The engine reported an ending the scorer does not see.");
    result = {
      endingId: score.endingId,
      outcome: score.outcome,
      scores: Object.fromEntries(
        Object.entries(score.scores).filter((e): e is [string, number] => typeof e[1] === "number"),
      ),
      overall: score.overall,
      passed: score.passed,
    };
  }
  const now = context.now().toISOString();
  const patch = {
    snapshot: outcome.snapshot,
    path: [...attempt.path, outcome.view.nodeId],
    ...(finished ? { status: "completed" as const, result, completedAt: now } : {}),
  };
  try {
    let updated: Attempt;
    try {
      updated = await context.store.updateAttempt(attempt.id, attempt.step, patch);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const fresh = await context.store.getAttempt(attempt.id);
      if (!fresh || fresh.status !== "in-progress" || choicesMade(fresh) !== choicesMade(attempt)) throw error;
      updated = await context.store.updateAttempt(fresh.id, fresh.step, patch);
    }
    if (finished) {
      await audit(context, {
        type: "attempt.complete",
        orgId: attempt.orgId,
        actorId: attempt.userId,
        detail: {
          attemptId: attempt.id,
          scenarioId: attempt.scenarioId,
          passed: result!.passed,
          overall: result!.overall,
        },
      });
      await queueAttemptStatements(context, scenario, updated);
    }
    return { ok: true, attempt: updated, finished };
  } catch (error) {
    if (error instanceof ConflictError) {
      return {
        ok: false,
        status: 409,
        code: "stale",
        message: "Another window moved this consultation on first. This page now shows where you are.",
      };
    }
    if (error instanceof NotFoundError) throw new Response("Not found", { status: 404 });
    throw error;
  }
}

export async function abandonAttempt(context: AppLoadContext, attempt: Attempt): Promise<Attempt> {
  if (attempt.status !== "in-progress") return attempt;
  const updated = await context.store.updateAttempt(attempt.id, attempt.step, { status: "abandoned" });
  await audit(context, {
    type: "attempt.abandon",
    orgId: attempt.orgId,
    actorId: attempt.userId,
    detail: { attemptId: attempt.id, nodeId: attempt.path.at(-1) ?? "" },
  });
  return updated;
}

export function currentView(scenario: Scenario, attempt: Attempt) {
  return viewOf(scenario, attempt.snapshot);
}
