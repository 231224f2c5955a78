// "Did you mean ...?" suggestions for mistyped node ids, variables, speakers and keys.

/** Levenshtein edit distance, one row at a time (ids are short, so this stays cheap). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The closest known name to `wanted`, if it is close enough to be a plausible typo:
 * at most a third of the name's length away (at least one edit allowed), or the same ignoring case.
 */
export function closestMatch(wanted: string, known: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = candidate.toLowerCase() === wanted.toLowerCase() ? 0.5 : editDistance(wanted, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** " (did you mean 'farewell'?)" or "" when nothing is close. */
export function didYouMean(wanted: string, known: Iterable<string>): string {
  const match = closestMatch(wanted, known);
  return match === undefined ? "" : ` (did you mean '${match}'?)`;
}
