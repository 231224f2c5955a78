// What the admin's staff pages show: the organisation's people a page at a time, and one person with their record.
import type { AppLoadContext } from "@remix-run/node";
import type { Membership, User } from "~/storage/types";
import { ROLE_LABELS } from "~/services/staff.server";
import type { Viewer } from "~/utils/auth.server";

export const STAFF_PAGE_SIZE = 100;

export interface StaffRow {
  id: string;
  name: string;
  email: string;
  active: boolean;
  /** Added but has not set a password yet. */
  invited: boolean;
  roles: string;
  teams: string;
}

/** One page of members in id order, starting after `after`; `next` is where the following page starts. */
export async function staffDirectory(context: AppLoadContext, orgId: string, after: string | null) {
  const [page, teams] = await Promise.all([
    context.store.listMembersPage(orgId, { after: after || null, limit: STAFF_PAGE_SIZE + 1 }),
    context.store.listTeams(orgId),
  ]);
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const shown = page.slice(0, STAFF_PAGE_SIZE);
  const members: StaffRow[] = shown.map(({ user, membership }) => ({
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
  }));
  return {
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
    members,
    next: page.length > STAFF_PAGE_SIZE ? shown.at(-1)!.user.id : null,
    firstPage: !after,
    pageSize: STAFF_PAGE_SIZE,
  };
}

/** One member of staff as their page shows them: details, roles, teams and how much they have completed. */
export async function staffMemberView(
  context: AppLoadContext,
  viewer: Viewer,
  { user, membership }: { user: User; membership: Membership },
) {
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
