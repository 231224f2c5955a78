// Assignments and staff import in the lowdb store: training given to teams and people, and onboarding in one batch.
import { NotFoundError, UniqueViolationError } from "../errors";
import type { Assignment, Membership, Store, User } from "../types";
import type { LowdbData } from "./data.server";
import type { LowdbDatabase } from "./database.server";
import { normaliseEmail } from "./users.server";

type AssignmentFunctions = Pick<
  Store,
  "createAssignment" | "getAssignment" | "listAssignments" | "archiveAssignment" | "importStaff" | "listMembersPage"
>;

function requireOrganisation(data: LowdbData, orgId: string, doing: string): void {
  if (!data.organisations.some((o) => o.id === orgId)) {
    throw new NotFoundError(`Cannot ${doing}: organisation ${orgId} does not exist.`);
  }
}

export function assignmentFunctions(db: LowdbDatabase): AssignmentFunctions {
  return {
    async createAssignment(input) {
      const copy = structuredClone(input);
      return db.mutate((data) => {
        requireOrganisation(data, copy.orgId, `assign "${copy.scenarioId}"`);
        const assignment: Assignment = { ...copy, id: db.newId(), createdAt: db.now(), archivedAt: null };
        data.assignments.push(assignment);
        return assignment;
      });
    },

    async getAssignment(orgId, id) {
      const found = db.data().assignments.find((a) => a.id === id && a.orgId === orgId);
      return found ? structuredClone(found) : null;
    },

    async listAssignments(orgId, filter = {}) {
      return structuredClone(
        db.data().assignments.filter((a) => a.orgId === orgId && (filter.includeArchived || a.archivedAt === null)),
      );
    },

    async archiveAssignment(orgId, id, at) {
      return db.mutate((data) => {
        // Another organisation's assignment is "not found", so one trust can never archive another's training.
        const assignment = data.assignments.find((a) => a.id === id && a.orgId === orgId);
        if (!assignment)
          throw new NotFoundError(`Assignment ${id} does not exist in this organisation, so it cannot be archived.`);
        assignment.archivedAt ??= at;
        return assignment;
      });
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
  };
}
