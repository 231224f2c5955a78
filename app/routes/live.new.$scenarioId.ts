// "Practise live with colleagues" from a scenario's overview: the viewer becomes the clinician of a new live session.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { createLiveSessionFor } from "~/services/live.server";
import { requireViewer } from "~/utils/auth.server";

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const session = await createLiveSessionFor(context, viewer, params.scenarioId ?? "");
  if (!session) throw new Response("Not found", { status: 404 });
  return redirect(`/live/${session.id}`);
}
