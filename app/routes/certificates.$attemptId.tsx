// A printable CPD certificate for one passed attempt: who, what (scenario and version), when, score, competencies,
// CPD minutes and their reflection, with a code anyone can check at /verify/<code>.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { COMPETENCY_INFO, isCompetency } from "~/core/competencies";
import { PrintButton } from "~/components/print-button";
import { requireOwnAttempt, scenarioForAttempt } from "~/services/attempts.server";
import { requireViewer } from "~/utils/auth.server";
import { certificateFor } from "~/services/certificates.server";
import { cpdForAttempt } from "~/services/learning-record.server";
import { CPD_RULE, describeDuration } from "~/core/tracking/cpd";
import { formatDate } from "~/utils/format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Certificate: ${data?.scenario.title ?? ""} | Webside` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const attempt = await requireOwnAttempt(request, context, viewer, params.attemptId);
  if (attempt.status !== "completed" || !attempt.result?.passed) {
    throw new Response("A certificate is issued for a passed attempt only.", { status: 404 });
  }
  const scenario = await scenarioForAttempt(context, attempt);
  const certificate = await certificateFor(context, attempt);
  const cpd = await cpdForAttempt(context, viewer, attempt, scenario.minutes);
  return {
    cpd,
    person: viewer.user.name,
    org: viewer.org.name,
    scenario: { title: scenario.title, version: scenario.version, minutes: scenario.minutes },
    attempt: {
      id: attempt.id,
      completedAt: attempt.completedAt!,
      overall: attempt.result.overall,
      mode: attempt.mode,
      reflection: attempt.reflection,
    },
    competencies: Object.entries(attempt.result.scores).map(([c, score]) => ({
      id: c,
      label: isCompetency(c) ? COMPETENCY_INFO[c].label : c,
      score,
    })),
    code: certificate.code,
    issuedAt: certificate.issuedAt,
    verifyUrl: `${new URL(request.url).origin}/verify/${certificate.code}`,
  };
}

export default function CertificatePage() {
  const c = useLoaderData<typeof loader>();
  return (
    <>
      <p className="ws-muted ws-no-print">
        <a href={`/attempts/${c.attempt.id}/debrief`}>Back to the debrief</a> ·{" "}
        <a href="/learning-record">My learning record</a>
      </p>
      <article className="ws-certificate" aria-labelledby="certificate-title">
        <p className="ws-certificate__brand">Webside · {c.org}</p>
        <h1 id="certificate-title" className="ws-certificate__title">
          Certificate of continuing professional development
        </h1>
        <p className="ws-certificate__lead">This certifies that</p>
        <p className="ws-certificate__name" data-testid="certificate-name">
          {c.person}
        </p>
        <p className="ws-certificate__lead">passed the video-consultation scenario</p>
        <p className="ws-certificate__scenario">{c.scenario.title}</p>
        <dl className="ws-certificate__facts">
          <div>
            <dt>Version</dt>
            <dd>{c.scenario.version}</dd>
          </div>
          <div>
            <dt>Completed</dt>
            <dd>{formatDate(c.attempt.completedAt)}</dd>
          </div>
          <div>
            <dt>Score</dt>
            <dd data-testid="certificate-score">{c.attempt.overall}%</dd>
          </div>
          <div>
            <dt>CPD time credited</dt>
            <dd data-testid="certificate-cpd">
              {c.cpd.creditedMinutes > 0 ? `${c.cpd.creditedMinutes} minutes` : "None: an earlier pass was credited"}
            </dd>
          </div>
          <div>
            <dt>Stated length</dt>
            <dd>{c.cpd.nominalMinutes} minutes</dd>
          </div>
          <div>
            <dt>Time taken</dt>
            <dd data-testid="certificate-time-taken">{describeDuration(c.cpd.secondsTaken)}</dd>
          </div>
          <div>
            <dt>Mode</dt>
            <dd>{c.attempt.mode === "assessment" ? "Assessment" : "Learning"}</dd>
          </div>
        </dl>
        <p className="ws-muted">{CPD_RULE}</p>
        <h2 className="nhsuk-heading-s">Competencies</h2>
        <table className="nhsuk-table ws-certificate__table">
          <caption className="nhsuk-u-visually-hidden">Scores by competency</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Competency
              </th>
              <th scope="col" className="nhsuk-table__header">
                Score
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {c.competencies.map((k) => (
              <tr className="nhsuk-table__row" key={k.id}>
                <td className="nhsuk-table__cell">{k.label}</td>
                <td className="nhsuk-table__cell">{k.score}%</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2 className="nhsuk-heading-s">Reflection</h2>
        {c.attempt.reflection ? (
          <blockquote className="ws-certificate__reflection">{c.attempt.reflection}</blockquote>
        ) : (
          <p className="ws-muted">
            No reflection was written.{" "}
            <a className="ws-no-print" href={`/attempts/${c.attempt.id}/debrief#reflect-heading`}>
              Add one in the debrief
            </a>
          </p>
        )}
        <footer className="ws-certificate__footer">
          <p>
            Certificate code <strong data-testid="certificate-code">{c.code}</strong>, issued {formatDate(c.issuedAt)}.
            <br />
            Check it at <span className="ws-break">{c.verifyUrl}</span>
          </p>
        </footer>
      </article>
      <PrintButton label="Print or save as PDF" />
    </>
  );
}
