// Who may do what in a live session once they are in it: move the script on, signal, rate, read the debrief.
import { closedMessage, settle } from "./lifecycle";
import { refuse, type LiveCheck, type LiveRefusal } from "./refusal";
import {
  LIVE_LIMITS,
  isOpen,
  msBetween,
  participantOf,
  type IsoTime,
  type LiveParticipant,
  type LiveSession,
} from "./session";

/** Someone in the session who has not left it; departed and unknown people are refused alike. */
function present(session: LiveSession, userId: string): LiveCheck {
  const participant = participantOf(session, userId);
  if (!participant || participant.leftAt !== null)
    return refuse("not-participant", "You are not in this live session.");
  return { ok: true };
}

/** The session as it stands at `now` and the person in it, for a change only someone in an open session may make. */
export function presentInOpenSession(
  session: LiveSession,
  userId: string,
  now: IsoTime,
): { ok: true; session: LiveSession; participant: LiveParticipant } | LiveRefusal {
  session = settle(session, now);
  if (!isOpen(session)) return refuse("closed", closedMessage(session));
  const here = present(session, userId);
  if (!here.ok) return here;
  return { ok: true, session, participant: participantOf(session, userId)! };
}

/**
 * An actor records which written response the learner's reply was closest to. Only actors do, and only while the
 * consultation runs; the choice itself is then validated by the attempt engine like any other (stale or not offered
 * at this node: refused, nothing stored).
 */
export function mayAdvanceScript(session: LiveSession, userId: string, now: IsoTime): LiveCheck {
  session = settle(session, now);
  const here = present(session, userId);
  if (!here.ok) return here;
  if (participantOf(session, userId)?.role !== "actor") {
    return refuse("wrong-role", "Only the patient actor records which response was closest.");
  }
  if (!isOpen(session)) return refuse("closed", closedMessage(session));
  if (session.status !== "running" || session.attemptId === null) {
    return refuse("not-running", "The consultation has not started yet. The clinician starts it from the lobby.");
  }
  return { ok: true };
}

/** Offers, answers and candidates flow between people who are in an open session (lobby included: the camera check). */
export function maySignal(session: LiveSession, userId: string, now: IsoTime): LiveCheck {
  session = settle(session, now);
  const here = present(session, userId);
  if (!here.ok) return here;
  if (!isOpen(session)) return refuse("closed", closedMessage(session));
  return { ok: true };
}

export type LiveRatingKind = "observer" | "patient";

/**
 * Observers rate the learner; actors give the view of a character they played (`castId`). Either may do so from the
 * start of the consultation until a day after it stopped (ended, or expired after it had started).
 */
export function mayRate(
  session: LiveSession,
  userId: string,
  rating: { kind: "observer" } | { kind: "patient"; castId: string },
  now: IsoTime,
): LiveCheck {
  const { kind } = rating;
  session = settle(session, now);
  const participant = participantOf(session, userId);
  if (!participant) return refuse("not-participant", "You are not in this live session.");
  const role = kind === "observer" ? "observer" : "actor";
  if (participant.role !== role) {
    return refuse(
      "wrong-role",
      kind === "observer" ? "Only observers give an observer's rating." : "Only actors give the patient's view.",
    );
  }
  if (rating.kind === "patient" && !participant.plays.includes(rating.castId)) {
    return refuse("unknown-part", "Give the view of a character you played in this session.");
  }
  if (session.startedAt === null) {
    return refuse("not-running", "Ratings open when the consultation starts.");
  }
  if (!isOpen(session) && msBetween(session.endedAt ?? now, now) > LIVE_LIMITS.ratingWindowMs) {
    return refuse("rating-closed", "Ratings for this session closed a day after it ended.");
  }
  return { ok: true };
}

/** Everyone who took part reads the debrief (the learner, actors and observers, including those who left early). */
export function mayReadDebrief(session: LiveSession, userId: string): LiveCheck {
  if (!participantOf(session, userId))
    return refuse("not-participant", "Only the people in this session can read its debrief.");
  if (session.startedAt === null) return refuse("not-running", "This session never started, so it has no debrief.");
  return { ok: true };
}
