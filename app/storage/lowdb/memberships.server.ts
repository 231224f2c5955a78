// Memberships in the lowdb store: which organisations a user belongs to, with which roles and teams.
import { NotFoundError } from "../errors";
import type { Membership, Store, User } from "../types";
import type { LowdbDatabase } from "./database.server";

type MembershipFunctions = Pick<
  Store,
  "setMembership" | "getMembership" | "listMembershipsForUser" | "listMembers" | "removeMembership"
>;

export function membershipFunctions(db: LowdbDatabase): MembershipFunctions {
  return {
    async setMembership({ userId, orgId, roles, teamIds }) {
      return db.mutate((data) => {
        if (!data.users.some((u) => u.id === userId)) {
          throw new NotFoundError(`Cannot add user ${userId} to an organisation: the user does not exist.`);
        }
        if (!data.organisations.some((o) => o.id === orgId)) {
          throw new NotFoundError(`Cannot add a member to organisation ${orgId}: the organisation does not exist.`);
        }
        const existing = data.memberships.find((m) => m.userId === userId && m.orgId === orgId);
        if (existing) {
          // Replacing keeps when the person joined; only roles and teams change.
          existing.roles = [...roles];
          existing.teamIds = [...teamIds];
          return existing;
        }
        const membership: Membership = { userId, orgId, roles: [...roles], teamIds: [...teamIds], createdAt: db.now() };
        data.memberships.push(membership);
        return membership;
      });
    },

    async getMembership(userId, orgId) {
      const found = db.data().memberships.find((m) => m.userId === userId && m.orgId === orgId);
      return found ? structuredClone(found) : null;
    },

    async listMembershipsForUser(userId) {
      return structuredClone(db.data().memberships.filter((m) => m.userId === userId));
    },

    async listMembers(orgId) {
      const data = db.data();
      const usersById = new Map(data.users.map((u) => [u.id, u]));
      const members: Array<{ user: User; membership: Membership }> = [];
      for (const membership of data.memberships) {
        const user = membership.orgId === orgId ? usersById.get(membership.userId) : undefined;
        if (user) members.push({ user, membership });
      }
      return structuredClone(members);
    },

    async removeMembership(userId, orgId) {
      const present = db.data().memberships.some((m) => m.userId === userId && m.orgId === orgId);
      // Removing what is not there is already done; no write needed.
      if (!present) return;
      await db.mutate((data) => {
        data.memberships = data.memberships.filter((m) => !(m.userId === userId && m.orgId === orgId));
      });
    },
  };
}
