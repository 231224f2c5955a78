// Which cast members live actors play: every patient needs an actor; other cast members are voiced by the lead actor.
import type { CastMember } from "../scenario/schema";
import { holdsSeat } from "./presence";
import type { IsoTime, LivePart, LiveSession } from "./session";

/**
 * The parts that need an actor before a consultation can start: the scenario's patients in cast order. A scenario
 * whose cast has no patient (a carer calling on someone's behalf) needs one actor for its first cast member who is
 * not a clinician.
 */
export function partsToPlay(cast: readonly Pick<CastMember, "id" | "name" | "role">[]): LivePart[] {
  const patients = cast.filter((member) => member.role === "patient");
  const parts = patients.length > 0 ? patients : cast.filter((member) => member.role !== "clinician").slice(0, 1);
  return parts.map(({ id, name }) => ({ id, name }));
}

/** Part id -> the actor playing it, among actors who still hold their seat, leaving out `exceptUserId`. */
export function takenParts(session: LiveSession, now: IsoTime, exceptUserId?: string): Map<string, string> {
  const taken = new Map<string, string>();
  for (const p of session.participants) {
    if (p.role !== "actor" || p.userId === exceptUserId || !holdsSeat(p, now)) continue;
    for (const castId of p.plays) taken.set(castId, p.userId);
  }
  return taken;
}

export function freeParts(session: LiveSession, now: IsoTime, exceptUserId?: string): LivePart[] {
  const taken = takenParts(session, now, exceptUserId);
  return session.parts.filter((part) => !taken.has(part.id));
}

export function partName(session: LiveSession, castId: string): string {
  return session.parts.find((part) => part.id === castId)?.name ?? castId;
}

/**
 * Who voices each cast member: a part goes to the actor playing it; every other cast member (a carer, an
 * interpreter, a relative who walks in) goes to the lead actor, the one playing the first part in cast order that
 * has an actor. Cast members nobody voices yet are absent from the map.
 */
export function voices(session: LiveSession, castIds: readonly string[], now: IsoTime): Map<string, string> {
  const taken = takenParts(session, now);
  const lead = session.parts.map((part) => taken.get(part.id)).find((userId) => userId !== undefined);
  const isPart = new Set(session.parts.map((part) => part.id));
  const result = new Map<string, string>();
  for (const castId of castIds) {
    const actor = isPart.has(castId) ? taken.get(castId) : lead;
    if (actor !== undefined) result.set(castId, actor);
  }
  return result;
}

/**
 * Which of an actor's parts is speaking now: the one of theirs who speaks last in the current node's lines (cast ids
 * in order), or their first part when none of them speaks there. Null for someone who plays nobody.
 */
export function partSpeaking(speakerIds: readonly string[], plays: readonly string[]): string | null {
  const last = [...speakerIds].reverse().find((id) => plays.includes(id));
  return last ?? plays[0] ?? null;
}
