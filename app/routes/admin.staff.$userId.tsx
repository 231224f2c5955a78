// One member of staff: change their details, roles (audit-logged) and teams, deactivate or reactivate them, or
// make a new set-password link. Only people in the admin's own organisation can be reached here.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AdminNav } from "~/components/admin/admin-nav";
import { InvitationLink, StaffFields } from "~/components/admin/staff-fields";
import { deny, requireRole, type Viewer } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { createInvitationLink } from "~/utils/invitations.server";
import { readStaffForm, setStaffActive, updateStaffMember } from "~/utils/staff.server";
import type { AppLoadContext } from "@remix-run/node";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.person.name ?? "Staff"} | Webside` }];

async function requireMember(request: Request, context: AppLoadContext, viewer: Viewer, userId: string | undefined) {
  const membership = userId ? await context.store.getMembership(userId, viewer.org.id) : null;
  const user = membership ? await context.store.getUser(membership.userId) : null;
  if (!membership || !user) return deny(context, viewer, request, 404, "staff member of another organisation");
  return { user, membership };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  const { user, membership } = await requireMember(request, context, viewer, params.userId);
  const [teams, attempts] = await Promise.all([
    context.store.listTeams(viewer.org.id),
    context.store.listAttemptsForUser(user.id, viewer.org.id),
  ]);
  const completed = attempts.filter((a) => a.status === "completed");
  return {
    person: {
      id: user.id,
      name: user.name,
      email: user.email,
      active: user.active,
      invited: user.passwordHash === null,
      roles: membership.roles,
      teamIds: membership.teamIds,
      joined: membership.createdAt,
    },
    self: user.id === viewer.user.id,
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
    history: { completed: completed.length, passed: completed.filter((a) => a.result?.passed).length },
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  const { user } = await requireMember(request, context, viewer, params.userId);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "save") {
    const parsed = readStaffForm(form);
    if (!parsed.success)
      return data(
        {
          fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
          message: null,
          link: null,
        },
        { status: 400 },
      );
    const outcome = await updateStaffMember(context, viewer, user.id, parsed.data);
    if (!outcome.ok) return data({ fieldErrors: outcome.fieldErrors, message: null, link: null }, { status: 400 });
    return data({ fieldErrors: {}, message: "Saved.", link: null });
  }
  if (intent === "deactivate" || intent === "reactivate") {
    const refusal = await setStaffActive(context, viewer, user.id, intent === "reactivate");
    if (refusal) return data({ fieldErrors: {}, message: refusal, link: null }, { status: 400 });
    throw redirect(`/admin/staff/${user.id}`);
  }
  if (intent === "invite") {
    const link = await createInvitationLink(context, viewer, user.id, new URL(request.url).origin);
    return data({ fieldErrors: {}, message: null, link });
  }
  return data({ fieldErrors: {}, message: "Unknown action.", link: null }, { status: 400 });
}

export default function StaffMemberPage() {
  const { person, self, teams, history } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <AdminNav current="/admin/staff" />
      <p className="ws-muted">
        <a href="/admin/staff">All staff</a>
      </p>
      <h1>{person.name}</h1>
      <p>
        {!person.active ? (
          <span className="ws-tag ws-tag--grey">Deactivated</span>
        ) : person.invited ? (
          <span className="ws-tag ws-tag--yellow">Invited, no password yet</span>
        ) : (
          <span className="ws-tag ws-tag--green">Active</span>
        )}{" "}
        <span className="ws-muted">
          Member since {formatDate(person.joined)} · {history.completed} completed attempts, {history.passed} passed
        </span>
      </p>
      {result?.message ? (
        <div
          className={`ws-notice${result.fieldErrors && Object.keys(result.fieldErrors).length === 0 && result.message === "Saved." ? "" : " ws-notice--warning"}`}
          role="status"
        >
          <p>{result.message}</p>
        </div>
      ) : null}
      {result?.link ? <InvitationLink link={result.link} name={person.name} /> : null}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <section className="ws-card" aria-labelledby="details-heading">
            <h2 id="details-heading" className="nhsuk-heading-m">
              Details, roles and teams
            </h2>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="save" />
              <StaffFields prefix="edit" teams={teams} errors={result?.fieldErrors ?? {}} defaults={person} />
              <button type="submit" className="nhsuk-button">
                Save changes
              </button>
            </Form>
          </section>
        </div>
        <div className="nhsuk-grid-column-one-third">
          <section className="ws-card" aria-labelledby="access-heading">
            <h2 id="access-heading" className="nhsuk-heading-s">
              Access
            </h2>
            {person.invited && person.active ? (
              <Form method="post">
                <input type="hidden" name="intent" value="invite" />
                <p>They have not set a password yet.</p>
                <button type="submit" className="nhsuk-button nhsuk-button--secondary">
                  Create a new invitation link
                </button>
              </Form>
            ) : null}
            {self ? (
              <p className="ws-muted">This is you. Another admin can deactivate your account.</p>
            ) : person.active ? (
              <Form method="post">
                <input type="hidden" name="intent" value="deactivate" />
                <p>
                  Deactivating signs them out everywhere at once and stops them logging in. Their attempts and
                  certificates are kept.
                </p>
                <button type="submit" className="nhsuk-button nhsuk-button--warning">
                  Deactivate
                </button>
              </Form>
            ) : (
              <Form method="post">
                <input type="hidden" name="intent" value="reactivate" />
                <button type="submit" className="nhsuk-button nhsuk-button--secondary">
                  Reactivate
                </button>
              </Form>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
