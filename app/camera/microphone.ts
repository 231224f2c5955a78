// The microphone level (RMS 0..1) from Web Audio, read from the raw track, and an in-app mute that never silences that reading.

export interface MicrophoneMeter {
  /** Current RMS level, 0..1, of the raw microphone (muted or not). */
  level(): number;
  /** In-app mute: disables the outgoing copy of the track; the analyser keeps hearing the raw one. */
  setMuted(muted: boolean): void;
  readonly muted: boolean;
  /** The track a call would send (muted when the in-app mute is on). */
  readonly outgoing: MediaStreamTrack;
  /** AudioContexts may start suspended until the person clicks; call from a click to wake it. */
  resume(): Promise<void>;
  close(): void;
}

/** RMS of time-domain samples in -1..1. */
export function rmsOf(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i] ?? 0;
    sum += s * s;
  }
  return Math.sqrt(sum / samples.length);
}

export function createMicrophoneMeter(track: MediaStreamTrack): MicrophoneMeter {
  const AudioContextClass =
    window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  const context = new AudioContextClass();
  // The analyser listens to the raw track; muting acts on a clone, which is what a real call would transmit.
  const source = context.createMediaStreamSource(new MediaStream([track]));
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const outgoing = track.clone();
  let muted = false;

  return {
    level() {
      analyser.getFloatTimeDomainData(samples);
      return rmsOf(samples);
    },
    setMuted(value) {
      muted = value;
      outgoing.enabled = !value;
    },
    get muted() {
      return muted;
    },
    outgoing,
    async resume() {
      if (context.state === "suspended") await context.resume().catch(() => undefined);
    },
    close() {
      source.disconnect();
      outgoing.stop();
      void context.close().catch(() => undefined);
    },
  };
}
