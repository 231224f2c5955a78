// Speech with known answers for the voice measures: espeak-ng says sentences of hand-counted syllables at chosen rates,
// sox trims each to its sound and inserts silences of chosen length, so onset, speaking time, pauses and rate are known.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";

/** Sentences without punctuation (espeak-ng pauses at commas), each with its syllables counted by hand. */
export const SENTENCES = [
  { text: "thank you for telling me about the pain in your chest", syllables: 13 },
  { text: "I can hear that this has been a very worrying time for you", syllables: 16 },
  { text: "shall we look at the options together and then decide on a plan", syllables: 17 },
] as const;

export interface SpeechFixtureSpec {
  name: string;
  voice: string;
  wordsPerMinute: number;
  /** Silence before the first sentence (the true onset), ms. */
  leadMs: number;
  /** Silences between consecutive sentences (each a true pause), ms. */
  pausesMs: number[];
  tailMs: number;
}

export interface SpeechFixture {
  spec: SpeechFixtureSpec;
  wav: string;
  sampleRate: number;
  truth: { onsetMs: number; speakingMs: number; pauseCount: number; syllables: number; syllablesPerSecond: number };
}

export const SAMPLE_RATE = 22_050;

export function speechToolsMissing(): string | null {
  for (const tool of ["espeak-ng", "sox", "soxi"]) {
    if (spawnSync("sh", ["-c", `command -v ${tool}`]).status !== 0)
      return `${tool} is not installed (apt-get install -y espeak-ng sox)`;
  }
  return null;
}

/** The benchmark's set: four rates, two voices, different onsets and pauses. */
export function standardSpecs(): SpeechFixtureSpec[] {
  const specs: SpeechFixtureSpec[] = [];
  const voices = ["en-gb", "en-us+f3"];
  [110, 150, 190, 230].forEach((wordsPerMinute, r) =>
    voices.forEach((voice, v) =>
      specs.push({
        name: `${voice.replace("+", "-")}-${wordsPerMinute}wpm`,
        voice,
        wordsPerMinute,
        leadMs: 600 + 400 * ((r + v) % 3),
        pausesMs: [450 + 150 * r, 900 - 100 * v],
        tailMs: 1200,
      }),
    ),
  );
  return specs;
}

/** Writes the fixture's WAV into `dir` (mono, 16-bit, 22.05 kHz) and returns it with its true values. */
export function makeSpeechFixture(dir: string, spec: SpeechFixtureSpec): SpeechFixture {
  mkdirSync(dir, { recursive: true });
  const sentences = SENTENCES.slice(0, spec.pausesMs.length + 1);
  const pieces: string[] = [];
  let speakingMs = 0;
  sentences.forEach((sentence, i) => {
    const raw = path.join(dir, `${spec.name}-${i}-raw.wav`);
    const trimmed = path.join(dir, `${spec.name}-${i}.wav`);
    execFileSync("espeak-ng", ["-v", spec.voice, "-s", String(spec.wordsPerMinute), "-w", raw, sentence.text]);
    // Trim the synthesiser's own leading and trailing silence (below 0.1% of full scale), so the sentence is all sound.
    execFileSync("sox", [raw, "-r", String(SAMPLE_RATE), "-c", "1", "-b", "16", trimmed, ...TRIM]);
    const samples = Number(execFileSync("soxi", ["-s", trimmed]).toString().trim());
    speakingMs += (samples / SAMPLE_RATE) * 1000;
    const before = i === 0 ? spec.leadMs : spec.pausesMs[i - 1]!;
    const after = i === sentences.length - 1 ? spec.tailMs : 0;
    const padded = path.join(dir, `${spec.name}-${i}-padded.wav`);
    execFileSync("sox", [trimmed, padded, "pad", `${before / 1000}`, `${after / 1000}`]);
    pieces.push(padded);
  });
  const wav = path.join(dir, `${spec.name}.wav`);
  execFileSync("sox", [...pieces, wav]);
  const syllables = sentences.reduce((n, s) => n + s.syllables, 0);
  return {
    spec,
    wav,
    sampleRate: SAMPLE_RATE,
    truth: {
      onsetMs: spec.leadMs,
      speakingMs: Math.round(speakingMs),
      pauseCount: spec.pausesMs.length,
      syllables,
      syllablesPerSecond: syllables / (speakingMs / 1000),
    },
  };
}

const TRIM = ["silence", "1", "0.005", "0.1%", "reverse", "silence", "1", "0.005", "0.1%", "reverse"];

/** The WAV's samples as floats in -1..1 (sox does the decoding). */
export function readSamples(wav: string): Float32Array {
  const bytes = execFileSync("sox", [wav, "-t", "f32", "-c", "1", "-"], { maxBuffer: 64 * 1024 * 1024 });
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4).slice();
}
