// The role sections of the home page: a clinician's practice, an educator's authoring, an admin's staff and completion.
import type { AdminHomeData, ClinicianHomeData, EducatorHomeData } from "~/services/home.server";

import { formatDateTime } from "~/utils/format";
import { AssignedList } from "./assigned-list";

export function ClinicianHome({ data }: { data: ClinicianHomeData }) {
  return (
    <section aria-labelledby="practice-heading">
      <AssignedList items={data.assigned} />
      <h2 id="practice-heading">Your practice</h2>
      <div className="ws-card-grid">
        <div className="ws-card">
          <p className="ws-stat">{data.completed}</p>
          <p className="ws-muted">{data.completed === 1 ? "scenario" : "different scenarios"} completed</p>
        </div>
        <div className="ws-card">
          <p className="ws-stat">{data.passed}</p>
          <p className="ws-muted">{data.passed === 1 ? "scenario" : "different scenarios"} passed</p>
        </div>
        <div className="ws-card">
          <h3 className="nhsuk-heading-s">Start practising</h3>
          <p>Check your camera and lighting, then pick a consultation to rehearse.</p>
          <p className="ws-actions">
            <a className="nhsuk-button nhsuk-button--secondary" href="/scenarios">
              Browse scenarios
            </a>
          </p>
        </div>
      </div>
      {data.inProgress.length > 0 ? (
        <div className="ws-card">
          <h3 className="nhsuk-heading-s">Carry on where you left off</h3>
          <ul className="nhsuk-list">
            {data.inProgress.map((a) => (
              <li key={a.id}>
                <a href={`/attempts/${a.id}`}>{a.title}</a>{" "}
                <span className="ws-muted">(last played {formatDateTime(a.updatedAt)})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {data.recent.length > 0 ? (
        <div className="ws-card">
          <h3 className="nhsuk-heading-s">Recent debriefs</h3>
          <ul className="nhsuk-list">
            {data.recent.map((a) => (
              <li key={a.id}>
                <a href={`/attempts/${a.id}/debrief`}>{a.title}</a>{" "}
                <span className={`ws-tag ${a.passed ? "ws-tag--green" : "ws-tag--red"}`}>
                  {a.passed ? "Passed" : "Not yet passed"}
                </span>{" "}
                <span className="ws-muted">
                  {a.overall}% on {formatDateTime(a.completedAt)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

export function EducatorHome({ data }: { data: EducatorHomeData }) {
  return (
    <section aria-labelledby="authoring-heading">
      <h2 id="authoring-heading">Authoring</h2>
      <div className="ws-card">
        <p>
          {data.scenarioCount} scenario{data.scenarioCount === 1 ? "" : "s"} available to your organisation. Write new
          ones, customise the bundled ones, preview them and see where learners struggle.
        </p>
        <p className="ws-actions">
          <a className="nhsuk-button" href="/studio">
            Open the authoring studio
          </a>
        </p>
      </div>
    </section>
  );
}

export function AdminHome({ data }: { data: AdminHomeData }) {
  const rate = data.completedAttempts ? Math.round((100 * data.passedAttempts) / data.completedAttempts) : 0;
  return (
    <section aria-labelledby="admin-heading">
      <h2 id="admin-heading">Staff and completion</h2>
      <div className="ws-card-grid">
        <div className="ws-card">
          <p className="ws-stat">{data.activeStaff}</p>
          <p className="ws-muted">active staff ({data.staff} in total)</p>
        </div>
        <div className="ws-card">
          <p className="ws-stat">{data.completedAttempts}</p>
          <p className="ws-muted">completed attempts, {rate}% passed</p>
        </div>
      </div>
      <div className="ws-card">
        <h3 className="nhsuk-heading-s">Teams</h3>
        <table className="nhsuk-table">
          <caption className="nhsuk-u-visually-hidden">Teams and their members</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Team
              </th>
              <th scope="col" className="nhsuk-table__header">
                Members
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {data.teams.map((t) => (
              <tr className="nhsuk-table__row" key={t.id}>
                <td className="nhsuk-table__cell">{t.name}</td>
                <td className="nhsuk-table__cell">{t.members}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
