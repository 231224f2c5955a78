// Staff and teams: the organisation's people a page at a time, adding one person (their invitation emailed, or a
// link to copy),
// and creating or renaming teams.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AdminNav } from "~/components/admin/admin-nav";
import { ErrorSummary } from "~/components/error-summary";
import { InvitationResult, StaffFields, staffErrorLinks } from "~/components/admin/staff-fields";
import { StaffTable } from "~/components/admin/staff-table";
import { TeamForms } from "~/components/admin/team-forms";
import { staffDirectory } from "~/services/staff-directory.server";
import { inviteStaffMember, staffSchema } from "~/services/staff.server";
import { createTeam, renameTeam, teamName } from "~/services/teams.server";
import { requireRole } from "~/utils/auth.server";
import { intent, intents } from "~/utils/form-schemas";
import { formFailure, parseForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Staff and teams | Webside" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  return staffDirectory(context, viewer.org.id, new URL(request.url).searchParams.get("after"));
}

const staffPageForm = intents([
  staffSchema.extend({ intent: intent("add") }),
  z.object({ intent: intent("create-team"), name: teamName }),
  z.object({ intent: intent("rename-team"), teamId: z.string().max(100), name: teamName }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  const form = parseForm(staffPageForm, await request.formData(), ["intent"]);
  if (!form.ok) return form.response;
  const input = form.data;
  if (input.intent === "add") {
    const added = await inviteStaffMember(context, viewer, input, new URL(request.url).origin);
    if (!added.ok) return formFailure(400, { fieldErrors: added.fieldErrors, values: { intent: input.intent } });
    return { ok: true as const, added: { link: added.link, email: added.email, name: input.name, to: input.email } };
  }
  if (input.intent === "create-team") await createTeam(context, viewer, input.name);
  else await renameTeam(context, viewer, input.teamId, input.name);
  return { ok: true as const, added: null };
}

export default function StaffPage() {
  const { teams, members, next, firstPage, pageSize } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const refused = result && !result.ok ? result : null;
  const added = result?.ok ? result.added : null;
  const addErrors = refused?.values.intent === "add" ? refused.fieldErrors : {};
  const teamErrors = refused?.values.intent?.endsWith("-team") ? refused.fieldErrors : {};
  return (
    <>
      <AdminNav current="/admin/staff" />
      <h1>Staff and teams</h1>
      <ErrorSummary errors={staffErrorLinks("add", addErrors)} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <section className="ws-card" aria-labelledby="people-heading">
            <h2 id="people-heading" className="nhsuk-heading-m">
              People
            </h2>
            <p>
              <a href="/admin/staff/import">Import staff from a spreadsheet (CSV)</a>
            </p>
            <StaffTable members={members} next={next} firstPage={firstPage} pageSize={pageSize} />
          </section>
        </div>
        <div className="nhsuk-grid-column-one-third">
          <section className="ws-card" aria-labelledby="add-heading">
            <h2 id="add-heading" className="nhsuk-heading-s">
              Add a person
            </h2>
            {added ? (
              <InvitationResult link={added.link} name={added.name} recipient={added.to} email={added.email} />
            ) : null}
            {/* A new key after each person added empties the form for the next one. */}
            <Form method="post" noValidate key={added?.link ?? "add"}>
              <input type="hidden" name="intent" value="add" />
              <StaffFields prefix="add" teams={teams} errors={addErrors} />
              <button type="submit" className="nhsuk-button">
                Add and invite
              </button>
            </Form>
          </section>
          <TeamForms teams={teams} error={teamErrors.name?.[0] ?? teamErrors.teamId?.[0]} />
        </div>
      </div>
    </>
  );
}
