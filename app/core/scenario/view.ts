// What the practice room shows for an attempt at its current node: the lines, events, offered choices and progress.
import type { AttemptContext, TranscriptEntry } from "./attempt-context";
import { requireAttempt } from "./attempt-state";
import { evaluateCondition } from "./conditions";
import { decisionsLeft, progressPercent } from "./progress";
import type { Choice, Ending, Line, Scenario, StageEvent } from "./schema";

export interface AttemptView {
  nodeId: string;
  title: string | null;
  lines: Line[];
  events: StageEvent[];
  /** Only the choices on offer now (their `requires` hold), in the author's order. */
  choices: Array<{ id: string; text: string }>;
  finished: boolean;
  ending?: Ending;
  transcript: TranscriptEntry[];
  /** Every node entered, in order; `visited[i]` is where `transcript[i]` was chosen. */
  visited: string[];
  /**
   * `step` is the decision the learner is on (the number made, once finished); `estimatedTotal` adds the fewest
   * decisions still needed to reach an ending, so the estimate only ever moves as far as the learner's own path.
   * `percent` is what the bar shows: it only moves forward and is 100 only at an ending (see progress.ts).
   */
  progress: { step: number; estimatedTotal: number; percent: number };
}

/** The choices offered at a node given the attempt so far. */
export function offeredChoices(scenario: Scenario, nodeId: string, context: AttemptContext): Choice[] {
  const node = Object.hasOwn(scenario.nodes, nodeId) ? scenario.nodes[nodeId] : undefined;
  return (node?.choices ?? []).filter((choice) => !choice.requires || evaluateCondition(choice.requires, context));
}

/** The view of a persisted snapshot. Throws if the snapshot does not belong to this scenario. */
export function viewOf(scenario: Scenario, snapshot: unknown): AttemptView {
  const { nodeId, node, context, finished } = requireAttempt(scenario, snapshot);
  const made = context.transcript.length;
  const view: AttemptView = {
    nodeId,
    title: node.title ?? node.ending?.title ?? null,
    lines: node.lines,
    events: node.events ?? [],
    choices: finished ? [] : offeredChoices(scenario, nodeId, context).map(({ id, text }) => ({ id, text })),
    finished,
    transcript: context.transcript,
    visited: context.visited,
    progress: finished
      ? { step: made, estimatedTotal: made, percent: 100 }
      : {
          step: made + 1,
          estimatedTotal: made + Math.max(1, decisionsLeft(scenario, nodeId)),
          percent: progressPercent(scenario, context.visited),
        },
  };
  if (node.ending) view.ending = node.ending;
  return view;
}
