// Stores an attempt's camera presence summary: the owner only, JSON of an allow-listed shape of numbers, size-capped; anything else is refused.
import type { ActionFunctionArgs } from "@remix-run/node";
import { PRESENCE_SUMMARY_MAX_BYTES, presenceSummarySchema } from "~/core/feedback";
import { choicesMade, requireOwnAttempt, savePresence } from "~/services/attempts.server";
import { requireViewer } from "~/utils/auth.server";
import { BodyTooLargeError, readBodyLimited } from "~/utils/request-body.server";

const refuse = (status: number, error: string) => Response.json({ ok: false, error }, { status });

/** The body as JSON, or the refusal: not JSON, not declared as JSON, or over the size cap. */
async function readSummaryJson(request: Request): Promise<{ json: unknown } | Response> {
  if (!(request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("application/json")) {
    return refuse(400, "The presence summary must be sent as JSON (Content-Type: application/json).");
  }
  let text: string;
  try {
    text = new TextDecoder().decode(await readBodyLimited(request, PRESENCE_SUMMARY_MAX_BYTES));
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    return refuse(413, `The presence summary is larger than ${PRESENCE_SUMMARY_MAX_BYTES} bytes.`);
  }
  try {
    return { json: JSON.parse(text) as unknown };
  } catch {
    return refuse(400, "The presence summary is not valid JSON.");
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const attempt = await requireOwnAttempt(request, context, viewer, params.attemptId);
  if (request.method !== "POST") return refuse(405, "Send the presence summary with POST.");
  const body = await readSummaryJson(request);
  if (body instanceof Response) return body;
  const parsed = presenceSummarySchema.safeParse(body.json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
    const why = issue?.message ?? "it does not have the expected shape";
    return refuse(400, `The presence summary was refused${where}: ${why}.`);
  }
  const saved = await savePresence(context, attempt, parsed.data);
  if (!saved.ok) return refuse(saved.status, saved.error);
  // The page's step counts choices made, which storing a summary does not change: both figures say so.
  const step = choicesMade(saved.attempt);
  return Response.json({ ok: true, from: step, step });
}
