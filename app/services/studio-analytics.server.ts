// Per-scenario analytics for educators: reach and choice shares per node, endings, abandonment and mean scores over
// the organisation's attempts, on the version learners play (or the draft's shape before it is first published).
import type { AppLoadContext } from "@remix-run/node";
import { scenarioAnalytics } from "~/core/studio/analytics";
import { editableDraft } from "~/core/studio/draft-edits";
import type { StoredScenario } from "~/storage/types";
import { latestVersionOf } from "~/services/studio.server";

export async function analyticsView(context: AppLoadContext, record: StoredScenario) {
  // The published version is what learners play; a never-published draft has no attempts but still shows its shape.
  const scenario = (await latestVersionOf(context, record)) ?? editableDraft(record.draft);
  const attempts = await context.store.listAttemptsForScenario(record.orgId, record.id);
  const stats = scenarioAnalytics(Object.keys(scenario.nodes), attempts);
  return {
    id: record.id,
    scenario,
    summary: {
      attempts: stats.attempts,
      completed: stats.completed,
      passed: stats.passed,
      meanOverall: stats.meanOverall,
      meanScores: stats.meanScores,
    },
    nodes: stats.nodes,
    choiceCounts: [...stats.choiceCounts.entries()],
  };
}
