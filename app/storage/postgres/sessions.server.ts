// Server-side sessions, shared by every app instance on the database (no sticky sessions needed).
import { NotFoundError } from "../errors";
import type { SessionRecords } from "../types";
import type { Db } from "./context.server";
import { toSession } from "./rows.server";

export function sessionRecords(db: Db): SessionRecords {
  return {
    async createSession(session) {
      const [row] = await db.rows(
        `INSERT INTO sessions (id, user_id, org_id, created_at, last_seen_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [session.id, session.userId, session.orgId, session.createdAt, session.lastSeenAt, session.expiresAt],
      );
      return toSession(row!);
    },

    async getSession(id) {
      const [row] = await db.rows("SELECT * FROM sessions WHERE id = $1", [id]);
      return row ? toSession(row) : null;
    },

    // A session deleted meanwhile (logout in another tab) needs no touch; that is not an error for the request.
    async touchSession(id, lastSeenAt) {
      await db.rows("UPDATE sessions SET last_seen_at = $2 WHERE id = $1", [id, lastSeenAt]);
    },

    async switchSessionOrg(id, orgId) {
      const rows = await db.rows("UPDATE sessions SET org_id = $2 WHERE id = $1 RETURNING id", [id, orgId]);
      if (rows.length === 0)
        throw new NotFoundError("This session has ended, so it cannot switch organisation. Log in again.");
    },

    async deleteSession(id) {
      await db.rows("DELETE FROM sessions WHERE id = $1", [id]);
    },

    async deleteSessionsForUser(userId, exceptSessionId) {
      const rows = await db.rows(
        "DELETE FROM sessions WHERE user_id = $1 AND ($2::text IS NULL OR id <> $2) RETURNING id",
        [userId, exceptSessionId ?? null],
      );
      return rows.length;
    },

    async deleteExpiredSessions(now, idleCutoff) {
      // Mirrors isSessionLive: a session lives while expiresAt > now and lastSeenAt > idleCutoff.
      const rows = await db.rows("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2 RETURNING id", [
        now,
        idleCutoff,
      ]);
      return rows.length;
    },
  };
}
