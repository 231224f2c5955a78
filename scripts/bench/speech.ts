// `npm run bench:voice` (also `bench:speech`): the voice measures against known truth. espeak-ng speaks sentences of
// hand-counted syllables at four rates in two voices; sox inserts silences of chosen length. Each file is measured
// (a) by the analysis functions in Node on its samples and (b) through headless Chromium: the file is the fake
// microphone, the practice room's voice capture (AudioWorklet) hears it, and a marker tone at the start of every loop
// lines the frames up with the file (scripts/speech/loop-marker.ts). Prints true vs measured onset, speaking time,
// pause count and syllable rate per file and path, then whether issue 13's aims hold. A file or a browser that fails
// gets a row saying why; the run carries on. Exit code 1 when an aim is missed.
// Options: --node-only   --processing both|on|off (the browser's echo cancellation, noise suppression and gain
// control; "on" is what the camera session asks for today)   --json
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  makeSpeechFixture,
  readSamples,
  speechToolsMissing,
  standardSpecs,
  type SpeechFixture,
} from "../speech/espeak-fixtures";
import { accuracyTable, type AccuracyRow } from "../speech/accuracy-table";
import { buildVoiceHarness, measureInChromium, serveVoiceHarness, type HarnessServer } from "../speech/chromium-voice";
import { measureFixture } from "../speech/score-fixture";

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    "node-only": { type: "boolean", default: false },
    processing: { type: "string", default: "both" },
  },
});
const modes = values["node-only"]
  ? []
  : values.processing === "both"
    ? [true, false]
    : values.processing === "off"
      ? [false]
      : [true];

const messageOf = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 200);

async function main() {
  const missing = speechToolsMissing();
  if (missing) {
    console.error(`bench:voice needs espeak-ng and sox: ${missing}`);
    process.exit(1);
  }
  const dir = mkdtempSync(path.join(tmpdir(), "webside-bench-voice-"));
  let server: HarnessServer | null = null;
  let browserProblem: string | null = null;
  try {
    const fixtures: SpeechFixture[] = [];
    const node: AccuracyRow[] = [];
    for (const spec of standardSpecs()) {
      const base = { file: spec.name, voice: spec.voice, wordsPerMinute: spec.wordsPerMinute };
      try {
        const fixture = makeSpeechFixture(dir, spec);
        fixtures.push(fixture);
        node.push({ ...base, truth: fixture.truth, measured: measureFixture(fixture) });
      } catch (error) {
        node.push({ ...base, truth: emptyTruth(spec.leadMs), measured: null, error: messageOf(error) });
      }
    }
    const report: Array<{ title: string; rows: AccuracyRow[] }> = [
      { title: "(a) analysis functions in Node, on the WAV samples", rows: node },
    ];
    if (modes.length) {
      try {
        const built = path.join(dir, "voice-harness");
        await buildVoiceHarness(built);
        server = await serveVoiceHarness(built);
      } catch (error) {
        browserProblem = `the harness page could not be built or served: ${messageOf(error)}`;
      }
    }
    for (const processing of modes) {
      const rows: AccuracyRow[] = [];
      let rates = "";
      for (const row of node) {
        const fixture = fixtures.find((f) => f.spec.name === row.file);
        const base = { file: row.file, voice: row.voice, wordsPerMinute: row.wordsPerMinute, truth: row.truth };
        if (!fixture || !server) {
          rows.push({ ...base, measured: null, error: browserProblem ?? row.error ?? "no fixture" });
          continue;
        }
        try {
          const fixtureMs = (readSamples(fixture.wav).length / fixture.sampleRate) * 1000;
          const result = await measureInChromium(fixture, server.url, { processing, fixtureMs });
          rates = `${result.sampleRate} Hz microphone, analysed at ${result.analysisRate} Hz`;
          rows.push({ ...base, measured: result.measured });
        } catch (error) {
          rows.push({ ...base, measured: null, error: `Chromium: ${messageOf(error)}` });
        }
      }
      report.push({
        title: `(b) headless Chromium, fake microphone -> voice capture (AudioWorklet), audio processing ${processing ? "on (echo cancellation, noise suppression, gain control)" : "off"}${rates ? `; ${rates}` : ""}`,
        rows,
      });
    }

    if (values.json) {
      console.log(JSON.stringify(report, null, 2));
      return;
    }
    let allMet = true;
    for (const { title, rows } of report) {
      const table = accuracyTable(rows, title);
      console.log(table.lines.join("\n"));
      console.log("");
      allMet &&= table.aims.every((a) => a.met);
    }
    console.log(
      "Browser timing: each loop of the fake-microphone file starts with 1 s of silence and a 300 ms, 300 Hz tone; the\n" +
        "frames are placed in file time by where the speech detector puts that tone (in the browser, and in Node on the same file).",
    );
    process.exitCode = allMet ? 0 : 1;
  } finally {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function emptyTruth(onsetMs: number): SpeechFixture["truth"] {
  return { onsetMs, speakingMs: NaN, pauseCount: NaN, syllables: NaN, syllablesPerSecond: NaN };
}

await main();
