// User accounts in PostgreSQL: emails kept lower-cased and unique across the whole store.
import { normaliseEmail } from "../email";
import { NotFoundError } from "../errors";
import type { UserRecords } from "../types";
import type { Db } from "./context.server";
import { toUser } from "./rows.server";

export function userRecords(db: Db): UserRecords {
  return {
    async createUser({ email, name, passwordHash }) {
      const now = db.now();
      const [row] = await db.rows(
        `INSERT INTO users (id, email, name, password_hash, active, created_at, updated_at)
         VALUES ($1, $2, $3, $4, true, $5, $5) RETURNING *`,
        [db.newId(), normaliseEmail(email), name, passwordHash, now],
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
      const params: unknown[] = [id, db.now()];
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
  };
}
