// Item statistics from stored attempts, shared by the analytics page (the full table and CSV) and the editor (the
// Checks panel's "rarely chosen" warnings), so both read the same figures the same way.
import type { AppLoadContext } from "@remix-run/node";
import { rarelyChosenResponses, type RarelyChosenResponse } from "~/core/audit/rarely-chosen";
import type { Scenario } from "~/core/scenario";
import { transcriptOf } from "~/core/studio/analytics";
import { itemStatistics } from "~/core/studio/item-statistics";
import type { Attempt } from "~/storage/types";

/** Each person's first completed attempt on the version given, so every item means one thing. */
export function itemStatisticsOf(scenario: Scenario, attempts: readonly Attempt[]) {
  return itemStatistics(
    scenario,
    attempts
      .filter((a) => a.status === "completed" && a.completedAt && a.scenarioVersion === scenario.version)
      .map((a) => ({ personId: a.userId, completedAt: a.completedAt as string, steps: transcriptOf(a.snapshot) })),
  );
}

/** The published version's distractors that the organisation's learners almost never choose (none before any). */
export async function rarelyChosenInPublished(
  context: AppLoadContext,
  orgId: string,
  scenarioId: string,
  published: Scenario | null,
): Promise<RarelyChosenResponse[]> {
  if (!published) return [];
  const attempts = await context.store.listAttemptsForScenario(orgId, scenarioId);
  return rarelyChosenResponses(itemStatisticsOf(published, attempts), published.version);
}
