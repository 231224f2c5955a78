// What each person's own camera and microphone check found in the lobby, shared with the others as a verdict only
// (ready, or how many things to fix), so the clinician can see that the actor is ready before starting. The picture and
// sound are analysed on each person's device and stay there.
import { presentInOpenSession } from "./permissions";
import type { LiveResult } from "./refusal";
import type { CallCheck, IsoTime, LiveParticipant, LiveSession } from "./session";

/** The check's lines (lighting, framing, eye line, microphone...) are fewer than this. */
export const MAX_THINGS_TO_FIX = 10;

export type { CallCheck } from "./session";

/** Stores a participant's latest check. Unchanged verdicts change nothing (no save, no message to the others). */
export function recordCallCheck(
  session: LiveSession,
  input: { userId: string; ready: boolean; toFix: number; now: IsoTime },
): LiveResult {
  const { userId, now } = input;
  const here = presentInOpenSession(session, userId, now);
  if (!here.ok) return here;
  ({ session } = here);
  const { participant } = here;
  const toFix = input.ready ? 0 : Math.min(MAX_THINGS_TO_FIX, Math.max(1, Math.round(input.toFix)));
  if (participant.check?.ready === input.ready && participant.check.toFix === toFix) return { ok: true, session };
  const check: CallCheck = { ready: input.ready, toFix, at: now };
  const participants = session.participants.map((p) => (p.userId === userId ? { ...p, check } : p));
  return { ok: true, session: { ...session, participants } };
}

/** The words beside a person's name in the list of who is in. */
export function callCheckText(participant: Pick<LiveParticipant, "check">): string {
  const check = participant.check;
  if (!check) return "camera check not done yet";
  if (check.ready) return "camera and microphone ready";
  return check.toFix === 1 ? "1 thing to fix in the camera check" : `${check.toFix} things to fix in the camera check`;
}
