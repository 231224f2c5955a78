// A JSON API for the practice room: GET gives the attempt's current view, POST makes one choice and returns the new view.
// The same checks as the practice page (requireViewer, requireOwnAttempt, chooseInAttempt); used by scripts and load tests.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { chooseInAttempt, requireOwnAttempt } from "~/services/attempts.server";
import { practiceRoomView } from "~/services/practice-view.server";
import { requireViewer } from "~/utils/auth.server";
import { choiceInput } from "~/utils/form-schemas";
import { formValues } from "~/utils/forms.server";

/** A JSON body or an ordinary form (read as the choice schema reads any form); anything else is reported, not guessed at. */
async function readInput(request: Request): Promise<unknown> {
  const type = request.headers.get("Content-Type") ?? "";
  if (type.includes("application/json")) {
    try {
      return await request.json();
    } catch {
      return null;
    }
  }
  return formValues(choiceInput, await request.formData());
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const attempt = await requireOwnAttempt(request, context, viewer, params.attemptId);
  return Response.json({ view: await practiceRoomView(context, attempt) });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const attempt = await requireOwnAttempt(request, context, viewer, params.attemptId);
  // The same choice schema as the practice page's form; `step` is the number of choices the caller has seen.
  const parsed = choiceInput.safeParse(await readInput(request));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return Response.json({ error: first?.message ?? "Send {choiceId, step} as JSON or as a form." }, { status: 400 });
  }
  const outcome = await chooseInAttempt(context, attempt, parsed.data);
  if (!outcome.ok) return Response.json({ error: outcome.message }, { status: outcome.status });
  return Response.json({ view: await practiceRoomView(context, outcome.attempt) });
}
