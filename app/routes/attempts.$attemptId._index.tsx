// The practice room for one attempt: the server restores the attempt, the learner chooses, the server moves it on.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PracticeRoom } from "~/components/practice/practice-room";
import { PracticeCamera } from "~/components/practice/practice-camera";
import { abandonAttempt, chooseInAttempt, requireOwnAttempt, scenarioForAttempt } from "~/utils/attempts.server";
import { requireViewer } from "~/utils/auth.server";
import { practiceView } from "~/utils/practice-view.server";
import { previousChoices } from "~/utils/attempt-history.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.view.scenario.title ?? "Practice"} | Webside` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const attempt = await requireOwnAttempt(request, context, viewer, params.attemptId);
  if (attempt.status === "completed") throw redirect(`/attempts/${attempt.id}/debrief`);
  const scenario = await scenarioForAttempt(context, attempt);
  const explore = new URL(request.url).searchParams.get("explore") === "1";
  const earlier = explore ? await previousChoices(context, attempt) : [];
  return { view: practiceView(scenario, attempt, earlier) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const attempt = await requireOwnAttempt(request, context, viewer, params.attemptId);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "abandon") {
    await abandonAttempt(context, attempt);
    return redirect(`/scenarios/${attempt.scenarioId}`);
  }
  if (intent !== "choose") return data({ error: "Unknown action." }, { status: 400 });
  const step = Number(form.get("step"));
  const outcome = await chooseInAttempt(context, attempt, {
    choiceId: String(form.get("choiceId") ?? ""),
    step: Number.isInteger(step) ? step : null,
  });
  if (!outcome.ok) return data({ error: outcome.message }, { status: outcome.status });
  // Post/redirect/get: a reload never re-sends a choice, and the address stays clean.
  return redirect(outcome.finished ? `/attempts/${attempt.id}/debrief` : `/attempts/${attempt.id}`);
}

export default function PracticePage() {
  const { view } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const notice =
    view.attempt.status === "abandoned" ? (
      <div className="ws-notice ws-notice--warning" role="status">
        <p>
          You left this attempt. <a href={`/scenarios/${view.scenario.id}`}>Start the scenario again</a>.
        </p>
      </div>
    ) : result?.error ? (
      <div className="ws-notice ws-notice--warning" role="alert">
        <p>{result.error}</p>
      </div>
    ) : null;
  return (
    <PracticeRoom
      view={view}
      notice={notice}
      camera={<PracticeCamera attemptId={view.attempt.id} nodeId={view.history.at(-1)?.nodeId ?? ""} />}
    />
  );
}
