// A JSON API for the practice room: GET gives the attempt's current view, POST makes one choice and returns the new view.
// The same checks as the practice page (requireViewer, requireOwnAttempt, chooseInAttempt); used by scripts and load tests.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { chooseInAttempt, requireOwnAttempt, scenarioForAttempt } from "~/utils/attempts.server";
import { requireViewer } from "~/utils/auth.server";
import { practiceView } from "~/utils/practice-view.server";

const chooseSchema = z.object({
  choiceId: z.string().trim().min(1, "Say which choice was made (choiceId)").max(200),
  // The step the page showed; null skips the staleness check, as a form without a step does.
  step: z
    .union([z.number(), z.string()])
    .nullish()
    .transform((value) => {
      const n = value === null || value === undefined || value === "" ? NaN : Number(value);
      return Number.isInteger(n) ? n : null;
    }),
});

/** A JSON body or an ordinary form; anything else is reported rather than guessed at. */
async function readInput(request: Request): Promise<unknown> {
  const type = request.headers.get("Content-Type") ?? "";
  if (type.includes("application/json")) {
    try {
      return await request.json();
    } catch {
      return null;
    }
  }
  return Object.fromEntries(await request.formData());
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const attempt = await requireOwnAttempt(request, context, viewer, params.attemptId);
  const scenario = await scenarioForAttempt(context, attempt);
  return Response.json({ view: practiceView(scenario, attempt) });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const attempt = await requireOwnAttempt(request, context, viewer, params.attemptId);
  const parsed = chooseSchema.safeParse(await readInput(request));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return Response.json({ error: first?.message ?? "Send {choiceId, step} as JSON or as a form." }, { status: 400 });
  }
  const outcome = await chooseInAttempt(context, attempt, parsed.data);
  if (!outcome.ok) return Response.json({ error: outcome.message }, { status: outcome.status });
  const scenario = await scenarioForAttempt(context, outcome.attempt);
  return Response.json({ view: practiceView(scenario, outcome.attempt) });
}
