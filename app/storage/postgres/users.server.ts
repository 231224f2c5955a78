// Users (unique by lower-cased email) and their memberships of organisations.
import { randomUUID } from "node:crypto";
import { NotFoundError } from "../errors";
import type { Store } from "../types";
import type { Db } from "./context.server";
import { MEMBER_COLUMNS, toMember, toMembership, toUser } from "./rows.server";

type UserQueries = Pick<
  Store,
  | "createUser"
  | "getUser"
  | "getUserByEmail"
  | "updateUser"
  | "countUsers"
  | "setMembership"
  | "getMembership"
  | "listMembershipsForUser"
  | "listMembers"
  | "removeMembership"
>;

/** Lower-cased only, exactly as the lowdb adapter does, so both stores agree on what "the same email" is. */
export function normaliseEmail(email: string): string {
  return email.toLowerCase();
}

export function userQueries(db: Db): UserQueries {
  return {
    async createUser({ email, name, passwordHash }) {
      const now = new Date().toISOString();
      const [row] = await db.rows(
        `INSERT INTO users (id, email, name, password_hash, active, created_at, updated_at)
         VALUES ($1, $2, $3, $4, true, $5, $5) RETURNING *`,
        [randomUUID(), normaliseEmail(email), name, passwordHash, now],
      );
      return toUser(row!);
    },

    async getUser(id) {
      const [row] = await db.rows("SELECT * FROM users WHERE id = $1", [id]);
      return row ? toUser(row) : null;
    },

    async getUserByEmail(email) {
      const [row] = await db.rows("SELECT * FROM users WHERE lower(email) = $1", [normaliseEmail(email)]);
      return row ? toUser(row) : null;
    },

    async updateUser(id, patch) {
      // Column names come from this fixed list; only the values travel as parameters.
      const sets: string[] = [];
      const params: unknown[] = [id, new Date().toISOString()];
      const set = (column: string, value: unknown) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      if (patch.name !== undefined) set("name", patch.name);
      if (patch.email !== undefined) set("email", normaliseEmail(patch.email));
      if (patch.passwordHash !== undefined) set("password_hash", patch.passwordHash);
      if (patch.active !== undefined) set("active", patch.active);
      const [row] = await db.rows(
        `UPDATE users SET ${[...sets, "updated_at = $2"].join(", ")} WHERE id = $1 RETURNING *`,
        params,
      );
      if (!row) throw new NotFoundError(`User ${id} does not exist, so it cannot be updated.`);
      return toUser(row);
    },

    async countUsers() {
      const [row] = await db.rows("SELECT count(*)::int AS n FROM users");
      return Number(row!.n);
    },

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
          [userId, orgId, roles, teamIds, new Date().toISOString()],
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
  };
}
