// Which attempts earn CPD time: a passed attempt only, and once per scenario version per person (issue 11), so
// failed practice and repeats of a version already passed never inflate the record.
export interface CpdCandidate {
  scenarioId: string;
  version: number;
  completedAt: string;
  passed: boolean;
  /** The scenario's stated length. */
  minutes: number;
}

/** Minutes credited per attempt, in the order given: the earliest passed attempt on each version gets the time. */
export function creditedMinutes(attempts: readonly CpdCandidate[]): number[] {
  const order = attempts.map((a, i) => ({ a, i })).sort((x, y) => x.a.completedAt.localeCompare(y.a.completedAt));
  const credited = new Array<number>(attempts.length).fill(0);
  const seen = new Set<string>();
  for (const { a, i } of order) {
    const key = `${a.scenarioId}@${a.version}`;
    if (!a.passed || seen.has(key)) continue;
    seen.add(key);
    credited[i] = a.minutes;
  }
  return credited;
}

/** Whole seconds from starting to finishing an attempt: the time actually spent, shown beside the stated length. */
export function secondsTaken(startedAt: string, completedAt: string): number {
  const ms = Date.parse(completedAt) - Date.parse(startedAt);
  return Number.isFinite(ms) && ms > 0 ? Math.round(ms / 1000) : 0;
}

/** "36 seconds", "4 minutes", "1 hour 5 minutes": how long an attempt took, as a person says it. */
export function describeDuration(seconds: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (seconds < 60) return plural(seconds, "second");
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return plural(minutes, "minute");
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? plural(hours, "hour") : `${plural(hours, "hour")} ${plural(minutes % 60, "minute")}`;
}

/** The rule in words, printed on the certificate and the learning record. */
export const CPD_RULE =
  "CPD time is the scenario's stated length, credited only for a passed attempt and once per scenario version. " +
  "Time taken runs from starting the attempt to finishing it.";
