// The voice benchmark's page: opens the (fake) microphone, runs app/camera/voice-capture.ts on it, keeps every frame,
// and lets the benchmark read the frames and ask the capture for a turn's figures (window.voiceHarness).
import { startVoiceCapture, type VoiceCapture, type VoiceTurn } from "~/camera/voice-capture";
import type { SpeechMeasures } from "~/core/speech/turn-measures";

export interface VoiceHarness {
  /** Set once the capture runs, or why it could not start. */
  state: "starting" | "running" | "failed";
  error?: string;
  sampleRate?: number;
  analysisRate?: number;
  settings?: MediaTrackSettings;
  /** Frames received so far: stream index of the first, and parallel lists of dB and pitch. */
  frames(): { firstIndex: number; db: number[]; pitchHz: number[] };
  measure(turn: VoiceTurn): SpeechMeasures;
}

const status = document.getElementById("status")!;
const processing = new URLSearchParams(location.search).get("processing") !== "off";
let capture: VoiceCapture | null = null;
let firstIndex = -1;
const db: number[] = [];
const pitchHz: number[] = [];

const harness: VoiceHarness = {
  state: "starting",
  frames: () => ({ firstIndex, db, pitchHz }),
  measure: (turn) => {
    if (!capture) throw new Error("The voice capture is not running.");
    return capture.measureTurn(turn);
  },
};
(window as unknown as { voiceHarness: VoiceHarness }).voiceHarness = harness;

try {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { echoCancellation: processing, noiseSuppression: processing, autoGainControl: processing },
  });
  const track = stream.getAudioTracks()[0]!;
  harness.settings = track.getSettings();
  capture = await startVoiceCapture(track);
  capture.subscribe((frames, first) => {
    if (firstIndex < 0) firstIndex = first;
    for (const f of frames) {
      db.push(f.db);
      pitchHz.push(f.pitchHz);
    }
  });
  harness.sampleRate = capture.sampleRate;
  harness.analysisRate = capture.analysisRate;
  harness.state = "running";
  status.textContent = `Listening (${capture.sampleRate} Hz, audio processing ${processing ? "on" : "off"}).`;
} catch (error) {
  harness.state = "failed";
  harness.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  status.textContent = `Could not start: ${harness.error}`;
}
