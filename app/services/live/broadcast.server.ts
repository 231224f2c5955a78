// Webside's own messages on a session's signalling stream: who is there (presence), where the script is (script) and
// the session's state (session). They go through the store like relayed signals, so every app instance's streams
// deliver them in one order with the peers' messages.
import type { AppLoadContext } from "@remix-run/node";
import {
  planStageEffects,
  presenceOf,
  takenParts,
  voices,
  type LiveSession,
  type PresenceMessage,
  type ScriptMessage,
  type SessionMessage,
} from "~/core/live";
import { viewOf } from "~/core/scenario";
import type { NewLiveSignal } from "~/storage/types";
import { getScenario } from "~/services/catalogue.server";

export function presenceMessage(session: LiveSession, now: string): PresenceMessage {
  return {
    type: "presence",
    participants: session.participants.map((p) => ({
      id: p.userId,
      name: p.name,
      role: p.role,
      plays: p.plays,
      state: presenceOf(p, now),
    })),
  };
}

export function sessionMessage(session: LiveSession): SessionMessage {
  return { type: "session", status: session.status, endReason: session.endReason };
}

/** Where the consultation is, with the stage effects that really happen at this node; null before it starts. */
export async function scriptMessage(
  context: AppLoadContext,
  session: LiveSession,
  now: string,
): Promise<ScriptMessage | null> {
  if (session.attemptId === null) return null;
  const attempt = await context.store.getAttempt(session.attemptId);
  const scenario = await getScenario(context, session.orgId, session.scenarioId, session.scenarioVersion);
  if (!attempt || !scenario) return null;
  const view = viewOf(scenario, attempt.snapshot);
  const actorIds = [...new Set(takenParts(session, now).values())];
  const effects = view.finished
    ? []
    : planStageEffects(
        view.events,
        voices(
          session,
          scenario.cast.map((c) => c.id),
          now,
        ),
        actorIds,
      );
  return {
    type: "script",
    step: attempt.path.length - 1,
    nodeId: view.nodeId,
    finished: view.finished,
    effects: effects.map((e) => ({ kind: e.kind, actorId: e.actorId })),
  };
}

/** After a saved change: presence always; the session's state when it changed; the script when it moved or started. */
export async function publishSessionChange(
  context: AppLoadContext,
  before: LiveSession,
  after: LiveSession,
): Promise<void> {
  const now = context.now().toISOString();
  const messages: NewLiveSignal[] = [{ from: null, to: null, message: presenceMessage(after, now) }];
  if (before.status !== after.status) messages.push({ from: null, to: null, message: sessionMessage(after) });
  if (before.attemptId !== after.attemptId || before.advances.length !== after.advances.length) {
    const script = await scriptMessage(context, after, now);
    if (script) messages.push({ from: null, to: null, message: script });
  }
  await context.store.appendLiveSignals(after.id, messages, now);
}

export async function publishPresence(context: AppLoadContext, session: LiveSession): Promise<void> {
  const now = context.now().toISOString();
  await context.store.appendLiveSignals(
    session.id,
    [{ from: null, to: null, message: presenceMessage(session, now) }],
    now,
  );
}
