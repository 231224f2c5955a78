// Stores an attempt's camera presence summary: the owner only, JSON of an allow-listed shape of numbers, size-capped; anything else is refused.
import type { ActionFunctionArgs } from "@remix-run/node";
import { PRESENCE_SUMMARY_MAX_BYTES, presenceSummarySchema, type PresenceSummary } from "~/core/feedback";
import { ConflictError } from "~/storage/errors";
import type { Attempt } from "~/storage/types";
import { choicesMade, requireOwnAttempt, scenarioForAttempt } from "~/utils/attempts.server";
import { requireViewer } from "~/utils/auth.server";

const refuse = (status: number, error: string) => Response.json({ ok: false, error }, { status });

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const attempt = await requireOwnAttempt(request, context, viewer, params.attemptId);
  if (request.method !== "POST") return refuse(405, "Send the presence summary with POST.");
  if (attempt.status === "abandoned")
    return refuse(409, "This attempt was left, so its camera summary is no longer kept.");
  if (!(request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("application/json")) {
    return refuse(400, "The presence summary must be sent as JSON (Content-Type: application/json).");
  }
  const body = await readBoundedText(request, PRESENCE_SUMMARY_MAX_BYTES);
  if (body === null) return refuse(413, `The presence summary is larger than ${PRESENCE_SUMMARY_MAX_BYTES} bytes.`);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return refuse(400, "The presence summary is not valid JSON.");
  }
  const parsed = presenceSummarySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
    return refuse(
      400,
      `The presence summary was refused${where}: ${issue?.message ?? "it does not have the expected shape"}.`,
    );
  }
  const scenario = await scenarioForAttempt(context, attempt);
  const unknown = parsed.data.timeline.nodes
    .concat(Object.keys(parsed.data.nodes))
    .find((id) => !Object.hasOwn(scenario.nodes, id));
  if (unknown) return refuse(400, `The presence summary names node '${unknown}', which is not in this scenario.`);
  const stored = await storePresence(context.store, attempt, parsed.data);
  // The page's choice form counts choices made, which a presence write does not change.
  return Response.json({ ok: true, from: choicesMade(stored.attempt), step: choicesMade(stored.attempt) });
}

/** The attempt may move on (a choice) while the summary is on its way: retry once against the newest step. */
async function storePresence(
  store: ActionFunctionArgs["context"]["store"],
  attempt: Attempt,
  presence: PresenceSummary,
): Promise<{ from: number; attempt: Attempt }> {
  try {
    return { from: attempt.step, attempt: await store.updateAttempt(attempt.id, attempt.step, { presence }) };
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const fresh = await store.getAttempt(attempt.id);
    if (!fresh) throw new Response("Not found", { status: 404 });
    return { from: fresh.step, attempt: await store.updateAttempt(fresh.id, fresh.step, { presence }) };
  }
}

/** The request body as text, or null when it is over `max` bytes (judged by Content-Length first, then while reading). */
async function readBoundedText(request: Request, max: number): Promise<string | null> {
  const declared = Number(request.headers.get("Content-Length"));
  if (Number.isFinite(declared) && declared > max) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}
