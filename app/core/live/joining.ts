// Joining, rejoining and leaving a live session, with its role rules, places and the actors' choice of parts.
import { freeParts, partName, takenParts } from "./cast-parts";
import { closedMessage, endSession, settle } from "./lifecycle";
import { holdsSeat } from "./presence";
import { refuse, type LiveRefusal, type LiveResult } from "./refusal";
import {
  LIVE_LIMITS,
  LIVE_ROLE_LABELS,
  isOpen,
  participantOf,
  type IsoTime,
  type LiveParticipant,
  type LiveRole,
  type LiveSession,
} from "./session";

export interface JoinRequest {
  userId: string;
  /** The organisation the person is acting in; a session only admits its own organisation's members. */
  orgId: string;
  name: string;
  role: LiveRole;
  /** Actors: the parts (cast ids) they will play; by default every part nobody plays yet. */
  plays?: readonly string[];
  now: IsoTime;
}

/** Everyone who occupies a place: the learner always, others while they hold their seat (presence.ts). */
function occupants(session: LiveSession, now: IsoTime, exceptUserId: string): LiveParticipant[] {
  return session.participants.filter(
    (p) => p.userId !== exceptUserId && (p.userId === session.learnerId ? p.leftAt === null : holdsSeat(p, now)),
  );
}

/** The parts an actor will play, or why they cannot play any. */
function partsFor(
  session: LiveSession,
  userId: string,
  requested: readonly string[] | undefined,
  now: IsoTime,
): string[] | LiveRefusal {
  const taken = takenParts(session, now, userId);
  if (requested === undefined || requested.length === 0) {
    const free = freeParts(session, now, userId).map((part) => part.id);
    if (free.length > 0) return free;
    return refuse(
      "no-part-left",
      "Every part in this scenario already has an actor. Join as an observer, or ask an actor to give you a part.",
    );
  }
  const plays = [...new Set(requested)];
  const unknown = plays.find((castId) => !session.parts.some((part) => part.id === castId));
  if (unknown !== undefined) {
    const names = session.parts.map((part) => part.name).join(", ");
    return refuse("unknown-part", `"${unknown}" is not a part in this scenario. The parts are: ${names}.`);
  }
  const clash = plays.find((castId) => taken.has(castId));
  if (clash !== undefined) {
    const other = participantOf(session, taken.get(clash) ?? "");
    return refuse(
      "part-taken",
      `${other?.name ?? "Another actor"} already plays ${partName(session, clash)}. Choose another part.`,
    );
  }
  // Keep the scenario's cast order, so the lead actor (cast-parts.ts) does not depend on the order of clicks.
  return session.parts.map((part) => part.id).filter((castId) => plays.includes(castId));
}

/** Whether a place in `role` is free for `userId`; the parts for an actor. */
function placeFor(session: LiveSession, request: JoinRequest): { plays: string[] } | LiveRefusal {
  const isNew = participantOf(session, request.userId) === undefined;
  if (isNew && session.participants.length >= LIVE_LIMITS.everJoined) {
    return refuse("full", `${LIVE_LIMITS.everJoined} people have already joined this session; start a new one.`);
  }
  const others = occupants(session, request.now, request.userId);
  if (others.length >= LIVE_LIMITS.participants) {
    return refuse(
      "full",
      `This session already has ${LIVE_LIMITS.participants} people, the most a peer-to-peer call can carry well.`,
    );
  }
  if (request.role === "observer") {
    if (others.filter((p) => p.role === "observer").length >= LIVE_LIMITS.observers) {
      return refuse("observers-full", `This session already has ${LIVE_LIMITS.observers} observers.`);
    }
    return { plays: [] };
  }
  const plays = partsFor(session, request.userId, request.plays, request.now);
  return Array.isArray(plays) ? { plays } : plays;
}

/**
 * A member of the session's organisation joins in a role, or someone already in it comes back (after leaving, or
 * after being away so long their seat lapsed). In the lobby a person may switch between actor and observer; once
 * the consultation runs, roles are fixed. Only the session's creator is ever the learner.
 */
