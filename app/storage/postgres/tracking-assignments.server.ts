// Assignments, staff import (one transaction) and keyset pages of members, in PostgreSQL.
import { randomUUID } from "node:crypto";
import { NotFoundError, UniqueViolationError } from "../errors";
import type { Store, User } from "../types";
import type { Db } from "./context.server";
import { MEMBER_COLUMNS, toMember, toUser } from "./rows.server";
import { toAssignment } from "./tracking-rows.server";
import { normaliseEmail } from "./users.server";

type AssignmentQueries = Pick<
  Store,
  "createAssignment" | "getAssignment" | "listAssignments" | "archiveAssignment" | "importStaff" | "listMembersPage"
>;

export function assignmentQueries(db: Db): AssignmentQueries {
  return {
    async createAssignment(input) {
      const [row] = await db.rows(
        `INSERT INTO assignments (id, org_id, scenario_id, scenario_version, team_ids, user_ids, due_at, assessment, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
        [
          randomUUID(),
          input.orgId,
          input.scenarioId,
          input.scenarioVersion,
          input.teamIds,
          input.userIds,
          input.dueAt,
          input.assessment,
          input.createdBy,
          new Date().toISOString(),
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

    async importStaff(orgId, members) {
      const emails = members.map((m) => normaliseEmail(m.email));
      const duplicate = emails.findIndex((e, i) => emails.indexOf(e) !== i);
      if (duplicate >= 0) {
        throw new UniqueViolationError(
          `Row ${duplicate + 1}: ${emails[duplicate]} appears more than once in this import; nothing was imported.`,
          "email",
        );
      }
      return db.transaction(async (tx) => {
        const [org] = await tx.rows("SELECT id FROM organisations WHERE id = $1 FOR SHARE", [orgId]);
        if (!org) throw new NotFoundError(`Cannot import staff: organisation ${orgId} does not exist.`);
        const teams = new Set(
          (await tx.rows("SELECT id FROM teams WHERE org_id = $1", [orgId])).map((r) => String(r.id)),
        );
        const taken = new Set(
          (await tx.rows("SELECT lower(email) AS email FROM users WHERE lower(email) = ANY($1)", [emails])).map((r) =>
            String(r.email),
          ),
        );
        members.forEach((member, index) => {
          if (taken.has(emails[index]!)) {
            throw new UniqueViolationError(
              `Row ${index + 1}: ${emails[index]} is already used by another account; nothing was imported.`,
              "email",
            );
          }
          const unknownTeam = member.teamIds.find((t) => !teams.has(t));
          if (unknownTeam)
            throw new NotFoundError(
              `Row ${index + 1}: team ${unknownTeam} is not in this organisation; nothing was imported.`,
            );
        });
        const now = new Date().toISOString();
        const created: User[] = [];
        // One row at a time inside the transaction: a concurrent import of the same email still hits the unique index.
        for (const [index, member] of members.entries()) {
          const [row] = await tx.rows(
            `INSERT INTO users (id, email, name, password_hash, active, created_at, updated_at)
             VALUES ($1, $2, $3, NULL, true, $4, $4) RETURNING *`,
            [randomUUID(), emails[index], member.name, now],
          );
          const user = toUser(row!);
          await tx.rows(
            "INSERT INTO memberships (user_id, org_id, roles, team_ids, created_at) VALUES ($1, $2, $3, $4, $5)",
            [user.id, orgId, member.roles, member.teamIds, now],
          );
          created.push(user);
        }
        return created;
      });
    },

    async listMembersPage(orgId, page) {
      const rows = await db.rows(
        `SELECT ${MEMBER_COLUMNS}
           FROM memberships m JOIN users u ON u.id = m.user_id
          WHERE m.org_id = $1 AND ($2::text IS NULL OR m.user_id COLLATE "C" > $2)
          ORDER BY m.user_id COLLATE "C"
          LIMIT $3`,
        [orgId, page.after, Math.max(0, page.limit)],
      );
      return rows.map(toMember);
    },
  };
}
