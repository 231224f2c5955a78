// A scenario's overview: objectives, who is on the call, what is assessed, the privacy promise, and starting an attempt.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PrivacyStatement } from "~/components/camera/privacy-statement";
import { AssessedList, CastList } from "~/components/scenario/overview-sections";
import { StartCard } from "~/components/scenario/start-card";
import { LiveCard } from "~/components/live/live-card";
import { completesText } from "~/components/assigned-list";
import { formatDate } from "~/utils/format";
import { startForm, startScenario } from "~/services/attempts.server";
import { scenarioOverview } from "~/services/scenario-overview.server";
import { requireViewer } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.scenario.title ?? "Scenario"} | Webside` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const overview = await scenarioOverview(context, viewer, params.scenarioId ?? "");
  if (!overview) throw new Response("Not found", { status: 404 });
  return overview;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const form = parseForm(startForm, await request.formData());
  const started = await startScenario(context, viewer, params.scenarioId ?? "", form);
  if (!started) throw new Response("Not found", { status: 404 });
  // Post/redirect/get: the practice room has its own address.
  return started.ok ? redirect(`/attempts/${started.attempt.id}`) : started.response;
}

export default function ScenarioOverview() {
  const { scenario, cast, inProgressId, assignment, sayItFirst } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
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
            {completesText(assignment.assessment)}
          </p>
        </div>
      ) : null}
      <div className="nhsuk-grid-row">
        {/* First in the page so Start is near the top on a phone; floated right beside the details on a desktop. */}
        <div className="nhsuk-grid-column-one-third ws-overview__start">
          <StartCard
            inProgressId={inProgressId}
            assessmentOnly={Boolean(assignment?.assessment)}
            errors={result?.fieldErrors ?? {}}
            sayItFirst={sayItFirst}
          />
          <p className="ws-card">
            <a href={`/check?scenario=${scenario.id}`}>Check your camera and microphone before you start</a>
          </p>
          <LiveCard scenarioId={scenario.id} />
          <PrivacyStatement />
        </div>
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
          <CastList cast={cast} />
          <AssessedList competencies={scenario.competencies} passMark={scenario.passMark} />
        </div>
      </div>
    </>
  );
}
