// A join link: shows which scenario the session is for and lets a colleague join as a patient actor or an observer.
// Another organisation's session, or an unknown, closed or mistyped code, is a 404 alike, and nothing is stored.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { joinPageView } from "~/services/live/join-view.server";
import { joinForm } from "~/services/live/forms";
import { joinByCode } from "~/services/live.server";
import { requireViewer } from "~/utils/auth.server";
import { formFailure, parseForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Join a live session | Webside" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const view = await joinPageView(context, viewer, params.code ?? "");
  if (!view) throw new Response("Not found", { status: 404 });
  // Someone already in the session (the learner, or a reload) goes straight back to it.
  if (view.alreadyIn) throw redirect(`/live/${view.sessionId}`);
  return view;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const form = parseForm(joinForm, await request.formData());
  if (!form.ok) return form.response;
  const outcome = await joinByCode(context, viewer, params.code ?? "", form.data);
  if (!outcome) throw new Response("Not found", { status: 404 });
  if (!outcome.ok) return formFailure(outcome.status, { formError: outcome.message });
  return redirect(`/live/${outcome.session.id}`);
}

export default function JoinSession() {
  const view = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={[]}>{failed?.formError ? <p>{failed.formError}</p> : null}</ErrorSummary>
      <h1>Join a live role-play</h1>
      <p>
        {view.learnerName} is practising <strong>{view.scenarioTitle}</strong> and has invited colleagues to play the
        patient or observe. Your camera and microphone connect directly to the others&apos; browsers.
      </p>
      <Form method="post">
        <input type="hidden" name="role" value="actor" />
        <button className="nhsuk-button" type="submit" disabled={view.freeParts.length === 0}>
          Join as the patient actor{view.freeParts.length > 0 ? ` (${view.freeParts.join(", ")})` : ""}
        </button>
      </Form>
      <Form method="post">
        <input type="hidden" name="role" value="observer" />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Join as an observer
        </button>
      </Form>
    </>
  );
}
