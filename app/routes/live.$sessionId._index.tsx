// A live role-play session: the lobby, then the screen for the viewer's role, with the video joined peer to peer.
// Only the session's participants in its organisation see it (404 for anyone else); every button posts a form the
// service checks against the session's rules and, for the actor's choice, the scenario engine.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { LiveCall } from "~/components/live/live-call";
import { ActorScript, LearnerStage, Lobby, ObserverView, WhoIsIn } from "~/components/live/session-panels";
import { liveSessionForm } from "~/services/live/forms";
import { liveSessionView } from "~/services/live/view.server";
import { liveSessionAction, liveSessionFor } from "~/services/live.server";
import { requireViewer } from "~/utils/auth.server";
import { formFailure, parseForm } from "~/utils/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Live: ${data?.scenario.title ?? "session"} | Webside` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const session = await liveSessionFor(context, viewer, params.sessionId);
  if (!session) throw new Response("Not found", { status: 404 });
  return liveSessionView(context, viewer, session);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const session = await liveSessionFor(context, viewer, params.sessionId);
  if (!session) throw new Response("Not found", { status: 404 });
  const form = parseForm(liveSessionForm, await request.formData());
  if (!form.ok) return form.response;
  const outcome = await liveSessionAction(context, viewer, session, form.data);
  if (!outcome.ok) return formFailure(outcome.status, { formError: outcome.message });
  if (form.data.intent === "leave") return redirect("/");
  return { ok: true as const };
}

export default function LiveSessionPage() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const revalidator = useRevalidator();
  const { me, script, session } = view;
  const names = Object.fromEntries(view.participants.map((p) => [p.id, p.name]));
  const captions = Object.fromEntries(
    view.participants.flatMap((p) => (p.speakingAs ? [[p.id, `${p.name}, as ${p.speakingAs}`]] : [])),
  );
  const learnerId = view.participants.find((p) => p.role === "learner")?.id ?? "";
  const open = session.status === "lobby" || session.status === "running";
  return (
    <>
      <ErrorSummary errors={[]}>{result && !result.ok ? <p>{result.formError}</p> : null}</ErrorSummary>
      <p className="ws-muted">Live role-play · {view.scenario.title}</p>
      <h1>{me.role === "learner" ? "Your consultation" : me.role === "actor" ? "You are the patient" : "Observing"}</h1>
      {open ? (
        <LiveCall
          sessionId={session.id}
          selfId={me.id}
          learnerId={learnerId}
          iceServers={view.iceServers}
          names={names}
          captions={captions}
          patientIds={view.participants.filter((p) => p.role === "actor").map((p) => p.id)}
          role={me.role}
          phase={session.status === "lobby" ? "lobby" : "running"}
          attemptId={session.attemptId}
          nodeId={script?.nodeId ?? null}
          step={script?.step ?? null}
          stepTimes={script?.stepTimes ?? []}
          savedPresence={view.savedPresence}
          onServerChange={() => revalidator.revalidate()}
        />
      ) : (
        <div className="ws-notice" role="status">
          <p>This live session has {session.status === "ended" ? "ended" : "expired"}.</p>
        </div>
      )}
      {session.status === "lobby" ? (
        <Lobby code={session.code} canStart={view.canStart} isLearner={me.role === "learner"} />
      ) : null}
      {script && me.role === "actor" ? (
        <ActorScript script={script} characters={view.characters} switchedTo={view.me.switchedTo} />
      ) : null}
      {script && me.role === "learner" ? <LearnerStage script={script} /> : null}
      {script && me.role === "observer" ? <ObserverView script={script} competencies={view.competencies} /> : null}
      {session.startedAt ? (
        <p>
          <a href={`/live/${session.id}/debrief`}>
            {open ? "Open the debrief (ratings can be added as you go)" : "Read the debrief"}
          </a>
        </p>
      ) : null}
      <WhoIsIn participants={view.participants} showChecks={session.status === "lobby"} />
      {open ? (
        <form method="post">
          <input type="hidden" name="intent" value={me.role === "learner" ? "end" : "leave"} />
          <button className="nhsuk-button nhsuk-button--secondary" type="submit">
            {me.role === "learner" ? "End the session" : "Leave the session"}
          </button>
        </form>
      ) : null}
    </>
  );
}
