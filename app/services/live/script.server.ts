// The actor records which written response the learner's spoken reply was closest to. The session rule says whether
// they may; the attempts service's single writer (chooseInAttempt -> reviseAttempt) then judges the choice exactly as
// in solo practice, so a stale step or a choice not offered here is refused and nothing is stored.
import type { AppLoadContext } from "@remix-run/node";
import { mayAdvanceScript, recordAdvance, type LiveSession } from "~/core/live";
import { chooseInAttempt, type ChoiceRefusal } from "~/services/attempts.server";
import type { Viewer } from "~/utils/auth.server";
import { changeLiveSession, withStatus, type LiveOutcome } from "./sessions.server";

export type AdvanceOutcome = LiveOutcome | ChoiceRefusal;

export async function advanceLiveScript(
  context: AppLoadContext,
  viewer: Viewer,
  session: LiveSession,
  /** The choice, and the step the actor's page showed (choices made so far). */
  input: { choiceId: string; expectedStep: number },
): Promise<AdvanceOutcome> {
  const now = context.now().toISOString();
  const allowed = mayAdvanceScript(session, viewer.user.id, now);
  if (!allowed.ok) return withStatus(allowed);
  const attempt = await context.store.getAttempt(session.attemptId!);
  if (!attempt || attempt.liveSessionId !== session.id) {
    throw new Error(`Live session ${session.id} points at attempt ${session.attemptId}, which is not its attempt.`);
  }
  const chosen = await chooseInAttempt(context, attempt, { choiceId: input.choiceId, step: input.expectedStep });
  if (!chosen.ok) return chosen;
  const step = chosen.attempt.path.length - 1;
  const nodeId = chosen.attempt.path.at(-1)!;
  // Keyed by step, so a retry after a conflict on the session adds nothing twice.
  return changeLiveSession(context, session, (current) => ({
    ok: true,
    session: recordAdvance(current, { step, nodeId, choiceId: input.choiceId, by: viewer.user.id, at: now }),
  }));
}
