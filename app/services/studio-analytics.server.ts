// Per-scenario analytics for educators: reach and choice shares per node, endings, abandonment, mean scores and item
// statistics over the viewer's organisation's attempts, for its own scenarios and the bundled ones its members play.
import type { AppLoadContext } from "@remix-run/node";
import { stringify } from "csv-stringify/sync";
import type { Scenario } from "~/core/scenario";
import { scenarioAnalytics } from "~/core/studio/analytics";
import { editableDraft } from "~/core/studio/draft-edits";
import { ITEM_STATISTICS_HEADER, itemStatisticsRows } from "~/core/studio/item-statistics";
import { safeCell } from "~/core/tracking/export-rows";
import { audit } from "~/services/audit.server";
import { itemStatisticsOf } from "~/services/item-statistics.server";
import { bundledScenario } from "~/services/catalogue.server";
import { isReadableDraft } from "~/core/studio/draft-envelope";
import { latestVersionOf } from "~/services/studio.server";
import { deny, type Viewer } from "~/utils/auth.server";

export interface AnalyticsTarget {
  id: string;
  /** The version learners play now (or a never-published draft's shape, which has no attempts yet). */
  scenario: Scenario;
  bundled: boolean;
  /** A never-published draft the editor cannot open: nothing to show, the page points to the editor's recovery. */
  unreadable: boolean;
}

/** The organisation's own scenario or a bundled one; anything else is a 404 that reveals nothing. */
export async function requireAnalyticsScenario(
  request: Request,
  context: AppLoadContext,
  viewer: Viewer,
  id: string | undefined,
): Promise<AnalyticsTarget> {
  const record = id ? await context.store.getScenarioRecord(viewer.org.id, id) : null;
  if (record) {
    const published = await latestVersionOf(context, record);
    const unreadable = !published && !isReadableDraft(record.draft);
    const scenario = published ?? editableDraft(unreadable ? {} : record.draft);
    return { id: record.id, scenario, bundled: false, unreadable };
  }
  const bundled = id ? bundledScenario(id) : null;
  if (bundled) return { id: bundled.id, scenario: bundled, bundled: true, unreadable: false };
  return deny(context, viewer, request, 404, "scenario not in this organisation");
}

export async function analyticsView(context: AppLoadContext, viewer: Viewer, target: AnalyticsTarget) {
  // Only the viewer's organisation's attempts, bundled scenarios included: other trusts' learners are never counted.
  const attempts = await context.store.listAttemptsForScenario(viewer.org.id, target.id);
  const stats = scenarioAnalytics(Object.keys(target.scenario.nodes), attempts);
  return {
    id: target.id,
    bundled: target.bundled,
    unreadable: target.unreadable,
    scenario: target.scenario,
    summary: {
      attempts: stats.attempts,
      completed: stats.completed,
      passed: stats.passed,
      meanOverall: stats.meanOverall,
      meanScores: stats.meanScores,
    },
    nodes: stats.nodes,
    choiceCounts: [...stats.choiceCounts.entries()],
    items: itemStatisticsOf(target.scenario, attempts),
  };
}

/** The item statistics as a spreadsheet-safe CSV; every download is audit-logged like the tracking exports. */
export async function itemStatisticsCsv(context: AppLoadContext, viewer: Viewer, target: AnalyticsTarget) {
  const attempts = await context.store.listAttemptsForScenario(viewer.org.id, target.id);
  await audit(context, {
    type: "export.item-statistics",
    orgId: viewer.org.id,
    actorId: viewer.user.id,
    detail: { scenarioId: target.id, version: target.scenario.version },
  });
  const rows = itemStatisticsRows(itemStatisticsOf(target.scenario, attempts)).map((row) =>
    row.map((v) => safeCell(v)),
  );
  return {
    body: stringify([ITEM_STATISTICS_HEADER, ...rows]),
    filename: `webside-item-statistics-${target.id}-v${target.scenario.version}.csv`,
  };
}
