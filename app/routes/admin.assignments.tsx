// Assignments: give scenarios to teams and people with a due date (optionally as an assessment), see how many have
// completed each, and archive what is no longer required.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AdminNav } from "~/components/admin/admin-nav";
import { AssignForm } from "~/components/admin/assign-form";
import { AssignmentsTable } from "~/components/admin/assignments-table";
import { archiveAssignment, assignForm, assignmentsPage, createAssignments } from "~/services/assignments.server";
import { requireRole } from "~/utils/auth.server";
import { intent, intents } from "~/utils/form-schemas";
import { formFailure, parseForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Assignments | Webside" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  const showArchived = new URL(request.url).searchParams.get("archived") === "1";
  return assignmentsPage(context, viewer.org.id, showArchived);
}

const assignmentsForm = intents([
  assignForm.extend({ intent: intent("assign") }),
  z.object({ intent: intent("archive"), assignmentId: z.string().max(100) }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  const form = parseForm(assignmentsForm, await request.formData());
  if (!form.ok) return form.response;
  if (form.data.intent === "archive") {
    await archiveAssignment(context, viewer, form.data.assignmentId);
    return { ok: true as const, message: "Archived. It no longer counts towards completion; the attempts are kept." };
  }
  const outcome = await createAssignments(context, viewer, form.data);
  if (!outcome.ok) return formFailure(400, { fieldErrors: outcome.fieldErrors });
  return { ok: true as const, message: `Assigned ${outcome.count} scenario${outcome.count === 1 ? "" : "s"}.` };
}

export default function AssignmentsPage() {
  const { assignments, scenarios, teams, today, showArchived } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <AdminNav current="/admin/assignments" />
      <h1>Assignments</h1>
      {result?.ok ? (
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
            <AssignmentsTable assignments={assignments} />
          </section>
        </div>
        <div className="nhsuk-grid-column-one-third">
          <AssignForm
            scenarios={scenarios}
            teams={teams}
            today={today}
            errors={result && !result.ok ? result.fieldErrors : {}}
          />
        </div>
      </div>
    </>
  );
}
