// The signalling relay's way out: a participant's server-sent-events stream (ADR 0054), resumed from Last-Event-ID.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { liveSessionFor, openLiveEventStream } from "~/services/live.server";
import { requireViewer } from "~/utils/auth.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const session = await liveSessionFor(context, viewer, params.sessionId);
  if (!session) throw new Response("Not found", { status: 404 });
  return openLiveEventStream(context, viewer, session, request);
}
