// Memberships in PostgreSQL: which organisations a user belongs to, with which roles and teams, keyset pages of
// members for exports, and staff onboarding (accounts with their memberships) in one transaction.
import { normaliseEmail } from "../email";
import { NotFoundError, UniqueViolationError } from "../errors";
import type { MembershipRecords, User } from "../types";
import type { Db } from "./context.server";
import { MEMBER_COLUMNS, toMember, toMembership, toUser } from "./rows.server";

export function membershipRecords(db: Db): MembershipRecords {
  return {
    async setMembership({ userId, orgId, roles, teamIds }) {
      return db.transaction(async (tx) => {
        // FOR SHARE keeps the user and organisation from vanishing between the check and the write.
        const [found] = await tx.rows(
          `SELECT EXISTS (SELECT 1 FROM users WHERE id = $1 FOR SHARE) AS user,
                  EXISTS (SELECT 1 FROM organisations WHERE id = $2 FOR SHARE) AS org`,
          [userId, orgId],
        );
        if (!found!.user)
          throw new NotFoundError(`Cannot add user ${userId} to an organisation: the user does not exist.`);
        if (!found!.org)
          throw new NotFoundError(`Cannot add a member to organisation ${orgId}: the organisation does not exist.`);
        // Replacing keeps when the person joined; only roles and teams change.
        const [row] = await tx.rows(
          `INSERT INTO memberships (user_id, org_id, roles, team_ids, created_at)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (user_id, org_id) DO UPDATE SET roles = excluded.roles, team_ids = excluded.team_ids
           RETURNING *`,
          [userId, orgId, roles, teamIds, db.now()],
        );
        return toMembership(row!);
      });
    },

    async getMembership(userId, orgId) {
      const [row] = await db.rows("SELECT * FROM memberships WHERE user_id = $1 AND org_id = $2", [userId, orgId]);
      return row ? toMembership(row) : null;
    },

    async listMembershipsForUser(userId) {
      return (await db.rows("SELECT * FROM memberships WHERE user_id = $1 ORDER BY seq", [userId])).map(toMembership);
    },

    async listMembers(orgId) {
      const rows = await db.rows(
        `SELECT ${MEMBER_COLUMNS}
           FROM memberships m JOIN users u ON u.id = m.user_id
          WHERE m.org_id = $1
          ORDER BY m.seq`,
        [orgId],
      );
      return rows.map(toMember);
    },

    async removeMembership(userId, orgId) {
      await db.rows("DELETE FROM memberships WHERE user_id = $1 AND org_id = $2", [userId, orgId]);
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
        const now = db.now();
        const created: User[] = [];
        // One row at a time inside the transaction: a concurrent import of the same email still hits the unique index.
        for (const [index, member] of members.entries()) {
          const [row] = await tx.rows(
            `INSERT INTO users (id, email, name, password_hash, active, created_at, updated_at)
             VALUES ($1, $2, $3, NULL, true, $4, $4) RETURNING *`,
            [db.newId(), emails[index], member.name, now],
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