export function joinSession(session: LiveSession, request: JoinRequest): LiveResult {
  const { userId, role, now } = request;
  // Checked first, so a person from elsewhere learns nothing about the session, not even that it has ended.
  if (request.orgId !== session.orgId) {
    return refuse("wrong-organisation", "This live session belongs to another organisation.");
  }
  session = settle(session, now);
  if (!isOpen(session)) return refuse("closed", closedMessage(session));
  const existing = participantOf(session, userId);
  const isLearner = userId === session.learnerId;
  if (isLearner !== (role === "learner")) {
    return isLearner
      ? refuse("role-change", "You started this session, so you are the clinician in it.")
      : refuse("role-taken", "The clinician is the person who started the session. Join as an actor or observer.");
  }
  if (existing && existing.role !== role && session.status !== "lobby") {
    return refuse(
      "role-change",
      `You joined as ${LIVE_ROLE_LABELS[existing.role].toLowerCase()}; roles cannot change once the consultation has started.`,
    );
  }
  if (!existing && Date.parse(now) > Date.parse(session.joinUntil)) {
    return refuse("code-expired", "This join code has expired. Ask the clinician to start a new live session.");
  }

  let plays = existing?.plays ?? [];
  const keepsPlace = existing !== undefined && existing.role === role && holdsSeat(existing, now);
  if (isLearner) {
    plays = [];
  } else if (!keepsPlace || request.plays !== undefined) {
    // An actor coming back asks for their old parts first, where nobody has taken them meanwhile.
    const taken = takenParts(session, now, userId);
    const previous = existing?.role === "actor" ? existing.plays.filter((castId) => !taken.has(castId)) : [];
    const wanted = request.plays ?? (role === "actor" && previous.length > 0 ? previous : undefined);
    const place = placeFor(session, { ...request, plays: wanted });
    if ("code" in place) return place;
    plays = place.plays;
  } else if (role === "actor") {
    // Back from a short drop: keep the parts nobody else took meanwhile (none can have been, while the seat held).
    const taken = takenParts(session, now, userId);
    plays = plays.filter((castId) => !taken.has(castId));
  }

  const name = request.name.slice(0, LIVE_LIMITS.nameChars);
  const joined: LiveParticipant = existing
    ? { ...existing, name, role, plays, lastSeenAt: now, leftAt: null }
    : { userId, name, role, plays, joinedAt: now, lastSeenAt: now, leftAt: null };
  const participants = existing
    ? session.participants.map((p) => (p.userId === userId ? joined : p))
    : [...session.participants, joined];
  return { ok: true, session: { ...session, participants, lastActivityAt: now } };
}

/**
 * A person chooses to leave. An actor's parts become free for a colleague; the learner leaving ends the session,
 * because the consultation cannot go on without them. A reload or dropped connection is not leaving (presence.ts).
 */
export function leaveSession(session: LiveSession, input: { userId: string; now: IsoTime }): LiveResult {
  const { userId, now } = input;
  session = settle(session, now);
  if (!isOpen(session)) return { ok: true, session };
  const participant = participantOf(session, userId);
  if (!participant || participant.leftAt !== null) {
    return refuse("not-participant", "You are not in this live session.");
  }
  if (userId === session.learnerId) return endSession(session, { userId, now });
  const participants = session.participants.map((p) => (p.userId === userId ? { ...p, leftAt: now } : p));
  return { ok: true, session: { ...session, participants, lastActivityAt: now } };
}

/**
 * An actor changes the parts they play: in the lobby, or during the consultation to take over the part of an
 * actor who left.
 */
export function chooseParts(
  session: LiveSession,
  input: { userId: string; plays: readonly string[]; now: IsoTime },
): LiveResult {
  const { userId, now } = input;
  session = settle(session, now);
  if (!isOpen(session)) return refuse("closed", closedMessage(session));
  const participant = participantOf(session, userId);
  if (!participant || participant.leftAt !== null) {
    return refuse("not-participant", "You are not in this live session.");
  }
  if (participant.role !== "actor") return refuse("wrong-role", "Only actors play parts.");
  if (input.plays.length === 0) {
    return refuse("unknown-part", "Choose at least one part to play, or leave the session.");
  }
  const plays = partsFor(session, userId, input.plays, now);
  if (!Array.isArray(plays)) return plays;
  const participants = session.participants.map((p) => (p.userId === userId ? { ...p, plays, lastSeenAt: now } : p));
  return { ok: true, session: { ...session, participants, lastActivityAt: now } };
}
