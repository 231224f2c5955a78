// The path an attempt took, decision by decision, with what the learner chose and why it mattered (debrief, analytics).
import type { Competency } from "../competencies";
import { requireAttempt } from "./attempt-state";
import type { Effects, Ending, Scenario } from "./schema";

export interface PathStep {
  /** 1 for the first decision. */
  step: number;
  nodeId: string;
  nodeTitle: string | null;
  choiceId: string;
  choiceText: string;
  feedback: string;
  /** The choice's effect on each assessed competency. */
  effects: Effects;
  /** The choices that were also on offer at this point had this much more to give, per competency. */
  missed: Partial<Record<Competency, number>>;
}

export interface RunSummary {
  steps: PathStep[];
  ending: (Ending & { nodeId: string }) | null;
}

export function summariseRun(scenario: Scenario, snapshot: unknown): RunSummary {
  const { nodeId, node, context } = requireAttempt(scenario, snapshot);
  const steps = context.transcript.map((entry, index): PathStep => {
    const at = Object.hasOwn(scenario.nodes, entry.nodeId) ? scenario.nodes[entry.nodeId] : undefined;
    const choice = at?.choices?.find((c) => c.id === entry.choiceId);
    const missed: Partial<Record<Competency, number>> = {};
    for (const [competency, best] of Object.entries(entry.possible) as Array<[Competency, number]>) {
      const gap = best - (entry.effects[competency] ?? 0);
      if (gap > 0) missed[competency] = gap;
    }
    return {
      step: index + 1,
      nodeId: entry.nodeId,
      nodeTitle: at?.title ?? null,
      choiceId: entry.choiceId,
      choiceText: choice?.text ?? entry.choiceId,
      feedback: entry.feedback,
      effects: entry.effects,
      missed,
    };
  });
  return { steps, ending: node.ending ? { nodeId, ...node.ending } : null };
}
