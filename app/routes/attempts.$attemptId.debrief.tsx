// The debrief: how the consultation ended, scores against the pass mark, the path with feedback, tips and a reflection.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ConfidenceField } from "~/components/confidence-field";
import { ScoreChart } from "~/components/debrief/score-chart";
import { DecisionPath } from "~/components/debrief/decision-path";
import { PresenceDebrief } from "~/components/debrief/presence-debrief";
import { formatDate } from "~/utils/format";
import { requireOwnAttempt, scenarioForAttempt, startAttempt } from "~/utils/attempts.server";
import { requireViewer } from "~/utils/auth.server";
import { buildDebrief } from "~/utils/debrief.server";
import { ConflictError } from "~/storage/errors";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Debrief: ${data?.scenario.title ?? ""} | Webside` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const attempt = await requireOwnAttempt(request, context, viewer, params.attemptId);
  if (attempt.status !== "completed") throw redirect(`/attempts/${attempt.id}`);
  const scenario = await scenarioForAttempt(context, attempt);
  return {
    scenario: { id: scenario.id, title: scenario.title, version: scenario.version, minutes: scenario.minutes },
    attempt: {
      id: attempt.id,
      mode: attempt.mode,
      completedAt: attempt.completedAt ?? attempt.updatedAt,
      reflection: attempt.reflection,
      confidenceBefore: attempt.confidenceBefore,
      confidenceAfter: attempt.confidenceAfter,
    },
    debrief: buildDebrief(scenario, attempt),
    presence: attempt.presence,
  };
}

const reflectSchema = z.object({
  reflection: z.string().trim().max(4000, "Keep your reflection under 4,000 characters"),
  confidenceAfter: z.union([z.literal(""), z.coerce.number().int().min(1).max(5)]).optional(),
});

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const attempt = await requireOwnAttempt(request, context, viewer, params.attemptId);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "retry" || intent === "explore") {
    const scenario = await scenarioForAttempt(context, attempt);
    const next = await startAttempt(context, viewer, scenario, {
      mode: attempt.mode,
      confidenceBefore: attempt.confidenceAfter ?? attempt.confidenceBefore,
    });
    return redirect(`/attempts/${next.id}${intent === "explore" ? "?explore=1" : ""}`);
  }
  if (intent !== "reflect" || attempt.status !== "completed")
    return data({ ok: false, error: "Unknown action." }, { status: 400 });
  const parsed = reflectSchema.safeParse({
    reflection: form.get("reflection") ?? "",
    confidenceAfter: form.get("confidenceAfter") ?? "",
  });
  if (!parsed.success)
    return data({ ok: false, error: parsed.error.issues[0]?.message ?? "Check your reflection." }, { status: 400 });
  const confidence = parsed.data.confidenceAfter;
  try {
    await context.store.updateAttempt(attempt.id, attempt.step, {
      reflection: parsed.data.reflection || null,
      confidenceAfter: typeof confidence === "number" ? confidence : attempt.confidenceAfter,
    });
  } catch (error) {
    if (error instanceof ConflictError)
      return data(
        { ok: false, error: "This debrief changed in another window. Reload and try again." },
        { status: 409 },
      );
    throw error;
  }
  return data({ ok: true, error: null });
}

export default function DebriefPage() {
  const { scenario, attempt, debrief, presence } = useLoaderData<typeof loader>();
  const saved = useActionData<typeof action>();
  return (
    <>
      <p className="ws-muted">
        <a href="/history">My learning</a> · Debrief of {formatDate(attempt.completedAt)}
      </p>
      <h1>Debrief: {scenario.title}</h1>
      <div className={`ws-notice ${debrief.passed ? "" : "ws-notice--warning"}`} role="status">
        <p className="nhsuk-heading-m">
          {debrief.passed ? "Passed" : "Not passed yet"}: {debrief.overall}% overall (pass mark {debrief.passMark}%)
        </p>
        {debrief.ending ? (
          <p>
            <strong>{debrief.ending.title}.</strong> {debrief.ending.summary}
            {debrief.ending.outcome === "poor" ? " An unsafe or harmful ending does not pass, whatever the score." : ""}
          </p>
        ) : null}
        {debrief.passed ? (
          <p>
            <a href={`/certificates/${attempt.id}`}>Get your CPD certificate</a>
          </p>
        ) : null}
      </div>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <section className="ws-card" aria-labelledby="scores-heading">
            <h2 id="scores-heading" className="nhsuk-heading-m">
              Your scores
            </h2>
            <ScoreChart rows={debrief.rows} passMark={debrief.passMark} />
          </section>
          <section aria-labelledby="path-heading">
            <h2 id="path-heading" className="nhsuk-heading-m">
              The path you took
            </h2>
            <DecisionPath decisions={debrief.decisions} />
          </section>
          <PresenceDebrief
            presence={presence}
            nodeTitles={Object.fromEntries(debrief.decisions.map((d) => [d.nodeId, d.nodeTitle ?? d.nodeId]))}
          />
        </div>
        <div className="nhsuk-grid-column-one-third">
          <section className="ws-card" aria-labelledby="best-heading">
            <h2 id="best-heading" className="nhsuk-heading-s">
              What went best
            </h2>
            <ul>
              {debrief.strongest.map((s) => (
                <li key={s.competency}>
                  <strong>{s.label}</strong> {s.score !== null ? `(${s.score}%)` : ""}
                </li>
              ))}
            </ul>
            <h2 className="nhsuk-heading-s">What to work on</h2>
            {debrief.weakest.length === 0 ? (
              <p>
                Every competency on this path is at or near full marks. Try the other path to test yourself on different
                turns.
              </p>
            ) : null}
            {debrief.weakest.map((w) => (
              <div key={w.competency}>
                <p>
                  <strong>{w.label}</strong> {w.score !== null ? `(${w.score}%)` : ""}
                </p>
                <ul>
                  {w.tips.map((tip) => (
                    <li key={tip}>{tip}</li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
          <section className="ws-card" aria-labelledby="reflect-heading">
            <h2 id="reflect-heading" className="nhsuk-heading-s">
              Reflect
            </h2>
            {saved?.ok ? (
              <p className="ws-tag ws-tag--green" role="status">
                Saved
              </p>
            ) : saved?.error ? (
              <p className="nhsuk-error-message" role="alert">
                {saved.error}
              </p>
            ) : null}
            <Form method="post">
              <input type="hidden" name="intent" value="reflect" />
              <div className="nhsuk-form-group">
                <label className="nhsuk-label" htmlFor="reflection">
                  What will you do differently in your next video consultation?
                </label>
                <textarea
                  className="nhsuk-textarea"
                  id="reflection"
                  name="reflection"
                  rows={6}
                  maxLength={4000}
                  defaultValue={attempt.reflection ?? ""}
                />
              </div>
              <ConfidenceField
                name="confidenceAfter"
                legend="How confident do you feel now?"
                defaultValue={attempt.confidenceAfter}
              />
              {attempt.confidenceBefore ? (
                <p className="ws-muted">Before you started you said {attempt.confidenceBefore} out of 5.</p>
              ) : null}
              <button type="submit" className="nhsuk-button nhsuk-button--secondary">
                Save reflection
              </button>
            </Form>
          </section>
          <section className="ws-card" aria-labelledby="again-heading">
            <h2 id="again-heading" className="nhsuk-heading-s">
              Practise again
            </h2>
            <Form method="post" className="ws-actions">
              <button type="submit" name="intent" value="retry" className="nhsuk-button">
                Try again
              </button>
              <button type="submit" name="intent" value="explore" className="nhsuk-button nhsuk-button--secondary">
                Try the other path
              </button>
            </Form>
            <p className="ws-muted">
              "Try the other path" marks the choices you made this time, so you can see where the others lead.
            </p>
          </section>
        </div>
      </div>
    </>
  );
}
