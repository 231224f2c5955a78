// The debrief: how the consultation ended, scores against the pass mark, the path with feedback, tips and a reflection.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { DebriefStrengths, DebriefVerdict } from "~/components/debrief/debrief-verdict";
import { DecisionPath } from "~/components/debrief/decision-path";
import { PresenceDebrief } from "~/components/debrief/presence-debrief";
import { PractiseAgain, ReflectForm } from "~/components/debrief/reflect-form";
import { ScoreChart } from "~/components/debrief/score-chart";
import { SpokenTurns } from "~/components/debrief/spoken-turns";
import { refusalText } from "~/components/error-summary";
import { practiseAgain, reflectionForm, requireOwnAttempt, saveReflection } from "~/services/attempts.server";
import { debriefView } from "~/services/debrief.server";
import { requireViewer } from "~/utils/auth.server";
import { intents } from "~/utils/form-schemas";
import { formatDate } from "~/utils/format";
import { parseForm } from "~/utils/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Debrief: ${data?.scenario.title ?? ""} | Webside` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const attempt = await requireOwnAttempt(request, context, viewer, params.attemptId);
  if (attempt.status !== "completed") throw redirect(`/attempts/${attempt.id}`);
  return debriefView(context, attempt);
}

const debriefForm = intents([
  reflectionForm,
  z.object({ intent: z.enum(["retry", "explore"], { error: "Unknown action." }) }),
]);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const attempt = await requireOwnAttempt(request, context, viewer, params.attemptId);
  const form = parseForm(debriefForm, await request.formData());
  if (!form.ok) return form.response;
  if (form.data.intent !== "reflect") {
    const next = await practiseAgain(context, viewer, attempt);
    return redirect(`/attempts/${next.id}${form.data.intent === "explore" ? "?explore=1" : ""}`);
  }
  const saved = await saveReflection(context, attempt, form.data);
  if (!saved.ok) return data({ ok: false as const, message: saved.message }, { status: saved.status });
  return { ok: true as const };
}

export default function DebriefPage() {
  const { scenario, attempt, debrief, presence, spokenTurns } = useLoaderData<typeof loader>();
  const saved = useActionData<typeof action>();
  return (
    <>
      <p className="ws-muted">
        <a href="/history">My learning</a> · Debrief of {formatDate(attempt.completedAt)}
      </p>
      <h1>Debrief: {scenario.title}</h1>
      <DebriefVerdict debrief={debrief} attemptId={attempt.id} />
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
          <SpokenTurns rows={spokenTurns} />
          <PresenceDebrief
            presence={presence}
            nodeTitles={Object.fromEntries(debrief.decisions.map((d) => [d.nodeId, d.nodeTitle ?? d.nodeId]))}
          />
        </div>
        <div className="nhsuk-grid-column-one-third">
          <DebriefStrengths debrief={debrief} />
          <ReflectForm
            attempt={attempt}
            saved={saved?.ok === true}
            problem={saved && !saved.ok ? refusalText(saved) : null}
            errors={saved && !saved.ok && "fieldErrors" in saved ? saved.fieldErrors : {}}
          />
          <PractiseAgain />
        </div>
      </div>
    </>
  );
}
