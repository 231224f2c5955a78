// One member of staff: change their details, roles (audit-logged) and teams, deactivate or reactivate them, or
// make a new set-password link. Only people in the admin's own organisation can be reached here.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AdminNav } from "~/components/admin/admin-nav";
import { StaffAccess } from "~/components/admin/staff-access";
import { InvitationResult, StaffFields } from "~/components/admin/staff-fields";
import { StaffStatus } from "~/components/admin/staff-table";
import { issueInvitationLink } from "~/services/invitations.server";
import { staffMemberView } from "~/services/staff-directory.server";
import { requireStaffMember, setStaffActive, staffSchema, updateStaffMember } from "~/services/staff.server";
import { requireRole } from "~/utils/auth.server";
import { intent, intents } from "~/utils/form-schemas";
import { formFailure, parseForm } from "~/utils/forms.server";
import { formatDate } from "~/utils/format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.person.name ?? "Staff"} | Webside` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  return staffMemberView(context, viewer, await requireStaffMember(request, context, viewer, params.userId));
}

const staffMemberForm = intents([
  staffSchema.extend({ intent: intent("save") }),
  z.object({ intent: z.enum(["deactivate", "reactivate"], { error: "Unknown action." }) }),
  z.object({ intent: intent("invite") }),
]);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  const { user } = await requireStaffMember(request, context, viewer, params.userId);
  const form = parseForm(staffMemberForm, await request.formData());
  if (!form.ok) return form.response;
  const input = form.data;
  if (input.intent === "save") {
    const outcome = await updateStaffMember(context, viewer, user.id, input);
    if (!outcome.ok) return formFailure(400, { fieldErrors: outcome.fieldErrors });
    return { ok: true as const, message: "Saved.", link: null, email: null };
  }
  if (input.intent === "invite") {
    const issued = await issueInvitationLink(context, viewer, user, new URL(request.url).origin);
    if (!issued.ok) return formFailure(400, { formError: issued.message });
    return { ok: true as const, message: null, link: issued.link, email: issued.email };
  }
  const refusal = await setStaffActive(context, viewer, user.id, input.intent === "reactivate");
  if (refusal) return formFailure(400, { formError: refusal });
  throw redirect(`/admin/staff/${user.id}`);
}

export default function StaffMemberPage() {
  const { person, self, teams, history } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const notice = result?.ok ? result.message : result?.formError;
  return (
    <>
      <AdminNav current="/admin/staff" />
      <p className="ws-muted">
        <a href="/admin/staff">All staff</a>
      </p>
      <h1>{person.name}</h1>
      <p>
        <StaffStatus active={person.active} invited={person.invited} long />{" "}
        <span className="ws-muted">
          Member since {formatDate(person.joined)} · {history.completed} completed attempts, {history.passed} passed
        </span>
      </p>
      {notice ? (
        <div className={`ws-notice${result?.ok ? "" : " ws-notice--warning"}`} role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      {result?.ok && result.link && result.email ? (
        <InvitationResult link={result.link} name={person.name} recipient={person.email} email={result.email} />
      ) : null}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <section className="ws-card" aria-labelledby="details-heading">
            <h2 id="details-heading" className="nhsuk-heading-m">
              Details, roles and teams
            </h2>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="save" />
              <StaffFields
                prefix="edit"
                teams={teams}
                errors={result && !result.ok ? result.fieldErrors : {}}
                defaults={person}
              />
              <button type="submit" className="nhsuk-button">
                Save changes
              </button>
            </Form>
          </section>
        </div>
        <div className="nhsuk-grid-column-one-third">
          <StaffAccess person={person} self={self} />
        </div>
      </div>
    </>
  );
}
