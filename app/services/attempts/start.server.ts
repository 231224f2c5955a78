// Starting an attempt: from the overview (starting over ends the one in progress), or again from a debrief.
import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { startRun, type Scenario } from "~/core/scenario";
import type { Attempt, AttemptMode } from "~/storage/types";
import { assignmentForAttempt } from "~/services/assigned.server";
import { audit } from "~/services/audit.server";
import { getScenario, pinScenarioVersion } from "~/services/catalogue.server";
import type { Viewer } from "~/utils/auth.server";
import { confidence } from "~/utils/form-schemas";
import type { ParsedForm } from "~/utils/forms.server";
import { abandonAttempt } from "./abandon.server";
import { scenarioForAttempt } from "./lookup.server";

export interface StartOptions {
  mode: AttemptMode;
  confidenceBefore: number | null;
  /** The assignment it counts towards; left out, the viewer's open assignment for this scenario is found. */
  assignmentId?: string | null;
  /** "Say it first": answer aloud before the written responses appear. */
  sayItFirst?: boolean;
  /** The live role-play session whose consultation this attempt records (ADR 0054). */
  liveSessionId?: string;
}

export async function startAttempt(
  context: AppLoadContext,
  viewer: Viewer,
  scenario: Scenario,
  options: StartOptions,
): Promise<Attempt> {
  const run = startRun(scenario);
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
    sayItFirst: options.sayItFirst ?? false,
    snapshot: run.snapshot,
    path: [run.view.nodeId],
    confidenceBefore: options.confidenceBefore,
    confidenceAfter: null,
    reflection: null,
    result: null,
    presence: null,
    assignmentId: options.assignmentId ?? assigned?.id ?? null,
    ...(options.liveSessionId ? { liveSessionId: options.liveSessionId } : {}),
  });
  await audit(context, {
    type: "attempt.start",
    orgId: viewer.org.id,
    actorId: viewer.user.id,
    detail: { attemptId: attempt.id, scenarioId: scenario.id, version: scenario.version, mode },
  });
  return attempt;
}

/**
 * What the overview's Start (or "Start over") does: one attempt in progress per scenario, so starting again ends
 * the old one, and My learning and the home page never fill with forgotten half-played attempts.
 */
export async function startOver(
  context: AppLoadContext,
  viewer: Viewer,
  scenario: Scenario,
  options: Omit<StartOptions, "assignmentId">,
): Promise<Attempt> {
  const earlier = await context.store.listAttemptsForUser(viewer.user.id, viewer.org.id);
  for (const old of earlier.filter((a) => a.scenarioId === scenario.id && a.status === "in-progress")) {
    await abandonAttempt(context, old);
  }
  return startAttempt(context, viewer, scenario, options);
}

/** The overview's start form: confidence before, learning or assessment mode, and "say it first". */
export const startForm = z.object({
  confidence: confidence("Choose how confident you feel"),
  mode: z.enum(["learning", "assessment"], { error: "Choose learning or assessment mode" }),
  sayItFirst: z.literal("on").optional(),
});

/**
 * Starts (over) a scenario from its overview. Null when the scenario is not playable here, checked before the form so
 * a missing scenario is a 404 whatever was sent; a refused form is handed back unchanged.
 */
export async function startScenario(
  context: AppLoadContext,
  viewer: Viewer,
  scenarioId: string,
  form: ParsedForm<z.output<typeof startForm>>,
): Promise<{ ok: true; attempt: Attempt } | Extract<ParsedForm<unknown>, { ok: false }> | null> {
  const scenario = await getScenario(context, viewer.org.id, scenarioId);
  if (!scenario) return null;
  if (!form.ok) return form;
  const attempt = await startOver(context, viewer, scenario, {
    mode: form.data.mode,
    confidenceBefore: form.data.confidence,
    sayItFirst: form.data.sayItFirst === "on",
  });
  return { ok: true, attempt };
}

/** "Try again" from a debrief: the same scenario version and mode, starting from the confidence rated after. */
export async function practiseAgain(context: AppLoadContext, viewer: Viewer, attempt: Attempt): Promise<Attempt> {
  const scenario = await scenarioForAttempt(context, attempt);
  return startOver(context, viewer, scenario, {
    mode: attempt.mode,
    confidenceBefore: attempt.confidenceAfter ?? attempt.confidenceBefore,
  });
}
