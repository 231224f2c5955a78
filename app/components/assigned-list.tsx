// "Assigned to you": training a clinician's organisation has given them, soonest due first, overdue highlighted.
import type { AssignedItem } from "~/services/assigned.server";
import { formatDate } from "~/utils/format";

function dueText(item: AssignedItem): string {
  if (item.status === "completed") return "completed";
  if (item.daysLeft < 0)
    return `overdue by ${-item.daysLeft} day${item.daysLeft === -1 ? "" : "s"} (was due ${formatDate(item.dueAt)})`;
  if (item.daysLeft === 0) return "due today";
  return `due ${formatDate(item.dueAt)}`;
}

/** Which mode completes an assignment, said wherever the assignment is shown (a learning-mode pass does not count
 * towards an assessment). */
export function completesText(assessment: boolean): string {
  return assessment
    ? "Only a pass in assessment mode completes it: feedback on your choices comes in the debrief, not as you go."
    : "A pass in either mode, learning or assessment, completes it.";
}

export function AssignedList({ items }: { items: AssignedItem[] }) {
  if (items.length === 0) return null;
  return (
    <section className="ws-card ws-assigned" aria-labelledby="assigned-heading">
      <h2 id="assigned-heading" className="nhsuk-heading-m">
        Assigned to you
      </h2>
      <ul className="nhsuk-list ws-assigned__list">
        {items.map((item) => {
          const overdue = item.status === "overdue";
          return (
            <li
              key={item.assignmentId}
              className={`ws-assigned__item${overdue ? " ws-assigned__item--overdue" : ""}${item.status === "completed" ? " ws-assigned__item--done" : ""}`}
            >
              <a href={`/scenarios/${item.scenarioId}`}>{item.title}</a>{" "}
              {overdue ? (
                <span className="ws-tag ws-tag--red">Overdue</span>
              ) : item.status === "completed" ? (
                <span className="ws-tag ws-tag--green">Done</span>
              ) : null}{" "}
              {item.assessment ? <span className="ws-tag ws-tag--blue">Assessment</span> : null}
              <br />
              <span className={overdue ? "ws-assigned__due--overdue" : "ws-muted"}>
                Assigned to you, {dueText(item)}
              </span>
              {item.status === "completed" ? null : (
                <>
                  <br />
                  <span className="ws-assigned__mode">{completesText(item.assessment)}</span>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
