// /admin/export.xapi.json: the xAPI 1.0.3 statements of every completed attempt in the organisation, streamed; audit-logged.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { audit } from "~/services/audit.server";
import { requireRole } from "~/utils/auth.server";
import { downloadResponse, xapiJsonStream } from "~/services/exports.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  await audit(context, { type: "export.xapi", orgId: viewer.org.id, actorId: viewer.user.id });
  const day = context.now().toISOString().slice(0, 10);
  return downloadResponse(await xapiJsonStream(context, viewer.org.id), `webside-xapi-${day}.json`, "application/json");
}
