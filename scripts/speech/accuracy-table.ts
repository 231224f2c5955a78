// The voice benchmark's table: true vs measured figures per file, and whether issue 13's aims hold on one path.
import { SYLLABLE_CALIBRATION } from "~/core/speech/syllable-nuclei";
import type { SpeechMeasures } from "~/core/speech/turn-measures";
import type { SpeechFixture } from "./espeak-fixtures";

export interface AccuracyRow {
  file: string;
  voice: string;
  wordsPerMinute: number;
  truth: SpeechFixture["truth"];
  /** null when this file could not be measured on this path; `error` says why. */
  measured: SpeechMeasures | null;
  error?: string;
}

export interface AccuracyAim {
  aim: string;
  met: boolean;
  figure: string;
  /** A figure shown for information, not an aim of the issue. */
  info?: boolean;
}

const pct = (m: number, t: number) => `${(((m - t) / t) * 100).toFixed(1)}%`;
const relErr = (m: number | null | undefined, t: number) => (m == null ? Infinity : Math.abs(m - t) / t);

export function accuracyTable(rows: AccuracyRow[], title: string): { lines: string[]; aims: AccuracyAim[] } {
  const lines = [
    title,
    "file                 onset ms (true/meas)  speaking ms (true/meas  err)  pauses  syll/s (true/meas  err)",
  ];
  for (const r of rows) {
    const m = r.measured;
    if (!m) {
      lines.push(`${r.file.padEnd(20)} not measured: ${r.error ?? "unknown reason"}`);
      continue;
    }
    lines.push(
      [
        r.file.padEnd(20),
        `${r.truth.onsetMs}/${m.onsetMs ?? "-"}`.padStart(20),
        `${r.truth.speakingMs}/${m.speakingMs}`.padStart(22),
        pct(m.speakingMs, r.truth.speakingMs).padStart(7),
        `${r.truth.pauseCount}/${m.pauseCount}`.padStart(7),
        `${r.truth.syllablesPerSecond.toFixed(2)}/${m.syllablesPerSecond?.toFixed(2) ?? "-"}`.padStart(19),
        m.syllablesPerSecond === null ? "" : pct(m.syllablesPerSecond, r.truth.syllablesPerSecond).padStart(7),
      ].join(" "),
    );
  }
  const aims = accuracyAims(rows);
  lines.push("", "aim                                                       met   figure");
  for (const { aim, met, figure, info } of aims)
    lines.push(`${aim.padEnd(57)} ${info ? "   " : met ? "yes" : "NO "}   ${figure}`);
  return { lines, aims };
}

export function accuracyAims(rows: AccuracyRow[]): AccuracyAim[] {
  const measured = rows.filter((r): r is AccuracyRow & { measured: SpeechMeasures } => r.measured !== null);
  const failed = rows.length - measured.length;
  if (measured.length === 0)
    return [
      "onset within 100 ms",
      "speaking time within 10%",
      "pause count exact",
      "rate ranking kept",
      "rate within 15%",
    ].map((aim) => ({ aim, met: false, figure: "no file was measured on this path (see the rows above)" }));
  const worst = (values: number[]) => (values.length ? Math.max(...values) : Infinity);
  const onsetErr = worst(measured.map((r) => Math.abs((r.measured.onsetMs ?? Infinity) - r.truth.onsetMs)));
  const speakErr = worst(measured.map((r) => relErr(r.measured.speakingMs, r.truth.speakingMs)));
  const pausesRight = measured.filter((r) => r.measured.pauseCount === r.truth.pauseCount).length;
  const rateErr = worst(measured.map((r) => relErr(r.measured.syllablesPerSecond, r.truth.syllablesPerSecond)));
  // The files are made at chosen words per minute: within each voice, faster files must measure faster.
  const voices = [...new Set(rows.map((r) => r.voice))];
  const rankingKept = voices.every((voice) => {
    const own = rows.filter((r) => r.voice === voice).sort((a, b) => a.wordsPerMinute - b.wordsPerMinute);
    return own.every(
      (r, i) =>
        r.measured?.syllablesPerSecond != null &&
        (i === 0 || r.measured.syllablesPerSecond > (own[i - 1]!.measured?.syllablesPerSecond ?? Infinity)),
    );
  });
  // Across voices, files at the same words per minute differ in true rate by a few per cent only; report any swaps.
  const swaps: string[] = [];
  measured.forEach((a, i) =>
    measured.slice(i + 1).forEach((b) => {
      const truthOrder = Math.sign(a.truth.syllablesPerSecond - b.truth.syllablesPerSecond);
      const measuredOrder = Math.sign((a.measured.syllablesPerSecond ?? 0) - (b.measured.syllablesPerSecond ?? 0));
      if (truthOrder !== measuredOrder) {
        const gap = Math.abs(a.truth.syllablesPerSecond - b.truth.syllablesPerSecond) / b.truth.syllablesPerSecond;
        swaps.push(`${a.file}/${b.file} (true rates ${(gap * 100).toFixed(0)}% apart)`);
      }
    }),
  );
  const spearman = rankCorrelation(
    measured.map((r) => r.truth.syllablesPerSecond),
    measured.map((r) => r.measured.syllablesPerSecond ?? 0),
  );
  // The one constant that would suit this path best (median of true / uncalibrated), for comparison with the code's.
  const ratios = measured
    .filter((r) => r.measured.syllablesPerSecond)
    .map((r) => r.truth.syllablesPerSecond / (r.measured.syllablesPerSecond! / SYLLABLE_CALIBRATION))
    .sort((a, b) => a - b);
  const bestConstant = ratios.length ? ratios[Math.floor((ratios.length - 1) / 2)]! : NaN;
  const allMeasured = failed === 0 ? "" : ` (${failed} file${failed === 1 ? "" : "s"} not measured)`;
  return [
    {
      aim: "onset within 100 ms",
      met: onsetErr <= 100 && !failed,
      figure: `worst ${onsetErr.toFixed(0)} ms${allMeasured}`,
    },
    {
      aim: "speaking time within 10%",
      met: speakErr <= 0.1 && !failed,
      figure: `worst ${(speakErr * 100).toFixed(1)}%${allMeasured}`,
    },
    { aim: "pause count exact", met: pausesRight === rows.length, figure: `${pausesRight}/${rows.length} files` },
    {
      aim: "rate ranking kept (per voice, by wpm)",
      met: rankingKept,
      figure: `Spearman over all files ${spearman.toFixed(3)}`,
    },
    {
      aim: "rate ranking across voices too",
      met: true,
      info: true,
      figure: swaps.length ? `${swaps.length} pair(s) swapped: ${swaps.join(", ")}` : "kept exactly",
    },
    {
      aim: `rate within 15% after one calibration constant (${SYLLABLE_CALIBRATION})`,
      met: rateErr <= 0.15 && !failed,
      figure: `worst ${(rateErr * 100).toFixed(1)}%; this path's own best constant ${bestConstant.toFixed(2)}${allMeasured}`,
    },
  ];
}

export function rankCorrelation(a: number[], b: number[]): number {
  const ranks = (xs: number[]) => {
    const order = xs.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
    const r = new Array<number>(xs.length);
    order.forEach(([, i], rank) => (r[i] = rank));
    return r;
  };
  const ra = ranks(a);
  const rb = ranks(b);
  const n = a.length;
  if (n < 2) return NaN;
  const d2 = ra.reduce((sum, r, i) => sum + (r - rb[i]!) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}
