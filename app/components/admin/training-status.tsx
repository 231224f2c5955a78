// Parts of "who is missing training": the filter form, the counts per team and the list of people with their status.
import { Form } from "@remix-run/react";
import { TRAINING_STATUSES, type TrainingFilter, type TrainingStatus } from "~/core/tracking/training-status";
import type { TrainingStatusView } from "~/services/training-status.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { ResponsiveCell } from "../responsive-cell";
import { TableHead } from "./table-head";

const STATUS_LABEL: Record<TrainingStatus, string> = {
  overdue: "Overdue",
  "not started": "Not started",
  "in progress": "In progress",
  passed: "Passed",
};
const STATUS_TAG: Record<TrainingStatus, string> = {
  overdue: "nhsuk-tag--red",
  "not started": "nhsuk-tag--grey",
  "in progress": "nhsuk-tag--blue",
  passed: "nhsuk-tag--green",
};

export function StatusTag({ status, late }: { status: TrainingStatus; late?: boolean }) {
  return (
    <strong className={`nhsuk-tag ${STATUS_TAG[status]}`}>
      {STATUS_LABEL[status]}
      {late ? " (late)" : ""}
    </strong>
  );
}

export function TrainingFilters({
  filter,
  options,
}: {
  filter: TrainingFilter;
  options: TrainingStatusView["options"];
}) {
  return (
    <Form method="get" className="ws-card ws-filters" aria-label="Filter the list">
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="assignment">
          Assignment
        </label>
        <select className="nhsuk-select" id="assignment" name="assignment" defaultValue={filter.assignmentId ?? ""}>
          <option value="">All assignments</option>
          {options.assignments.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="team">
          Team
        </label>
        <select className="nhsuk-select" id="team" name="team" defaultValue={filter.teamId ?? ""}>
          <option value="">All teams</option>
          {options.teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="status">
          Status
        </label>
        <select className="nhsuk-select" id="status" name="status" defaultValue={filter.status ?? ""}>
          <option value="">Any status</option>
          {TRAINING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="ws-actions">
        <button type="submit" className="nhsuk-button nhsuk-button--secondary">
          Apply filters
        </button>
        <a href="/admin/training">Clear</a>
      </div>
    </Form>
  );
}

export function TeamTrainingTable({ byTeam }: { byTeam: TrainingStatusView["report"]["byTeam"] }) {
  if (byTeam.length === 0) return <p>No training is assigned to anyone in view.</p>;
  const headings = ["Team", ...TRAINING_STATUSES.map((s) => STATUS_LABEL[s])];
  return (
    <table className="nhsuk-table nhsuk-table--responsive ws-table--compact" data-testid="training-by-team">
      <caption className="nhsuk-u-visually-hidden">People per status in each team</caption>
      <TableHead headings={headings} />
      <tbody className="nhsuk-table__body">
        {byTeam.map((team) => (
          <tr className="nhsuk-table__row" key={team.id || "none"}>
            <ResponsiveCell heading="Team">{team.name}</ResponsiveCell>
            {TRAINING_STATUSES.map((s) => (
              <ResponsiveCell heading={STATUS_LABEL[s]} key={s}>
                {team.counts[s]}
              </ResponsiveCell>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const SHOWN = 500;

export function TrainingPeopleTable({ rows }: { rows: TrainingStatusView["report"]["rows"] }) {
  if (rows.length === 0) return <p>Nobody matches these filters.</p>;
  const headings = ["Name", "Team", "Assignment", "Due", "Status", "Last activity"];
  return (
    <>
      <table className="nhsuk-table nhsuk-table--responsive ws-table--compact" data-testid="training-people">
        <caption className="nhsuk-u-visually-hidden">People and the status of their assigned training</caption>
        <TableHead headings={headings} />
        <tbody className="nhsuk-table__body">
          {rows.slice(0, SHOWN).map((r) => (
            <tr className="nhsuk-table__row" key={`${r.userId}-${r.assignmentId}`} data-email={r.email}>
              <ResponsiveCell heading="Name">
                <a href={`/admin/staff/${r.userId}`}>{r.name}</a>
                <br />
                <span className="ws-muted ws-break">{r.email}</span>
                {r.invited ? (
                  <>
                    <br />
                    <strong className="nhsuk-tag nhsuk-tag--white">Invited, not signed in yet</strong>
                  </>
                ) : null}
              </ResponsiveCell>
              <ResponsiveCell heading="Team">{r.teams}</ResponsiveCell>
              <ResponsiveCell heading="Assignment">{r.scenario}</ResponsiveCell>
              <ResponsiveCell heading="Due">{formatDate(r.dueAt)}</ResponsiveCell>
              <ResponsiveCell heading="Status">
                <StatusTag status={r.status} late={r.late} />
              </ResponsiveCell>
              <ResponsiveCell heading="Last activity">
                {r.lastActivity ? formatDateTime(r.lastActivity) : <span className="ws-muted">None yet</span>}
              </ResponsiveCell>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > SHOWN ? (
        <p className="ws-muted">
          Showing the first {SHOWN} of {rows.length}. The CSV lists everyone.
        </p>
      ) : null}
    </>
  );
}
