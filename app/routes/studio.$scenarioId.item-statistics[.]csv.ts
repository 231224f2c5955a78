// /studio/<id>/item-statistics.csv: the scenario's item statistics for educators as a spreadsheet (own organisation's
// attempts only; audit-logged).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadResponse } from "~/services/exports.server";
import { itemStatisticsCsv, requireAnalyticsScenario } from "~/services/studio-analytics.server";
import { requireAuthor } from "~/services/studio.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireAuthor(request, context);
  const target = await requireAnalyticsScenario(request, context, viewer, params.scenarioId);
  const { body, filename } = await itemStatisticsCsv(context, viewer, target);
  return downloadResponse(body, filename, "text/csv");
}
