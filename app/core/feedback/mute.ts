// Microphone rules: is the clinician speaking (with a hangover across pauses), and are they speaking while on mute?
import { MAX_FRAME_HOLD_MS } from "./thresholds";

/** RMS level (0..1, from an AnalyserNode's time-domain data) above which we take it someone is speaking. Quiet rooms sit near 0.005, speech at a laptop 0.03-0.15. */
export const SPEAKING_LEVEL = 0.03;
/** Speech has gaps between words: stay "speaking" this long after the level last crossed the threshold. */
export const SPEAKING_HANGOVER_MS = 600;
/** "You're on mute" once this much voiced time has built up in one stretch of speech while muted (a cough or a click is shorter). */
export const MUTED_SPEECH_MS = 400;
/** Keep "You're on mute" up this long after the speech stops, so it does not vanish before it is read. */
export const ON_MUTE_HOLD_MS = 3000;

export const ON_MUTE_TEXT = "You're on mute: unmute to let the patient hear you.";

export interface SpeakingDetector {
  /** Feeds one level reading at time t (ms); returns whether the person is speaking. */
  update(t: number, level: number): boolean;
}

export function createSpeakingDetector(
  threshold = SPEAKING_LEVEL,
  hangoverMs = SPEAKING_HANGOVER_MS,
): SpeakingDetector {
  let lastVoiced = -Infinity;
  return {
    update(t, level) {
      if (level > threshold) lastVoiced = t;
      return t - lastVoiced <= hangoverMs;
    },
  };
}

export interface MicrophoneState {
  speaking: boolean;
  /** Speaking while the in-app mute is on: show "You're on mute". */
  onMute: boolean;
}

export interface MuteDetector {
  /** level: RMS 0..1 of the raw microphone (analyse it before the in-app mute, or muting silences the evidence). */
  update(t: number, level: number, muted: boolean): MicrophoneState;
}

export function createMuteDetector(threshold = SPEAKING_LEVEL): MuteDetector {
  const speech = createSpeakingDetector(threshold);
  let lastT: number | undefined;
  let voicedWhileMuted = 0;
  let onMuteUntil = -Infinity;
  return {
    update(t, level, muted) {
      const dt = lastT === undefined ? 0 : Math.min(Math.max(t - lastT, 0), MAX_FRAME_HOLD_MS);
      lastT = t;
      const speaking = speech.update(t, level);
      if (!muted) {
        voicedWhileMuted = 0;
        onMuteUntil = -Infinity;
        return { speaking, onMute: false };
      }
      if (!speaking) voicedWhileMuted = 0;
      else if (level > threshold) voicedWhileMuted += dt;
      if (voicedWhileMuted >= MUTED_SPEECH_MS) onMuteUntil = t + ON_MUTE_HOLD_MS;
      return { speaking, onMute: t <= onMuteUntil };
    },
  };
}
