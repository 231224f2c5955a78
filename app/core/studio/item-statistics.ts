// Item statistics for educators, as quiz item analysis gives teachers: per decision the facility, a discrimination
// index, each response's share, non-functioning distractors and negative discrimination, from completed attempts.
import { choiceValue, decisionFigures } from "../audit/length-cues";
import type { Scenario } from "../scenario/schema";

/** Below this many attempts the figures move a lot with each new attempt: the page says so. */
export const MIN_ATTEMPTS_FOR_STATISTICS = 30;
/** A distractor chosen by fewer than this share of those who reached the decision is not doing its job. */
export const NON_FUNCTIONING_SHARE = 0.05;
/**
 * Below this many answers, "fewer than 5%" can only mean "nobody yet", which says more about the sample than the
 * distractor, so none is flagged until then.
 */
export const MIN_ANSWERED_FOR_DISTRACTOR_FLAGS = 20;

/** One completed attempt on the scenario version analysed: who, when, and the choices made in order. */
export interface ItemAttempt {
  personId: string;
  completedAt: string;
  steps: ReadonlyArray<{ nodeId: string; choiceId: string }>;
}

export interface ResponseStatistics {
  choiceId: string;
  text: string;
  /** One of the responses with the highest total effect at this decision. */
  best: boolean;
  count: number;
  /** Share of those who answered this decision, 0..1 (0 when nobody did). */
  share: number;
  /** A response that is not best and that fewer than 5% chose (once at least 20 have answered the decision). */
  nonFunctioning: boolean;
}

export interface ItemStatistics {
  nodeId: string;
  title: string;
  /** Attempts (one per person) that made a choice here. */
  answered: number;
  /** Share choosing a best response, 0..1; null when nobody answered or every response scores the same. */
  facility: number | null;
  /** Point-biserial correlation of "chose a best response here" with the rest of the score, -1..1, or null. */
  discrimination: number | null;
  negativeDiscrimination: boolean;
  responses: ResponseStatistics[];
}

export interface ItemStatisticsReport {
  /** Attempts analysed: each person's first completed attempt on this version. */
  attempts: number;
  smallSample: boolean;
  items: ItemStatistics[];
}

/** Pearson correlation; with a 0/1 variable this is the point-biserial. Null when either variable does not vary. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  // Exact zero only: a variable that never varies has no correlation to report.
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Each person's first completed attempt, as item analysis recommends (later attempts build on the first debrief).
 * The score of an attempt is the sum of the effects of the choices it made; the "rest of the score" at a decision
 * leaves out the choices made there, so a decision is not correlated with itself.
 */
export function itemStatistics(scenario: Scenario, attempts: readonly ItemAttempt[]): ItemStatisticsReport {
  const first = new Map<string, ItemAttempt>();
  for (const a of attempts) {
    const seen = first.get(a.personId);
    if (!seen || a.completedAt < seen.completedAt) first.set(a.personId, a);
  }
  const analysed = [...first.values()];
  const valueOf = (nodeId: string, choiceId: string) => {
    const choice = scenario.nodes[nodeId]?.choices?.find((c) => c.id === choiceId);
    return choice ? choiceValue(choice) : 0;
  };
  const totals = analysed.map((a) => a.steps.reduce((sum, s) => sum + valueOf(s.nodeId, s.choiceId), 0));
  const items = decisionFigures(scenario).map((figures): ItemStatistics => {
    const node = scenario.nodes[figures.nodeId];
    const choices = node?.choices ?? [];
    const best = new Set(figures.hasBest ? figures.best : []);
    const counts = new Map(choices.map((c) => [c.id, 0]));
    const choseBest: number[] = [];
    const rest: number[] = [];
    analysed.forEach((attempt, i) => {
      const here = attempt.steps.filter((s) => s.nodeId === figures.nodeId);
      const firstHere = here[0];
      if (!firstHere || !counts.has(firstHere.choiceId)) return;
      counts.set(firstHere.choiceId, (counts.get(firstHere.choiceId) ?? 0) + 1);
      choseBest.push(best.has(firstHere.choiceId) ? 1 : 0);
      rest.push((totals[i] as number) - here.reduce((sum, s) => sum + valueOf(s.nodeId, s.choiceId), 0));
    });
    const answered = choseBest.length;
    const facility = figures.hasBest && answered > 0 ? choseBest.reduce((a, b) => a + b, 0) / answered : null;
    const discrimination = figures.hasBest ? pearson(choseBest, rest) : null;
    return {
      nodeId: figures.nodeId,
      title: node?.title ?? figures.nodeId,
      answered,
      facility,
      discrimination,
      negativeDiscrimination: discrimination !== null && discrimination < 0,
      responses: choices.map((c) => {
        const count = counts.get(c.id) ?? 0;
        const share = answered === 0 ? 0 : count / answered;
        return {
          choiceId: c.id,
          text: c.text,
          best: best.has(c.id),
          count,
          share,
          nonFunctioning:
            answered >= MIN_ANSWERED_FOR_DISTRACTOR_FLAGS &&
            figures.hasBest &&
            !best.has(c.id) &&
            share < NON_FUNCTIONING_SHARE,
        };
      }),
    };
  });
  return { attempts: analysed.length, smallSample: analysed.length < MIN_ATTEMPTS_FOR_STATISTICS, items };
}

export const ITEM_STATISTICS_HEADER = [
  "node",
  "decision",
  "answered",
  "facility %",
  "discrimination",
  "negative discrimination",
  "response",
  "response text",
  "best",
  "chosen",
  "share %",
  "non-functioning distractor",
];

// Numbers stay numbers, so the CSV's formula guard (which prefixes text starting with "-") leaves -0.17 alone.
const percent = (share: number | null) => (share === null ? "" : Math.round(share * 100));
const twoPlaces = (r: number | null) => (r === null ? "" : Math.round(r * 100) / 100);
export const formatDiscrimination = (r: number) => r.toFixed(2);

/** One row per response, the decision's figures repeated on each, for a spreadsheet (cells made formula-safe later). */
export function itemStatisticsRows(report: ItemStatisticsReport): Array<Array<string | number>> {
  return report.items.flatMap((item) =>
    item.responses.map((r) => [
      item.nodeId,
      item.title,
      item.answered,
      percent(item.facility),
      twoPlaces(item.discrimination),
      item.negativeDiscrimination ? "yes" : "no",
      r.choiceId,
      r.text,
      r.best ? "yes" : "no",
      r.count,
      percent(item.answered === 0 ? null : r.share),
      r.nonFunctioning ? "yes" : "no",
    ]),
  );
}
