// Assignments: give scenarios to teams and people with a due date (optionally as an assessment), see how many have
// completed each, and archive what is no longer required.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AdminNav } from "~/components/admin/admin-nav";
import { AssignForm } from "~/components/admin/assign-form";
import { completionCounts, createAssignmentsFromForm } from "~/utils/assignments.server";
import { audit } from "~/utils/audit.server";
import { requireRole } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { listScenarios } from "~/utils/scenario-catalogue.server";
import { TableHead } from "~/components/admin/table-head";

export const meta: MetaFunction = () => [{ title: "Assignments | Webside" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  const showArchived = new URL(request.url).searchParams.get("archived") === "1";
  const [assignments, teams, catalogue] = await Promise.all([
    context.store.listAssignments(viewer.org.id, { includeArchived: showArchived }),
    context.store.listTeams(viewer.org.id),
    listScenarios(context, viewer.org.id),
  ]);
  const counts = await completionCounts(
    context,
    viewer.org.id,
    assignments.map((a) => a.id),
  );
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const title = new Map(catalogue.map((e) => [e.scenario.id, e.scenario.title]));
  return {
    showArchived,
    today: context.now().toISOString().slice(0, 10),
    scenarios: catalogue.map((e) => ({
      id: e.scenario.id,
      title: e.scenario.title,
      version: e.scenario.version,
      minutes: e.scenario.minutes,
    })),
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
    assignments: [...assignments].reverse().map((a) => ({
      id: a.id,
      title: title.get(a.scenarioId) ?? a.scenarioId,
      version: a.scenarioVersion,
      who: [
        ...a.teamIds.map((t) => teamName.get(t) ?? "a removed team"),
        ...(a.userIds.length ? [`${a.userIds.length} ${a.userIds.length === 1 ? "person" : "people"}`] : []),
      ].join(", "),
      dueAt: a.dueAt,
      assessment: a.assessment,
      archivedAt: a.archivedAt,
      ...counts.get(a.id)!,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "assign") {
    const outcome = await createAssignmentsFromForm(context, viewer, form);
    if (!outcome.ok) return data({ fieldErrors: outcome.fieldErrors, message: null }, { status: 400 });
    return data({ fieldErrors: {}, message: `Assigned ${outcome.count} scenario${outcome.count === 1 ? "" : "s"}.` });
  }
  if (intent === "archive") {
    const id = String(form.get("assignmentId") ?? "");
    if (!(await context.store.getAssignment(viewer.org.id, id))) throw new Response("Not found", { status: 404 });
    await context.store.archiveAssignment(viewer.org.id, id, context.now().toISOString());
    await audit(context, {
      type: "assignment.archive",
      orgId: viewer.org.id,
      actorId: viewer.user.id,
      detail: { assignmentId: id },
    });
    return data({ fieldErrors: {}, message: "Archived. It no longer counts on the dashboard; the attempts are kept." });
  }
  return data({ fieldErrors: { form: ["Unknown action."] }, message: null }, { status: 400 });
}

export default function AssignmentsPage() {
  const { assignments, scenarios, teams, today, showArchived } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <AdminNav current="/admin/assignments" />
      <h1>Assignments</h1>
      {result?.message ? (
        <div className="ws-notice" role="status">
          <p>{result.message}</p>
        </div>
      ) : null}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <section className="ws-card" aria-labelledby="list-heading">
            <h2 id="list-heading" className="nhsuk-heading-m">
              {showArchived ? "All assignments" : "Current assignments"}
            </h2>
            <p>
              <a href={showArchived ? "/admin/assignments" : "/admin/assignments?archived=1"}>
                {showArchived ? "Hide archived" : "Show archived too"}
              </a>
            </p>
            {assignments.length === 0 ? (
              <p>Nothing is assigned yet.</p>
            ) : (
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
            )}
          </section>
        </div>
        <div className="nhsuk-grid-column-one-third">
          <AssignForm scenarios={scenarios} teams={teams} today={today} errors={result?.fieldErrors ?? {}} />
        </div>
      </div>
    </>
  );
}
