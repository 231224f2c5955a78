// What a live-session rule answers: the changed session, or a refusal with a code for the route and words for a person.
import type { LiveSession } from "./session";

export type LiveRefusalCode =
  /** The session has ended or expired. */
  | "closed"
  /** The session belongs to another organisation (a route answers 404, so its existence is not revealed). */
  | "wrong-organisation"
  /** A newcomer arrived after the join code stopped admitting people. */
  | "code-expired"
  /** The person is not (or no longer) in the session. */
  | "not-participant"
  /** The requested role cannot be had: only the session's creator is the learner. */
  | "role-taken"
  /** A role cannot change once the consultation is running, and the learner's never does. */
  | "role-change"
  | "full"
  | "observers-full"
  /** Every part already has an actor. */
  | "no-part-left"
  | "part-taken"
  | "unknown-part"
  /** The action belongs to another role (only the learner starts and ends; only an actor moves the script on). */
  | "wrong-role"
  /** The action needs a running consultation (or one that has run, for ratings). */
  | "not-running"
  /** The consultation cannot start yet: a part has no connected actor, or the learner is not connected. */
  | "not-ready"
  | "rating-closed";

export type LiveRefusal = { ok: false; code: LiveRefusalCode; message: string };
export type LiveResult = { ok: true; session: LiveSession } | LiveRefusal;
export type LiveCheck = { ok: true } | LiveRefusal;

export function refuse(code: LiveRefusalCode, message: string): LiveRefusal {
  return { ok: false, code, message };
}
