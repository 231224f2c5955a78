// How a benchmark says why a configuration stopped: the first line of the error says where; a server's own last words
// (after it) usually say why, so both are kept, on one short line for a table cell.
export function failureReason(error: unknown, maxChars = 240): string {
  const lines = String((error as Error)?.message ?? error)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return [lines[0], lines.at(-1)]
    .filter((l, i, all) => l && all.indexOf(l) === i)
    .join(" ")
    .replaceAll("|", "/")
    .slice(0, maxChars);
}
