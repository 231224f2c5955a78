// The signalling relay's way in: a participant posts offers, answers, candidates and hellos (ADR 0054). The sender is
// the signed-in user; a stranger or another organisation gets 404, a bad or oversized batch 400, a flood 429.
import type { ActionFunctionArgs } from "@remix-run/node";
import { liveSessionFor, postLiveSignals } from "~/services/live.server";
import { requireViewer } from "~/utils/auth.server";

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const session = await liveSessionFor(context, viewer, params.sessionId);
  if (!session) throw new Response("Not found", { status: 404 });
  const outcome = await postLiveSignals(context, viewer, session, await request.text());
  if (outcome.ok) return Response.json({ relayed: outcome.relayed });
  const headers: HeadersInit = outcome.retryAfterSeconds ? { "Retry-After": String(outcome.retryAfterSeconds) } : {};
  return Response.json({ error: outcome.message }, { status: outcome.status, headers });
}
