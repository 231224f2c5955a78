// One choice in an attempt, decided by the server from the stored snapshot: refused (stale page, not offered, already
// finished) with nothing stored, or stored with the new node, and scored when it reaches an ending.
import type { AppLoadContext } from "@remix-run/node";
import { applyChoice, scoreRun, type Scenario } from "~/core/scenario";
import { ConflictError } from "~/storage/errors";
import type { Attempt, AttemptPatch, AttemptResult } from "~/storage/types";
import { audit } from "~/services/audit.server";
import { queueAttemptStatements } from "~/services/xapi.server";
import { choicesMade, scenarioForAttempt } from "./lookup.server";
import { reviseAttempt } from "./revise.server";

export interface ChoiceInput {
  choiceId: string;
  /** The clinician's step as the page showed it (choices made); null skips the check, as a script may. */
  step: number | null;
}

export type ChoiceRefusal = {
  ok: false;
  status: 400 | 409;
  code: "illegal-choice" | "stale" | "not-in-progress";
  message: string;
};

export type ChooseOutcome = { ok: true; attempt: Attempt; finished: boolean } | ChoiceRefusal;

const PAGE_BEHIND: ChoiceRefusal = {
  ok: false,
  status: 409,
  code: "stale",
  message: "This page was out of date: the consultation had already moved on. It now shows where you are.",
};
const MOVED_ON_ELSEWHERE: ChoiceRefusal = {
  ok: false,
  status: 409,
  code: "stale",
  message: "Another window moved this consultation on first. This page now shows where you are.",
};
const FINISHED: ChoiceRefusal = {
  ok: false,
  status: 409,
  code: "not-in-progress",
  message: "This attempt has already finished.",
};

/** The stored result of an ending: the scorer's figures, kept beside the snapshot for lists and dashboards. */
export function attemptResult(scenario: Scenario, snapshot: unknown): AttemptResult {
  const score = scoreRun(scenario, snapshot);
  if (!score.finished) throw new Error("The engine reported an ending the scorer does not see.");
  return {
    endingId: score.endingId,
    outcome: score.outcome,
    scores: Object.fromEntries(
      Object.entries(score.scores).filter((e): e is [string, number] => typeof e[1] === "number"),
    ),
    overall: score.overall,
    passed: score.passed,
  };
}

/** The patch one choice makes to this record, or why it cannot be made. */
function choiceOn(
  scenario: Scenario,
  current: Attempt,
  choiceId: string,
  now: string,
): { patch: AttemptPatch } | { refuse: ChoiceRefusal } {
  const outcome = applyChoice(scenario, current.snapshot, choiceId);
  if (!outcome.ok) {
    const finished = outcome.code === "finished";
    const code = finished ? "not-in-progress" : "illegal-choice";
    return { refuse: { ok: false, status: finished ? 409 : 400, code, message: outcome.message } };
  }
  const path = [...current.path, outcome.view.nodeId];
  if (!outcome.view.finished) return { patch: { snapshot: outcome.snapshot, path } };
  const result = attemptResult(scenario, outcome.snapshot);
  return { patch: { snapshot: outcome.snapshot, path, status: "completed", result, completedAt: now } };
}

/**
 * Applies one choice. Stale (the page was behind the server) and illegal choices store nothing. Another choice that
 * got in first is reported as stale too; a write that changed something else (a presence summary saved at the same
 * moment) is not a reason to refuse, so the choice is applied to the fresh record once more.
 */
export async function chooseInAttempt(
  context: AppLoadContext,
  attempt: Attempt,
  input: ChoiceInput,
): Promise<ChooseOutcome> {
  const seen = input.step ?? choicesMade(attempt);
  if (attempt.status !== "in-progress") return FINISHED;
  if (seen !== choicesMade(attempt)) return PAGE_BEHIND;
  const scenario = await scenarioForAttempt(context, attempt);
  const now = context.now().toISOString();
  let revised;
  try {
    revised = await reviseAttempt(context, attempt, (current) => {
      // Checked again on a record read after a conflict: a choice made elsewhere in between wins.
      if (choicesMade(current) !== seen) return { refuse: MOVED_ON_ELSEWHERE };
      if (current.status !== "in-progress") return { refuse: FINISHED };
      return choiceOn(scenario, current, input.choiceId, now);
    });
  } catch (error) {
    if (error instanceof ConflictError) return MOVED_ON_ELSEWHERE;
    throw error;
  }
  if (!revised.ok) return revised.refusal;
  const updated = revised.attempt;
  const finished = updated.status === "completed";
  if (finished) {
    await audit(context, {
      type: "attempt.complete",
      orgId: attempt.orgId,
      actorId: attempt.userId,
      detail: {
        attemptId: attempt.id,
        scenarioId: attempt.scenarioId,
        passed: updated.result!.passed,
        overall: updated.result!.overall,
      },
    });
    await queueAttemptStatements(context, scenario, updated);
  }
  return { ok: true, attempt: updated, finished };
}
