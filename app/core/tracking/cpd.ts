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
