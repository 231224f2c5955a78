// Per-node analytics for educators: how many attempts reached each node, the share of each choice, where attempts
// end or are abandoned, and mean competency scores. Works on stored attempts (path, status, result, snapshot).
export interface AttemptRecordForAnalytics {
  status: "in-progress" | "completed" | "abandoned";
  path: string[];
  snapshot: unknown;
  result: { scores: Record<string, number>; overall: number; passed: boolean } | null;
}

export interface NodeStats {
  nodeId: string;
  reached: number;
  /** Attempts that finished here (an ending) or were abandoned / are still waiting here. */
  endedHere: number;
  abandonedHere: number;
  inProgressHere: number;
  choices: Array<{ choiceId: string; count: number; share: number }>;
}

export interface ScenarioAnalytics {
  attempts: number;
  completed: number;
  passed: number;
  nodes: NodeStats[];
  /** "nodeId/choiceId" -> times chosen, for edge thickness. */
  choiceCounts: Map<string, number>;
  meanScores: Record<string, number>;
  meanOverall: number | null;
}

/** The choices an attempt made, from its persisted snapshot's transcript (ignored if the snapshot is not shaped so). */
export function transcriptOf(snapshot: unknown): Array<{ nodeId: string; choiceId: string }> {
  const context =
    typeof snapshot === "object" && snapshot !== null
      ? (snapshot as { context?: { transcript?: unknown } }).context
      : undefined;
  const transcript = Array.isArray(context?.transcript) ? context.transcript : [];
  return transcript.filter(
    (t): t is { nodeId: string; choiceId: string } => typeof t?.nodeId === "string" && typeof t?.choiceId === "string",
  );
}

export function scenarioAnalytics(nodeIds: string[], attempts: AttemptRecordForAnalytics[]): ScenarioAnalytics {
  const stats = new Map(
    nodeIds.map((id) => [
      id,
      { nodeId: id, reached: 0, endedHere: 0, abandonedHere: 0, inProgressHere: 0, counts: new Map<string, number>() },
    ]),
  );
  const choiceCounts = new Map<string, number>();
  const totals: Record<string, { sum: number; n: number }> = {};
  let overallSum = 0;
  let completed = 0;
  let passed = 0;
  for (const attempt of attempts) {
    for (const nodeId of new Set(attempt.path)) {
      const s = stats.get(nodeId);
      if (s) s.reached += 1;
    }
    for (const step of transcriptOf(attempt.snapshot)) {
      const key = `${step.nodeId}/${step.choiceId}`;
      choiceCounts.set(key, (choiceCounts.get(key) ?? 0) + 1);
      const s = stats.get(step.nodeId);
      if (s) s.counts.set(step.choiceId, (s.counts.get(step.choiceId) ?? 0) + 1);
    }
    const last = stats.get(attempt.path.at(-1) ?? "");
    if (last) {
      if (attempt.status === "completed") last.endedHere += 1;
      else if (attempt.status === "abandoned") last.abandonedHere += 1;
      else last.inProgressHere += 1;
    }
    if (attempt.status === "completed" && attempt.result) {
      completed += 1;
      if (attempt.result.passed) passed += 1;
      overallSum += attempt.result.overall;
      for (const [competency, value] of Object.entries(attempt.result.scores)) {
        totals[competency] ??= { sum: 0, n: 0 };
        totals[competency].sum += value;
        totals[competency].n += 1;
      }
    }
  }
  const nodes: NodeStats[] = [...stats.values()].map(({ counts, ...rest }) => {
    const made = [...counts.values()].reduce((a, b) => a + b, 0);
    return {
      ...rest,
      choices: [...counts.entries()].map(([choiceId, count]) => ({
        choiceId,
        count,
        share: made === 0 ? 0 : Math.round((100 * count) / made),
      })),
    };
  });
  const meanScores = Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, Math.round(v.sum / v.n)]));
  return {
    attempts: attempts.length,
    completed,
    passed,
    nodes,
    choiceCounts,
    meanScores,
    meanOverall: completed === 0 ? null : Math.round(overallSum / completed),
  };
}
