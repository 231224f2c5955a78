// A live session's life: expiry of abandoned sessions, the learner starting the consultation, and ending it.
import { freeParts, partName, takenParts } from "./cast-parts";
import { isConnected } from "./presence";
import { refuse, type LiveResult } from "./refusal";
import {
  LIVE_LIMITS,
  isOpen,
  msBetween,
  participantOf,
  type IsoTime,
  type LiveAdvance,
  type LiveEndReason,
  type LiveSession,
} from "./session";

function addMs(at: IsoTime, ms: number): IsoTime {
  return new Date(Date.parse(at) + ms).toISOString();
}

/** When an open session expires if nothing else happens, and why. */
export function expiryOf(session: LiveSession): { at: IsoTime; reason: Exclude<LiveEndReason, "ended"> } {
  const idleMs = session.status === "running" ? LIVE_LIMITS.runningIdleMs : LIVE_LIMITS.lobbyIdleMs;
  const idleAt = addMs(session.lastActivityAt, idleMs);
  const limitAt = addMs(session.createdAt, LIVE_LIMITS.maxSessionMs);
  return Date.parse(idleAt) < Date.parse(limitAt)
    ? { at: idleAt, reason: "idle" }
    : { at: limitAt, reason: "time-limit" };
}

/**
 * The session as it stands at `now`: an open session nobody has been connected to for long enough (or past the
 * absolute limit) is expired, dated when it expired rather than when somebody noticed. Every service reads a session
 * through this before acting on it; a sweep saves the expiry of sessions nobody looks at.
 */
export function settle(session: LiveSession, now: IsoTime): LiveSession {
  if (!isOpen(session)) return session;
  const expiry = expiryOf(session);
  if (Date.parse(now) < Date.parse(expiry.at)) return session;
  return { ...session, status: "expired", endedAt: expiry.at, endReason: expiry.reason };
}

export function closedMessage(session: LiveSession): string {
  if (session.status === "expired")
    return session.endReason === "time-limit"
      ? "This live session has reached its time limit. Start a new one from the scenario's page."
      : "This live session expired because nobody was connected to it. Start a new one from the scenario's page.";
  return session.startedAt === null
    ? "This live session was ended before the consultation started."
    : "This live session has ended. Its debrief is on the session's page.";
}

/**
 * The learner starts the consultation once every part has a connected actor. The caller has created the learner's
 * attempt (mode "live") and passes its id.
 */
export function startConsultation(
  session: LiveSession,
  input: { userId: string; attemptId: string; now: IsoTime },
): LiveResult {
  const { userId, attemptId, now } = input;
  session = settle(session, now);
  if (!isOpen(session)) return refuse("closed", closedMessage(session));
  if (userId !== session.learnerId) return refuse("wrong-role", "Only the clinician can start the consultation.");
  if (session.status !== "lobby") return refuse("not-running", "The consultation has already started.");
  const learner = participantOf(session, userId);
  if (!learner || !isConnected(learner, now)) {
    return refuse("not-ready", "Your connection to the session dropped. Wait for it to come back, then start.");
  }
  const unplayed = freeParts(session, now).map((part) => part.name);
  if (unplayed.length > 0) {
    return refuse("not-ready", `Waiting for an actor to play ${unplayed.join(", ")}. Share the join code.`);
  }
  const taken = takenParts(session, now);
  const away = session.parts.filter((part) => {
    const actor = participantOf(session, taken.get(part.id) ?? "");
    return !actor || !isConnected(actor, now);
  });
  if (away.length > 0) {
    const names = away.map((part) => partName(session, part.id)).join(", ");
    return refuse("not-ready", `The actor playing ${names} is reconnecting. Start when they are back.`);
  }
  return {
    ok: true,
    session: { ...session, status: "running", attemptId, startedAt: now, lastActivityAt: now },
  };
}

/** The learner ends the session, from the lobby (nothing happened) or during the consultation (its debrief follows). */
export function endSession(session: LiveSession, input: { userId: string; now: IsoTime }): LiveResult {
  const { userId, now } = input;
  session = settle(session, now);
  if (!isOpen(session)) return refuse("closed", closedMessage(session));
  if (userId !== session.learnerId) {
    return refuse("wrong-role", "Only the clinician can end the session. You can leave it instead.");
  }
  return { ok: true, session: { ...session, status: "ended", endedAt: now, endReason: "ended", lastActivityAt: now } };
}

/**
 * Notes which actor recorded a step, after the attempt engine has accepted the choice (mayAdvanceScript, then the
 * attempt's own writer). Keyed by step, so a service retrying the session save after a conflict never adds it twice.
 */
export function recordAdvance(session: LiveSession, advance: LiveAdvance): LiveSession {
  if (session.advances.some((a) => a.step === advance.step)) return session;
  const advances = [...session.advances, { ...advance }].sort((a, b) => a.step - b.step);
  return { ...session, advances, lastActivityAt: advance.at };
}

/** How long the session has run (for the debrief): from start to end, or to `now` while running. */
export function consultationMs(session: LiveSession, now: IsoTime): number | null {
  if (session.startedAt === null) return null;
  return Math.max(0, msBetween(session.startedAt, session.endedAt ?? now));
}
