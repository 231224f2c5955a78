// Item-writing figures per decision, as in MCQ review: is the best response given away by its length or wording?
import { reachableFromStart } from "../scenario/graph";
import type { Choice, Scenario } from "../scenario/schema";

/** A best response more than this many times the mean length of the others is a length cue. */
export const LENGTH_CUE_RATIO = 1.3;

/** Words that cue an answer in MCQ writing: absolutes mark distractors, and test-wise readers learn to spot them. */
export const ABSOLUTE_WORDS = [
  "always",
  "never",
  "definitely",
  "certainly",
  "guarantee",
  "guaranteed",
  "completely",
  "totally",
  "absolutely",
  "impossible",
  "nothing",
  "everyone",
  "everything",
  "nobody",
  "none",
] as const;

export interface DecisionFigures {
  nodeId: string;
  /** Ids of the responses with the highest total effect (more than one when they tie). */
  best: string[];
  /** False when every response scores the same, so there is no best to give away. */
  hasBest: boolean;
  bestIsLongest: boolean;
  bestIsShortest: boolean;
  /** Longest best response over the mean length of the others (null when there is no best). */
  lengthRatio: number | null;
  /** The best response the ratio is about. */
  ratioChoiceId: string | null;
}

/** The sum of a choice's effects: the audit's single measure of how good a response is. */
export function choiceValue(choice: Choice): number {
  return Object.values(choice.effects ?? {}).reduce((sum, v) => sum + (v ?? 0), 0);
}

export const responseLength = (choice: Choice) => choice.text.trim().length;

export function decisionFigures(scenario: Scenario): DecisionFigures[] {
  const reachable = reachableFromStart(scenario);
  const figures: DecisionFigures[] = [];
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    const choices = node.choices ?? [];
    if (!reachable.has(nodeId) || choices.length < 2) continue;
    const top = Math.max(...choices.map(choiceValue));
    const best = choices.filter((c) => choiceValue(c) === top);
    const others = choices.filter((c) => choiceValue(c) !== top);
    const hasBest = others.length > 0;
    const lengths = choices.map(responseLength);
    const longest = Math.max(...lengths);
    const shortest = Math.min(...lengths);
    let lengthRatio: number | null = null;
    let ratioChoiceId: string | null = null;
    if (hasBest) {
      const meanOthers = others.reduce((sum, c) => sum + responseLength(c), 0) / others.length;
      for (const choice of best) {
        const ratio = responseLength(choice) / Math.max(1, meanOthers);
        if (lengthRatio === null || ratio > lengthRatio) {
          lengthRatio = ratio;
          ratioChoiceId = choice.id;
        }
      }
    }
    figures.push({
      nodeId,
      best: best.map((c) => c.id),
      hasBest,
      bestIsLongest: hasBest && best.some((c) => responseLength(c) === longest),
      bestIsShortest: hasBest && best.some((c) => responseLength(c) === shortest),
      lengthRatio,
      ratioChoiceId,
    });
  }
  return figures;
}

/** The absolute words in a response, lower-cased, each once. */
export function absoluteWordsIn(text: string): string[] {
  const words = new Set(text.toLowerCase().match(/[a-z']+/g) ?? []);
  return ABSOLUTE_WORDS.filter((w) => words.has(w));
}
