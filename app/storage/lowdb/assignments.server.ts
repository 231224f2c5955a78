// Assignments in the lowdb store: training given to teams and people, with a due date.
import { NotFoundError } from "../errors";
import type { Assignment, AssignmentRecords } from "../types";
import { requireOrganisation } from "./data.server";
import type { LowdbDatabase } from "./database.server";

export function assignmentRecords(db: LowdbDatabase): AssignmentRecords {
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
  };
}
