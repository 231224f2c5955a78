// Log out: revoke the server-side session and clear the cookie. POST only, so a link elsewhere cannot log you out.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { audit } from "~/services/audit.server";
import { getViewer } from "~/utils/auth.server";
import { endSession } from "~/utils/session.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await getViewer(request, context);
  const cookie = await endSession(request, context);
  if (viewer) await audit(context, { type: "logout", orgId: viewer.org.id, actorId: viewer.user.id });
  return redirect("/login", { headers: { "Set-Cookie": cookie } });
}
