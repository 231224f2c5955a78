// /admin/training.csv: "who is missing training" with the page's filters, as a spreadsheet; audit-logged.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { audit } from "~/services/audit.server";
import { downloadResponse } from "~/services/exports.server";
import { trainingFilter, trainingStatusCsv } from "~/services/training-status.server";
import { requireRole } from "~/utils/auth.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  await audit(context, { type: "export.csv", orgId: viewer.org.id, actorId: viewer.user.id });
  const filter = trainingFilter(new URL(request.url));
  const day = context.now().toISOString().slice(0, 10);
  return downloadResponse(
    await trainingStatusCsv(context, viewer.org.id, filter),
    `webside-training-status-${day}.csv`,
    "text/csv",
  );
}
