// /admin/export.csv: one row per person per assignment, streamed page by page of members; every download is audit-logged.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { audit } from "~/services/audit.server";
import { requireRole } from "~/utils/auth.server";
import { assignmentCsvStream, downloadResponse } from "~/services/exports.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  await audit(context, { type: "export.csv", orgId: viewer.org.id, actorId: viewer.user.id });
  const day = context.now().toISOString().slice(0, 10);
  return downloadResponse(
    await assignmentCsvStream(context, viewer.org.id),
    `webside-completion-${day}.csv`,
    "text/csv",
  );
}
