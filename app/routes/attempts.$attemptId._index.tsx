// The practice room for one attempt: the server restores the attempt, the learner chooses, the server moves it on.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { z } from "zod";
import { refusalText } from "~/components/error-summary";
import { createSpokenTurnLog } from "~/camera/spoken-turn-log";
import { PracticeCamera, PracticeCameraGlance } from "~/components/practice/practice-camera";
import { PracticeRoom } from "~/components/practice/practice-room";
import { usePracticeCamera } from "~/components/practice/use-practice-camera";
import { abandonAttempt, chooseInAttempt, requireOwnAttempt } from "~/services/attempts.server";
import { practiceRoomView } from "~/services/practice-view.server";
import { requireViewer } from "~/utils/auth.server";
import { choiceInput, intent, intents } from "~/utils/form-schemas";
import { parseForm } from "~/utils/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.view.scenario.title ?? "Practice"} | Webside` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const attempt = await requireOwnAttempt(request, context, viewer, params.attemptId);
  if (attempt.status === "completed") throw redirect(`/attempts/${attempt.id}/debrief`);
  const explore = new URL(request.url).searchParams.get("explore") === "1";
  return { view: await practiceRoomView(context, attempt, { explore }) };
}

const practiceForm = intents([
  choiceInput.extend({ intent: intent("choose") }),
  z.object({ intent: intent("abandon") }),
]);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const attempt = await requireOwnAttempt(request, context, viewer, params.attemptId);
  const form = parseForm(practiceForm, await request.formData());
  if (!form.ok) return form.response;
  if (form.data.intent === "abandon") {
    await abandonAttempt(context, attempt);
    return redirect(`/scenarios/${attempt.scenarioId}`);
  }
  const outcome = await chooseInAttempt(context, attempt, form.data);
  if (!outcome.ok) return data({ ok: false as const, message: outcome.message }, { status: outcome.status });
  // Post/redirect/get: a reload never re-sends a choice, and the address stays clean.
  return redirect(outcome.finished ? `/attempts/${attempt.id}/debrief` : `/attempts/${attempt.id}`);
}

export default function PracticePage() {
  const { view } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const problem = result ? refusalText(result) : null;
  // One log of spoken turns per attempt, shared by the room (which measures) and the camera corner (which uploads).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const spokenLog = useMemo(() => createSpokenTurnLog(), [view.attempt.id]);
  const camera = usePracticeCamera({
    attemptId: view.attempt.id,
    nodeId: view.history.at(-1)?.nodeId ?? "",
    spokenLog,
  });
  const notice =
    view.attempt.status === "abandoned" ? (
      <div className="ws-notice ws-notice--warning" role="status">
        <p>
          You left this attempt. <a href={`/scenarios/${view.scenario.id}`}>Start the scenario again</a>.
        </p>
      </div>
    ) : problem ? (
      <div className="ws-notice ws-notice--warning" role="alert">
        <p>{problem}</p>
      </div>
    ) : null;
  return (
    <PracticeRoom
      view={view}
      notice={notice}
      spokenLog={spokenLog}
      camera={<PracticeCamera camera={camera} />}
      cameraGlance={<PracticeCameraGlance camera={camera} />}
    />
  );
}
