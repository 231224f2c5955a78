// Which scripted stage events really happen in a live session (a frozen picture, lost sound) and to whose outgoing media.
import type { StageEvent, StageEventKind } from "../scenario/schema";

/** What an actor's browser does to the media it sends to the learner (observers keep the real picture and sound). */
export type LiveEffectKind = "freeze-video" | "mute-audio";

export interface LiveEffect {
  kind: LiveEffectKind;
  /** The actor whose outgoing media it applies to. */
  actorId: string;
}

/**
 * The stage events that can be made real. The others (a lost connection, someone entering, background noise, a
 * shared screen, a note) are shown as text: faking them would cut the role-play off or need props Webside has not got.
 */
export const REAL_STAGE_EFFECTS: Readonly<Partial<Record<StageEventKind, LiveEffectKind>>> = {
  "video-freeze": "freeze-video",
  "audio-drop": "mute-audio",
};

export function isRealStageEvent(event: Pick<StageEvent, "kind">): boolean {
  return REAL_STAGE_EFFECTS[event.kind] !== undefined;
}

/**
 * The real effects of a node's stage events. An event about a cast member applies to the actor voicing them
 * (cast-parts.ts `voices`); an event about nobody in particular ("the patient's video freezes" in a one-to-one)
 * applies to every actor. An event about someone nobody voices stays text only.
 */
export function planStageEffects(
  events: readonly Pick<StageEvent, "kind" | "who">[],
  voices: ReadonlyMap<string, string>,
  actorIds: readonly string[],
): LiveEffect[] {
  const effects: LiveEffect[] = [];
  for (const event of events) {
    const kind = REAL_STAGE_EFFECTS[event.kind];
    if (kind === undefined) continue;
    const targets = event.who === undefined ? actorIds : [voices.get(event.who)].filter((id) => id !== undefined);
    for (const actorId of targets) {
      if (!effects.some((e) => e.kind === kind && e.actorId === actorId)) effects.push({ kind, actorId });
    }
  }
  return effects;
}

/** What one actor's browser should be doing to the media it sends the learner at the current node. */
export interface OutgoingEffects {
  freezeVideo: boolean;
  muteAudio: boolean;
}

export const NO_EFFECTS: OutgoingEffects = Object.freeze({ freezeVideo: false, muteAudio: false });

export function outgoingEffectsFor(actorId: string, effects: readonly LiveEffect[]): OutgoingEffects {
  const mine = effects.filter((e) => e.actorId === actorId);
  return {
    freezeVideo: mine.some((e) => e.kind === "freeze-video"),
    muteAudio: mine.some((e) => e.kind === "mute-audio"),
  };
}

export interface EffectChange {
  kind: LiveEffectKind;
  on: boolean;
}

/**
 * The changes that take an actor's outgoing media from what is applied to what the current node wants. An effect
 * the next node also has stays on (no flicker between two frozen nodes); every effect goes off when the node has
 * none, so a freeze or mute lasts exactly until the script moves on.
 */
export function effectChanges(applied: OutgoingEffects, wanted: OutgoingEffects): EffectChange[] {
  const changes: EffectChange[] = [];
  if (applied.freezeVideo !== wanted.freezeVideo) changes.push({ kind: "freeze-video", on: wanted.freezeVideo });
  if (applied.muteAudio !== wanted.muteAudio) changes.push({ kind: "mute-audio", on: wanted.muteAudio });
  return changes;
}
