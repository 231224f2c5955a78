// The per-turn speaking figures, from the frames heard between a patient turn appearing and the clinician's choice.
import { frameCentreMs, HOP_MS, type SpeechFrame } from "./frame-features";
import { pitchVariationSemitones } from "./pitch-variation";
import { SYLLABLE_CALIBRATION, syllableNuclei } from "./syllable-nuclei";
import { overlapMs, pausesBetween, speechSegments, speechThreshold, totalMs, type Segment } from "./voice-activity";

export interface TurnAudio {
  frames: readonly SpeechFrame[];
  /** Stream index of frames[0] (frame i is centred at frameCentreMs(i) ms into the stream). */
  firstIndex: number;
  /** When the patient finished (end of the read-aloud, or when the turn appeared if nothing was read), stream ms. */
  patientEndMs: number;
  /** When the patient's lines were being read aloud, stream ms. */
  patientSpeech: readonly Segment[];
}

export interface SpeechMeasures {
  /** From the patient finishing to the clinician's first speech, ms; negative when they started while still being read to. */
  onsetMs: number | null;
  speakingMs: number;
  pauseCount: number;
  longestPauseMs: number;
  /** Clinician speech while a patient line was still being read, ms. */
  talkOverMs: number;
  /** Syllables per second of speaking time (pauses excluded); null with under a second of speech. */
  syllablesPerSecond: number | null;
  /** Semitones; null when too little voiced sound was heard. */
  pitchVariationSt: number | null;
}

/** Rate needs at least this much speech to mean anything. */
export const RATE_MIN_SPEAKING_MS = 1000;

export function speechSegmentsOf(audio: Pick<TurnAudio, "frames" | "firstIndex">): Segment[] {
  return speechSegments(audio.frames, speechThreshold(audio.frames), audio.firstIndex);
}

export function measureTurn(audio: TurnAudio): SpeechMeasures {
  const segments = speechSegmentsOf(audio);
  const pauses = pausesBetween(segments);
  const speakingMs = totalMs(segments);
  const nuclei = syllableNuclei(audio.frames, segments, audio.firstIndex);
  const speechFrames = audio.frames.filter((_, i) => {
    const t = frameCentreMs(audio.firstIndex + i);
    return segments.some((s) => t >= s.startMs && t <= s.endMs);
  });
  return {
    onsetMs: segments[0] ? Math.round(segments[0].startMs - audio.patientEndMs) : null,
    speakingMs: Math.round(speakingMs),
    pauseCount: pauses.length,
    longestPauseMs: Math.round(Math.max(0, ...pauses.map((p) => p.endMs - p.startMs))),
    talkOverMs: Math.round(overlapMs(segments, audio.patientSpeech)),
    syllablesPerSecond:
      speakingMs >= RATE_MIN_SPEAKING_MS ? round2((nuclei.length * SYLLABLE_CALIBRATION) / (speakingMs / 1000)) : null,
    pitchVariationSt: roundOrNull(pitchVariationSemitones(speechFrames)),
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const roundOrNull = (x: number | null) => (x === null ? null : round2(x));

/** Milliseconds covered by `count` frames. */
export const framesToMs = (count: number) => count * HOP_MS;
