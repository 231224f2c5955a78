// Assignments in PostgreSQL: training given to teams and people, with a due date.
import { NotFoundError } from "../errors";
import type { AssignmentRecords } from "../types";
import type { Db } from "./context.server";
import { toAssignment } from "./rows.server";

export function assignmentRecords(db: Db): AssignmentRecords {
  return {
    async createAssignment(input) {
      const [row] = await db.rows(
        `INSERT INTO assignments (id, org_id, scenario_id, scenario_version, team_ids, user_ids, due_at, assessment, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
        [
          db.newId(),
          input.orgId,
          input.scenarioId,
          input.scenarioVersion,
          input.teamIds,
          input.userIds,
          input.dueAt,
          input.assessment,
          input.createdBy,
          db.now(),
        ],
      );
      return toAssignment(row!);
    },

    async getAssignment(orgId, id) {
      const [row] = await db.rows("SELECT * FROM assignments WHERE id = $1 AND org_id = $2", [id, orgId]);
      return row ? toAssignment(row) : null;
    },

    async listAssignments(orgId, filter = {}) {
      const rows = await db.rows(
        `SELECT * FROM assignments WHERE org_id = $1 AND ($2::boolean OR archived_at IS NULL) ORDER BY seq`,
        [orgId, Boolean(filter.includeArchived)],
      );
      return rows.map(toAssignment);
    },

    async archiveAssignment(orgId, id, at) {
      // COALESCE keeps the first archive time when an assignment is archived twice.
      const [row] = await db.rows(
        "UPDATE assignments SET archived_at = COALESCE(archived_at, $3) WHERE id = $1 AND org_id = $2 RETURNING *",
        [id, orgId, at],
      );
      if (!row)
        throw new NotFoundError(`Assignment ${id} does not exist in this organisation, so it cannot be archived.`);
      return toAssignment(row);
    },
  };
}
