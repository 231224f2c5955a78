// The studio's "Find a node" box: which nodes match what the educator typed, by title or id, best matches first.
import type { GraphNode } from "./graph-model";

/** At most this many matches are listed; typing more narrows them. */
export const MOST_MATCHES = 8;

/**
 * Nodes whose title or id contains every typed word (case and accents ignored): titles that start with the text
 * first, then ids that do, then the rest, each group in graph order.
 */
export function findNodes(nodes: readonly GraphNode[], query: string): GraphNode[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const text = fold(query).trim();
  const rank = (n: GraphNode) => (fold(n.label).startsWith(text) ? 0 : fold(n.id).startsWith(text) ? 1 : 2);
  return nodes
    .filter((n) => words.every((w) => fold(n.label).includes(w) || fold(n.id).includes(w)))
    .map((n, i) => ({ n, i, r: rank(n) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .slice(0, MOST_MATCHES)
    .map(({ n }) => n);
}

function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}
