// An actor of several patients says whose voice they are: the script decides (cast-parts.ts partSpeaking) unless they
// switch by hand, which holds until the script moves on. The switch is stored with the step it was made at, so the
// others' captions ("Tom, as Mrs Hoa") and the actor's own page after a reload say the same.
import { partSpeaking } from "./cast-parts";
import { presentInOpenSession } from "./permissions";
import { refuse, type LiveResult } from "./refusal";
import type { IsoTime, LiveParticipant, LiveSession } from "./session";

export type { SpeakingAsChoice } from "./session";

/** Stores an actor's switch. Only an actor, for a part of theirs, while the consultation runs; unchanged is a no-op. */
export function chooseSpeakingAs(
  session: LiveSession,
  input: { userId: string; castId: string; step: number; now: IsoTime },
): LiveResult {
  const { userId, castId, step, now } = input;
  const here = presentInOpenSession(session, userId, now);
  if (!here.ok) return here;
  ({ session } = here);
  const { participant } = here;
  if (participant.role !== "actor") return refuse("wrong-role", "Only an actor chooses whose voice they are.");
  if (session.status !== "running") return refuse("not-running", "The consultation has not started yet.");
  if (!participant.plays.includes(castId)) return refuse("unknown-part", "You do not play that part.");
  if (participant.speakingAs?.castId === castId && participant.speakingAs.step === step) return { ok: true, session };
  const participants = session.participants.map((p) =>
    p.userId === userId ? { ...p, speakingAs: { castId, step } } : p,
  );
  return { ok: true, session: { ...session, participants } };
}

/** The actor's switch if it was made at this step (and is still a part of theirs), otherwise null. */
export function switchedPart(participant: Pick<LiveParticipant, "plays" | "speakingAs">, step: number): string | null {
  const chosen = participant.speakingAs;
  return chosen && chosen.step === step && participant.plays.includes(chosen.castId) ? chosen.castId : null;
}

/** Whose voice an actor is at this step: their switch, or the script's choice. */
export function speakingAsAt(
  participant: Pick<LiveParticipant, "plays" | "speakingAs">,
  speakerIds: readonly string[],
  step: number,
): string | null {
  return switchedPart(participant, step) ?? partSpeaking(speakerIds, participant.plays);
}
