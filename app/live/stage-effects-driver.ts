// On an actor's page: turns each script message into what their outgoing media does to the learner (freeze, mute, normal).
import type { ScriptMessage, SessionMessage } from "~/core/live/signal-schema";
import { NO_EFFECTS, outgoingEffectsFor, type OutgoingEffects } from "~/core/live/stage-effects";

export interface StageEffectsDriver {
  /** Returns what is now wanted, or null when the message was older than one already applied. */
  onScript(message: ScriptMessage): OutgoingEffects | null;
  onSession(message: SessionMessage): void;
  current(): OutgoingEffects;
}

/**
 * The learner is the only person who experiences the scripted trouble; observers keep the real picture and sound so
 * they can see the actor's performance. Effects follow the latest script step: a late, older message (a stream
 * replaying after a reconnect) cannot bring a lifted freeze back.
 */
export function createStageEffectsDriver(options: {
  selfId: string;
  learnerId: string;
  setOutgoingEffects(peerId: string, effects: OutgoingEffects): void;
}): StageEffectsDriver {
  let step = -1;
  let wanted: OutgoingEffects = NO_EFFECTS;
  const apply = (next: OutgoingEffects) => {
    wanted = next;
    options.setOutgoingEffects(options.learnerId, next);
  };
  return {
    onScript(message) {
      if (message.step < step) return null;
      step = message.step;
      apply(message.finished ? NO_EFFECTS : outgoingEffectsFor(options.selfId, message.effects));
      return wanted;
    },
    onSession(message) {
      if (message.status !== "running" && message.status !== "lobby") apply(NO_EFFECTS);
    },
    current: () => wanted,
  };
}
