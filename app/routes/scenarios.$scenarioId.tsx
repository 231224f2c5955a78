// A scenario's overview: objectives, who is on the call, what is assessed, the privacy promise, and starting an attempt.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { PrivacyStatement } from "~/components/camera/privacy-statement";
import { ConfidenceField } from "~/components/confidence-field";
import { ErrorSummary } from "~/components/error-summary";
import { formatDate } from "~/utils/format";
import { COMPETENCY_INFO } from "~/core/competencies";
import { castView } from "~/utils/practice-view.server";
import { assignedToViewer } from "~/utils/assigned.server";
import { startAttempt } from "~/utils/attempts.server";
import { requireViewer } from "~/utils/auth.server";
import { getScenario } from "~/utils/scenario-catalogue.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.scenario.title ?? "Scenario"} | Webside` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const scenario = await getScenario(context, viewer.org.id, params.scenarioId ?? "");
  if (!scenario) throw new Response("Not found", { status: 404 });
  const attempts = await context.store.listAttemptsForUser(viewer.user.id, viewer.org.id);
  const inProgress = attempts.find((a) => a.scenarioId === scenario.id && a.status === "in-progress");
  const assignment = (await assignedToViewer(context, viewer, () => scenario.title)).find(
    (a) => a.scenarioId === scenario.id && a.status !== "completed",
  );
  return {
    assignment: assignment
      ? { dueAt: assignment.dueAt, overdue: assignment.daysLeft < 0, assessment: assignment.assessment }
      : null,
    scenario: {
      id: scenario.id,
      title: scenario.title,
      summary: scenario.summary,
      setting: scenario.setting,
      specialty: scenario.specialty,
      minutes: scenario.minutes,
      version: scenario.version,
      objectives: scenario.objectives,
      competencies: scenario.competencies.map((c) => ({ id: c, ...COMPETENCY_INFO[c] })),
      passMark: scenario.passMark,
    },
    cast: castView(scenario),
    inProgressId: inProgress?.id ?? null,
  };
}

const startSchema = z.object({
  confidence: z.coerce
    .number({ error: "Choose how confident you feel" })
    .int()
    .min(1, "Choose how confident you feel")
    .max(5),
  mode: z.enum(["learning", "assessment"], { error: "Choose learning or assessment mode" }),
});

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const scenario = await getScenario(context, viewer.org.id, params.scenarioId ?? "");
  if (!scenario) throw new Response("Not found", { status: 404 });
  const parsed = startSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return data({ fieldErrors: z.flattenError(parsed.error).fieldErrors }, { status: 400 });
  }
  const attempt = await startAttempt(context, viewer, scenario, {
    mode: parsed.data.mode,
    confidenceBefore: parsed.data.confidence,
  });
  return redirect(`/attempts/${attempt.id}`);
}

export default function ScenarioOverview() {
  const { scenario, cast, inProgressId, assignment } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string[] | undefined> = result?.fieldErrors ?? {};
  const summary = Object.entries(errors).flatMap(([field, messages]) =>
    (messages ?? []).map((text) => ({ href: `#${field}-1`, text })),
  );
  return (
    <>
      <p className="ws-muted">
        <a href="/scenarios">All scenarios</a>
      </p>
      <h1>{scenario.title}</h1>
      <p className="nhsuk-body-l">{scenario.summary}</p>
      <p className="ws-muted">
        {scenario.setting === "group" ? "Group video session" : "One-to-one video consultation"} · {scenario.specialty}{" "}
        · about {scenario.minutes} minutes · version {scenario.version}
      </p>
      {assignment ? (
        <div className={`ws-notice${assignment.overdue ? " ws-notice--warning" : ""}`} role="status">
          <p>
            <strong>
              Assigned to you, {assignment.overdue ? "overdue since" : "due"} {formatDate(assignment.dueAt)}.
            </strong>{" "}
            {assignment.assessment
              ? "It is set as an assessment: you will see feedback on your choices in the debrief, not as you go."
              : "Passing it completes the assignment."}
          </p>
        </div>
      ) : null}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <section className="ws-card" aria-labelledby="objectives">
            <h2 id="objectives" className="nhsuk-heading-m">
              What you will practise
            </h2>
            <ul>
              {scenario.objectives.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>
          </section>
          <section className="ws-card" aria-labelledby="cast">
            <h2 id="cast" className="nhsuk-heading-m">
              Who is on the call
            </h2>
            <ul className="nhsuk-list">
              {cast.map((c) => (
                <li key={c.id} className="ws-line">
                  <span className="ws-avatar" style={{ backgroundColor: c.colour }} aria-hidden="true">
                    {c.initials}
                  </span>
                  <p>
                    <strong>{c.name}</strong> <span className="ws-muted">({c.role})</span>
                    <br />
                    {c.bio}
                  </p>
                </li>
              ))}
            </ul>
          </section>
          <section className="ws-card" aria-labelledby="assessed">
            <h2 id="assessed" className="nhsuk-heading-m">
              What is assessed
            </h2>
            <dl className="nhsuk-summary-list">
              {scenario.competencies.map((c) => (
                <div className="nhsuk-summary-list__row" key={c.id}>
                  <dt className="nhsuk-summary-list__key">{c.label}</dt>
                  <dd className="nhsuk-summary-list__value">{c.description}</dd>
                </div>
              ))}
            </dl>
            <p>
              You pass with an overall score of {scenario.passMark}% or more, as long as the consultation does not end
              unsafely.
            </p>
          </section>
        </div>
        <div className="nhsuk-grid-column-one-third">
          <PrivacyStatement />
          <p className="ws-card">
            <a href={`/check?scenario=${scenario.id}`}>Check your camera and microphone before you start</a>
          </p>
          <section className="ws-card" aria-labelledby="start">
            <h2 id="start" className="nhsuk-heading-s">
              Start
            </h2>
            {inProgressId ? (
              <p>
                You have an attempt in progress. <a href={`/attempts/${inProgressId}`}>Resume it</a>, or start again
                below.
              </p>
            ) : null}
            <ErrorSummary errors={summary} />
            <Form method="post" noValidate>
              <ConfidenceField
                name="confidence"
                legend="Before you start: how confident do you feel about this kind of video consultation?"
                error={errors.confidence?.[0]}
              />
              {assignment?.assessment ? (
                <input type="hidden" name="mode" value="assessment" />
              ) : (
                <div className={`nhsuk-form-group${errors.mode ? " nhsuk-form-group--error" : ""}`}>
                  <fieldset className="nhsuk-fieldset">
                    <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Mode</legend>
                    {errors.mode ? <span className="nhsuk-error-message">{errors.mode[0]}</span> : null}
                    <div className="nhsuk-radios">
                      <div className="nhsuk-radios__item">
                        <input
                          className="nhsuk-radios__input"
                          id="mode-1"
                          name="mode"
                          type="radio"
                          value="learning"
                          defaultChecked
                        />
                        <label className="nhsuk-label nhsuk-radios__label" htmlFor="mode-1">
                          Learning: feedback after each choice
                        </label>
                      </div>
                      <div className="nhsuk-radios__item">
                        <input
                          className="nhsuk-radios__input"
                          id="mode-2"
                          name="mode"
                          type="radio"
                          value="assessment"
                        />
                        <label className="nhsuk-label nhsuk-radios__label" htmlFor="mode-2">
                          Assessment: feedback only in the debrief
                        </label>
                      </div>
                    </div>
                  </fieldset>
                </div>
              )}
              <button type="submit" className="nhsuk-button">
                Start the consultation
              </button>
            </Form>
          </section>
        </div>
      </div>
    </>
  );
}
