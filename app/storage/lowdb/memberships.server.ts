// Memberships in the lowdb store: which organisations a user belongs to, with which roles and teams, and staff
// onboarding (accounts with their memberships) in one batch.
import { normaliseEmail } from "../email";
import { NotFoundError, UniqueViolationError } from "../errors";
import type { Membership, MembershipRecords, User } from "../types";
import { requireOrganisation } from "./data.server";
import type { LowdbDatabase } from "./database.server";

export function membershipRecords(db: LowdbDatabase): MembershipRecords {
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

    async listMembersPage(orgId, page) {
      const data = db.data();
      const usersById = new Map(data.users.map((u) => [u.id, u]));
      const members: Array<{ user: User; membership: Membership }> = [];
      for (const membership of data.memberships) {
        if (membership.orgId !== orgId || (page.after !== null && membership.userId <= page.after)) continue;
        const user = usersById.get(membership.userId);
        if (user) members.push({ user, membership });
      }
      // Plain code-unit order, the same as PostgreSQL's COLLATE "C", so a cursor means the same in both adapters.
      members.sort((a, b) => (a.user.id < b.user.id ? -1 : a.user.id > b.user.id ? 1 : 0));
      return structuredClone(members.slice(0, Math.max(0, page.limit)));
    },
    async importStaff(orgId, members) {
      const copy = structuredClone(members);
      return db.mutate((data) => {
        // Everything is checked before the first push, so a refused batch leaves the data exactly as it was.
        requireOrganisation(data, orgId, "import staff");
        const teamIds = new Set(data.teams.filter((t) => t.orgId === orgId).map((t) => t.id));
        const taken = new Set(data.users.map((u) => u.email));
        const seen = new Set<string>();
        copy.forEach((member, index) => {
          const email = normaliseEmail(member.email);
          if (seen.has(email)) {
            throw new UniqueViolationError(
              `Row ${index + 1}: ${email} appears more than once in this import; nothing was imported.`,
              "email",
            );
          }
          if (taken.has(email)) {
            throw new UniqueViolationError(
              `Row ${index + 1}: ${email} is already used by another account; nothing was imported.`,
              "email",
            );
          }
          seen.add(email);
          const unknownTeam = member.teamIds.find((t) => !teamIds.has(t));
          if (unknownTeam)
            throw new NotFoundError(
              `Row ${index + 1}: team ${unknownTeam} is not in this organisation; nothing was imported.`,
            );
        });
        const now = db.now();
        const created: User[] = [];
        for (const member of copy) {
          const user: User = {
            id: db.newId(),
            email: normaliseEmail(member.email),
            name: member.name,
            passwordHash: null,
            active: true,
            createdAt: now,
            updatedAt: now,
          };
          const membership: Membership = {
            userId: user.id,
            orgId,
            roles: [...member.roles],
            teamIds: [...member.teamIds],
            createdAt: now,
          };
          data.users.push(user);
          data.memberships.push(membership);
          created.push(user);
        }
        return created;
      });
    },
  };
}
