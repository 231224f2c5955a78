// The live session's debrief for everyone who took part: the recorded path with feedback and the script's scores,
// the observers' ratings and notes, the patient's view, the learner's presence figures; and the rating forms.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DecisionPath } from "~/components/debrief/decision-path";
import { PresenceDebrief } from "~/components/debrief/presence-debrief";
import { SpokenTurns } from "~/components/debrief/spoken-turns";
import { ScoreChart } from "~/components/debrief/score-chart";
import { ErrorSummary } from "~/components/error-summary";
import { ObserverForm, ObserverRatings, PatientForm, PatientViews, People } from "~/components/live/live-debrief";
import { liveDebriefView } from "~/services/live/debrief.server";
import { liveRatingForm } from "~/services/live/forms";
import { saveLiveRating } from "~/services/live/ratings.server";
import { liveSessionFor } from "~/services/live.server";
import { requireViewer } from "~/utils/auth.server";
import { formFailure, parseForm } from "~/utils/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Live debrief: ${data?.scenario.title ?? ""} | Webside` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const session = await liveSessionFor(context, viewer, params.sessionId);
  if (!session) throw new Response("Not found", { status: 404 });
  const view = await liveDebriefView(context, viewer, session);
  if (!view.ok) throw new Response(view.message, { status: 409 });
  return view;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const session = await liveSessionFor(context, viewer, params.sessionId);
  if (!session) throw new Response("Not found", { status: 404 });
  const form = parseForm(liveRatingForm, await request.formData());
  if (!form.ok) return form.response;
  const saved = await saveLiveRating(context, viewer, session, form.data);
  if (!saved.ok) return formFailure(saved.status, { formError: saved.message });
  return { ok: true as const };
}

export default function LiveDebriefPage() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { debrief } = view;
  return (
    <>
      <ErrorSummary errors={[]}>{result && !result.ok ? <p>{result.formError}</p> : null}</ErrorSummary>
      {result?.ok ? (
        <div className="ws-notice" role="status">
          <p>Saved.</p>
        </div>
      ) : null}
      <p className="ws-muted">Live practice · {view.scenario.title}</p>
      <h1>Live debrief</h1>
      {view.form.observer ? (
        <ObserverForm draft={view.form.observer.draft} competencies={view.form.observer.competencies} />
      ) : null}
      {view.me.plays
        .filter((p) => view.form.patientParts.includes(p.id))
        .map((part) => (
          <PatientForm key={part.id} part={part} />
        ))}
      <People people={view.people} minutes={view.session.minutes} />
      {debrief ? (
        <>
          {debrief.criticalErrors.length > 0 ? (
            <div className="ws-notice ws-notice--warning" role="status">
              {debrief.criticalErrors.map((e) => (
                <p key={e.step}>
                  <strong>{e.choiceText}</strong>: {e.reason}
                </p>
              ))}
            </div>
          ) : null}
          {debrief.ending ? (
            <p className="nhsuk-body-l">
              {debrief.ending.title}: {debrief.ending.summary}
            </p>
          ) : (
            <p>The consultation stopped before the script reached an ending.</p>
          )}
          <section className="ws-card" aria-labelledby="scores-title">
            <h2 id="scores-title" className="nhsuk-heading-m">
              The script&apos;s scores
            </h2>
            <ScoreChart rows={debrief.rows} passMark={debrief.passMark} />
          </section>
          <section className="ws-card" aria-labelledby="path-title">
            <h2 id="path-title" className="nhsuk-heading-m">
              The path the actor recorded
            </h2>
            <DecisionPath decisions={debrief.decisions} />
          </section>
        </>
      ) : (
        <p>No step of the script was recorded.</p>
      )}
      <ObserverRatings observers={view.observers} />
      <PatientViews patients={view.patients} />
      <SpokenTurns rows={view.spokenTurns} live />
      <section aria-labelledby="presence-title">
        <h2 id="presence-title" className="nhsuk-heading-m">
          The clinician&apos;s camera presence
        </h2>
        <PresenceDebrief
          presence={view.presence}
          nodeTitles={Object.fromEntries((debrief?.decisions ?? []).map((d) => [d.nodeId, d.nodeTitle ?? d.nodeId]))}
        />
      </section>
    </>
  );
}
