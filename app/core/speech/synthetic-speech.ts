// Test signals with known answers: voiced "syllables" (a harmonic tone under a rising and falling envelope) and silences.

export interface SyntheticPart {
  /** Silence (or noise only) for this long. */
  silenceMs?: number;
  /** Or this many syllables at this rate (syllables per second), voiced at pitchHz. */
  syllables?: number;
  rate?: number;
  pitchHz?: number;
  /** Pitch moves around pitchHz by this many semitones (a sine, one cycle every 2 s): SD is this / sqrt 2. */
  vibratoSt?: number;
}

/** A recording made of parts, at `sampleRate`, with optional steady noise at `noiseDb` dBFS (RMS). */
export function syntheticSpeech(parts: SyntheticPart[], sampleRate: number, noiseDb?: number): Float32Array {
  const total = parts.reduce((ms, p) => ms + (p.silenceMs ?? ((p.syllables ?? 0) / (p.rate ?? 4)) * 1000), 0);
  const out = new Float32Array(Math.round((total / 1000) * sampleRate));
  let at = 0;
  let phase = 0;
  for (const part of parts) {
    if (part.silenceMs !== undefined) {
      at += Math.round((part.silenceMs / 1000) * sampleRate);
      continue;
    }
    const period = Math.round(sampleRate / (part.rate ?? 4));
    const count = (part.syllables ?? 0) * period;
    for (let i = 0; i < count && at + i < out.length; i++) {
      const t = (at + i) / sampleRate;
      const st = (part.vibratoSt ?? 0) * Math.sin(2 * Math.PI * 0.5 * t);
      const f0 = (part.pitchHz ?? 140) * 2 ** (st / 12);
      phase += (2 * Math.PI * f0) / sampleRate;
      // Envelope: each syllable rises and falls, with a floor so the speech is continuous but dips between nuclei.
      const within = (i % period) / period;
      const envelope = 0.15 + 0.85 * Math.sin(Math.PI * within) ** 2;
      let harmonics = 0;
      for (let h = 1; h <= 6; h++) harmonics += Math.sin(h * phase) / h;
      out[at + i] = 0.25 * envelope * harmonics;
    }
    at += count;
  }
  if (noiseDb !== undefined) {
    // Uniform noise in [-a, a] has RMS a / sqrt 3. A fixed-seed generator keeps the tests repeatable.
    const amplitude = 10 ** (noiseDb / 20) * Math.sqrt(3);
    let seed = 12345;
    for (let i = 0; i < out.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      out[i]! += amplitude * ((seed / 0x7fffffff) * 2 - 1);
    }
  }
  return out;
}
