// Assignments with who they are for, when they are due and how many have completed them; each can be archived.
import { Form } from "@remix-run/react";
import type { AssignmentRow } from "~/services/assignments.server";
import { formatDate } from "~/utils/format";
import { TableHead } from "./table-head";

export function AssignmentsTable({ assignments }: { assignments: AssignmentRow[] }) {
  if (assignments.length === 0) return <p>Nothing is assigned yet.</p>;
  return (
    <table className="nhsuk-table ws-table--compact" data-testid="assignments-table">
      <caption className="nhsuk-u-visually-hidden">Assignments and their completion</caption>
      <TableHead headings={["Scenario", "Assigned to", "Due", "Completed", ""]} />
      <tbody className="nhsuk-table__body">
        {assignments.map((a) => (
          <tr className="nhsuk-table__row" key={a.id}>
            <td className="nhsuk-table__cell">
              {a.title} <span className="ws-muted">v{a.version}</span>{" "}
              {a.assessment ? <span className="ws-tag ws-tag--blue">Assessment</span> : null}
              {a.archivedAt ? <span className="ws-tag ws-tag--grey">Archived</span> : null}
            </td>
            <td className="nhsuk-table__cell">{a.who}</td>
            <td className="nhsuk-table__cell">{formatDate(a.dueAt)}</td>
            <td className="nhsuk-table__cell" data-testid="assignment-completion">
              {a.completed} of {a.assigned}
              {a.overdue ? <span className="ws-muted"> ({a.overdue} overdue)</span> : null}
            </td>
            <td className="nhsuk-table__cell">
              {a.archivedAt ? null : (
                <Form method="post">
                  <input type="hidden" name="intent" value="archive" />
                  <input type="hidden" name="assignmentId" value={a.id} />
                  <button type="submit" className="ws-link-button ws-link-button--dark">
                    Archive<span className="nhsuk-u-visually-hidden"> {a.title}</span>
                  </button>
                </Form>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
