// The figures beyond which the debrief offers a tip about a spoken turn: one table, guidance rather than norms (ADR 0060).
import type { SpokenTurn } from "./spoken-turn-schema";

/**
 * Each threshold marks a figure far enough from typical conversation to be worth a sentence in the debrief. They are
 * starting points drawn from the sources in ADR 0060, not standards a clinician is measured against.
 */
export const TURN_GUIDANCE = {
  /** After an emotional disclosure, starting within this many ms leaves the patient no room (Back et al. 2005). */
  rushedAfterEmotionMs: 500,
  /** Silence longer than this after the patient finishes can look like a frozen call (Seuren et al. 2021). */
  slowStartMs: 4000,
  /** Speaking over the patient's line for longer than this is more than a back-channel "mm" (Schegloff 2000). */
  talkOverMs: 700,
  /** A single turn longer than this is a monologue: chunk and check (Silverman, Kurtz and Draper 2013). */
  longTurnMs: 45_000,
  /** Faster than this many syllables a second is quick for explaining health information (Jacewicz et al. 2009). */
  fastSyllablesPerSecond: 6.5,
  /** Looking towards the camera for less of the speaking time than this (the practice room's eye-contact check). */
  eyeContactShare: 0.6,
  /** Eye contact is judged only with at least this much speaking time seen by the camera. */
  eyeContactMinMs: 2000,
} as const;

export type TurnTipKind = "rushed-after-emotion" | "slow-start" | "talk-over" | "long-turn" | "fast" | "eye-contact";

export interface TurnTip {
  kind: TurnTipKind;
  text: string;
}

const TIP_TEXT: Record<TurnTipKind, string> = {
  "rushed-after-emotion":
    "The patient had just shared something difficult and you answered almost at once. A pause of a second or two shows you have heard it.",
  "slow-start":
    "There was a long silence before you spoke. On video a silence can look like a frozen screen; if you need a moment, say so.",
  "talk-over":
    "You started speaking while the patient was still talking. On video, overlapping speech is hard to follow; let them finish first.",
  "long-turn":
    "This was a long stretch of talking. Give information in chunks and check what the patient has understood before going on.",
  fast: "You spoke quickly here. A slower pace helps the patient follow, especially over a video connection.",
  "eye-contact":
    "You looked away from the camera for much of this answer. Look at the lens when you speak, and say when you look at your notes.",
};

/** The tips for one spoken turn; `emotional` marks a turn where the patient disclosed something emotional. */
export function turnTips(turn: SpokenTurn, options: { emotional: boolean }): TurnTip[] {
  const g = TURN_GUIDANCE;
  const kinds: TurnTipKind[] = [];
  if (turn.onsetMs !== null && options.emotional && turn.onsetMs >= 0 && turn.onsetMs < g.rushedAfterEmotionMs)
    kinds.push("rushed-after-emotion");
  if (turn.onsetMs !== null && turn.onsetMs > g.slowStartMs) kinds.push("slow-start");
  if (turn.talkOverMs > g.talkOverMs) kinds.push("talk-over");
  if (turn.speakingMs > g.longTurnMs) kinds.push("long-turn");
  if (turn.syllablesPerSecond !== null && turn.syllablesPerSecond > g.fastSyllablesPerSecond) kinds.push("fast");
  const camera = turn.camera;
  if (camera && camera.eyeContact !== null && camera.ms >= g.eyeContactMinMs && camera.eyeContact < g.eyeContactShare)
    kinds.push("eye-contact");
  return kinds.map((kind) => ({ kind, text: TIP_TEXT[kind] }));
}
