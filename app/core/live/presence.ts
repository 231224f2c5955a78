// Who is in a live session right now: connected, away (reloading or reconnecting) or gone, read from lastSeenAt.
import { LIVE_LIMITS, msBetween, type IsoTime, type LiveParticipant, type LiveSession } from "./session";

export type PresenceState = "connected" | "away" | "left";

export function presenceOf(participant: LiveParticipant, now: IsoTime): PresenceState {
  if (participant.leftAt !== null) return "left";
  return msBetween(participant.lastSeenAt, now) <= LIVE_LIMITS.presenceTimeoutMs ? "connected" : "away";
}

export function isConnected(participant: LiveParticipant, now: IsoTime): boolean {
  return presenceOf(participant, now) === "connected";
}

/**
 * Whether a participant still occupies a place (and, for an actor, their parts): everyone who has not left, until
 * they have been away longer than the seat is held. Then a colleague may take the place; they may still come back
 * if there is room.
 */
export function holdsSeat(participant: LiveParticipant, now: IsoTime): boolean {
  return participant.leftAt === null && msBetween(participant.lastSeenAt, now) <= LIVE_LIMITS.seatHoldMs;
}

export function seated(session: LiveSession, now: IsoTime): LiveParticipant[] {
  return session.participants.filter((p) => holdsSeat(p, now));
}

/**
 * Records that a participant's page is still there (the instance holding their signalling stream calls this every
 * `presenceRefreshMs`). It does not change the revision: presence must never make someone's change look stale.
 * Unknown or departed participants are left as they are.
 */
export function touchParticipant(session: LiveSession, userId: string, now: IsoTime): LiveSession {
  const index = session.participants.findIndex((p) => p.userId === userId && p.leftAt === null);
  if (index < 0) return session;
  const participants = session.participants.map((p, i) => (i === index ? { ...p, lastSeenAt: now } : p));
  return { ...session, participants, lastActivityAt: later(session.lastActivityAt, now) };
}

/** The later of two instants, so a late-arriving refresh never moves a clock backwards. */
export function later(a: IsoTime, b: IsoTime): IsoTime {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
