// Switch the organisation the signed-in user is acting in (only to one they belong to).
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { audit } from "~/utils/audit.server";
import { deny, requireViewer } from "~/utils/auth.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const orgId = String((await request.formData()).get("orgId") ?? "");
  if (!viewer.orgs.some((o) => o.id === orgId)) {
    await deny(context, viewer, request, 403, "switch to an organisation the user does not belong to");
  }
  await context.store.switchSessionOrg(viewer.session.id, orgId);
  await audit(context, { type: "org.switch", orgId, actorId: viewer.user.id, detail: { from: viewer.org.id } });
  return redirect("/");
}
