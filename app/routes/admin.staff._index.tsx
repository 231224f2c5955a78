// Staff and teams: the organisation's people a page at a time, adding one person (with an invitation link),
// and creating or renaming teams.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AdminNav } from "~/components/admin/admin-nav";
import { InvitationLink, StaffFields } from "~/components/admin/staff-fields";
import { audit } from "~/utils/audit.server";
import { requireRole } from "~/utils/auth.server";
import { createInvitationLink } from "~/utils/invitations.server";
import { addStaffMember, readStaffForm, ROLE_LABELS } from "~/utils/staff.server";
import { TableHead } from "~/components/admin/table-head";

export const meta: MetaFunction = () => [{ title: "Staff and teams | Webside" }];

const PAGE = 100;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  const after = new URL(request.url).searchParams.get("after");
  const [page, teams] = await Promise.all([
    context.store.listMembersPage(viewer.org.id, { after: after || null, limit: PAGE + 1 }),
    context.store.listTeams(viewer.org.id),
  ]);
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const shown = page.slice(0, PAGE);
  return {
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
    members: shown.map(({ user, membership }) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      active: user.active,
      invited: user.passwordHash === null,
      roles: membership.roles.map((r) => ROLE_LABELS[r]).join(", "),
      teams: membership.teamIds
        .map((t) => teamName.get(t))
        .filter(Boolean)
        .join(", "),
    })),
    next: page.length > PAGE ? shown.at(-1)!.user.id : null,
    firstPage: !after,
  };
}

const teamName = z.string().trim().min(1, "Enter a team name").max(100, "Team names are at most 100 characters");

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "add") {
    const parsed = readStaffForm(form);
    if (!parsed.success)
      return data(
        {
          intent,
          fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
          link: null,
          name: null,
        },
        { status: 400 },
      );
    const outcome = await addStaffMember(context, viewer, parsed.data);
    if (!outcome.ok) return data({ intent, fieldErrors: outcome.fieldErrors, link: null, name: null }, { status: 400 });
    const link = await createInvitationLink(context, viewer, outcome.userId, new URL(request.url).origin);
    return data({ intent, fieldErrors: {}, link, name: parsed.data.name });
  }
  if (intent === "create-team" || intent === "rename-team") {
    const parsed = teamName.safeParse(form.get("name") ?? "");
    if (!parsed.success)
      return data(
        { intent, fieldErrors: { team: [parsed.error.issues[0]!.message] }, link: null, name: null },
        { status: 400 },
      );
    if (intent === "create-team") {
      const team = await context.store.createTeam({ orgId: viewer.org.id, name: parsed.data });
      await audit(context, {
        type: "team.create",
        orgId: viewer.org.id,
        actorId: viewer.user.id,
        detail: { teamId: team.id, name: team.name },
      });
    } else {
      const teamId = String(form.get("teamId") ?? "");
      if (!(await context.store.getTeam(viewer.org.id, teamId))) throw new Response("Not found", { status: 404 });
      await context.store.renameTeam(viewer.org.id, teamId, parsed.data);
      await audit(context, {
        type: "team.rename",
        orgId: viewer.org.id,
        actorId: viewer.user.id,
        detail: { teamId, name: parsed.data },
      });
    }
    return data({ intent, fieldErrors: {}, link: null, name: null });
  }
  return data({ intent: null, fieldErrors: { form: ["Unknown action."] }, link: null, name: null }, { status: 400 });
}

export default function StaffPage() {
  const { teams, members, next, firstPage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const addErrors: Record<string, string[] | undefined> = result?.intent === "add" ? result.fieldErrors : {};
  const teamErrors: Record<string, string[] | undefined> =
    result?.intent === "create-team" || result?.intent === "rename-team" ? result.fieldErrors : {};
  return (
    <>
      <AdminNav current="/admin/staff" />
      <h1>Staff and teams</h1>
      {result?.link && result.name ? <InvitationLink link={result.link} name={result.name} /> : null}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <section className="ws-card" aria-labelledby="people-heading">
            <h2 id="people-heading" className="nhsuk-heading-m">
              People
            </h2>
            <p>
              <a href="/admin/staff/import">Import staff from a spreadsheet (CSV)</a>
            </p>
            <table className="nhsuk-table ws-table--compact" data-testid="staff-table">
              <caption className="nhsuk-u-visually-hidden">Members of this organisation</caption>
              <TableHead headings={["Name", "Email", "Teams", "Roles", "Status"]} />
              <tbody className="nhsuk-table__body">
                {members.map((m) => (
                  <tr className="nhsuk-table__row" key={m.id}>
                    <td className="nhsuk-table__cell">
                      <a href={`/admin/staff/${m.id}`}>{m.name}</a>
                    </td>
                    <td className="nhsuk-table__cell ws-break">{m.email}</td>
                    <td className="nhsuk-table__cell">{m.teams || <span className="ws-muted">None</span>}</td>
                    <td className="nhsuk-table__cell">{m.roles}</td>
                    <td className="nhsuk-table__cell">
                      {!m.active ? (
                        <span className="ws-tag ws-tag--grey">Deactivated</span>
                      ) : m.invited ? (
                        <span className="ws-tag ws-tag--yellow">Invited</span>
                      ) : (
                        <span className="ws-tag ws-tag--green">Active</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="ws-actions">
              {!firstPage ? <a href="/admin/staff">First page</a> : null}
              {next ? <a href={`/admin/staff?after=${encodeURIComponent(next)}`}>Next {PAGE} people</a> : null}
            </p>
          </section>
        </div>
        <div className="nhsuk-grid-column-one-third">
          <section className="ws-card" aria-labelledby="add-heading">
            <h2 id="add-heading" className="nhsuk-heading-s">
              Add a person
            </h2>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="add" />
              <StaffFields prefix="add" teams={teams} errors={addErrors} />
              <button type="submit" className="nhsuk-button">
                Add and create an invitation link
              </button>
            </Form>
          </section>
          <section className="ws-card" aria-labelledby="teams-heading">
            <h2 id="teams-heading" className="nhsuk-heading-s">
              Teams
            </h2>
            {teamErrors.team ? (
              <p className="nhsuk-error-message" role="alert">
                {teamErrors.team[0]}
              </p>
            ) : null}
            {teams.map((team) => (
              <Form method="post" className="ws-inline-row" key={team.id}>
                <input type="hidden" name="intent" value="rename-team" />
                <input type="hidden" name="teamId" value={team.id} />
                <label className="nhsuk-u-visually-hidden" htmlFor={`team-${team.id}`}>
                  Name of team {team.name}
                </label>
                <input className="nhsuk-input" id={`team-${team.id}`} name="name" defaultValue={team.name} />
                <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small">
                  Rename
                </button>
              </Form>
            ))}
            <Form method="post" className="ws-inline-row">
              <input type="hidden" name="intent" value="create-team" />
              <label className="nhsuk-u-visually-hidden" htmlFor="new-team">
                New team name
              </label>
              <input className="nhsuk-input" id="new-team" name="name" placeholder="New team name" />
              <button type="submit" className="nhsuk-button nhsuk-button--small">
                Create team
              </button>
            </Form>
          </section>
        </div>
      </div>
    </>
  );
}
