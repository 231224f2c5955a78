// Invitations, certificates, organisation settings (the LRS) and the xAPI queue, in PostgreSQL.
import { randomUUID } from "node:crypto";
import { ConflictError, NotFoundError, UniqueViolationError } from "../errors";
import type { Store } from "../types";
import type { Db } from "./context.server";
import { jsonParam } from "./rows.server";
import { toCertificate, toInvitation, toOrgSettings, toXapiQueueItem } from "./tracking-rows.server";

type TrackingQueries = Pick<
  Store,
  | "createInvitation"
  | "getInvitation"
  | "useInvitation"
  | "createCertificate"
  | "getCertificate"
  | "getCertificateForAttempt"
  | "getOrgSettings"
  | "setLrsSettings"
  | "enqueueXapi"
  | "listDueXapi"
  | "markXapiSent"
  | "markXapiFailed"
  | "listXapiQueue"
>;

export function trackingQueries(db: Db): TrackingQueries {
  return {
    async createInvitation(i) {
      const [row] = await db.rows(
        `INSERT INTO invitations (id, user_id, org_id, created_by, created_at, expires_at, used_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [i.id, i.userId, i.orgId, i.createdBy, i.createdAt, i.expiresAt, i.usedAt],
      );
      return toInvitation(row!);
    },

    async getInvitation(id) {
      const [row] = await db.rows("SELECT * FROM invitations WHERE id = $1", [id]);
      return row ? toInvitation(row) : null;
    },

    async useInvitation(id, at) {
      // The used_at IS NULL condition makes "use" a single atomic step: two tabs cannot both use one link.
      const [row] = await db.rows("UPDATE invitations SET used_at = $2 WHERE id = $1 AND used_at IS NULL RETURNING *", [
        id,
        at,
      ]);
      if (row) return toInvitation(row);
      const [existing] = await db.rows("SELECT 1 FROM invitations WHERE id = $1", [id]);
      if (!existing) throw new NotFoundError("This invitation link does not exist.");
      throw new ConflictError("This invitation link has already been used. Ask your administrator for a new one.");
    },

    async createCertificate(c) {
      try {
        const [row] = await db.rows(
          "INSERT INTO certificates (code, attempt_id, org_id, user_id, issued_at) VALUES ($1, $2, $3, $4, $5) RETURNING *",
          [c.code, c.attemptId, c.orgId, c.userId, c.issuedAt],
        );
        return toCertificate(row!);
      } catch (error) {
        if (error instanceof UniqueViolationError && error.field === "certificates_attempt_id_key") {
          throw new UniqueViolationError("This attempt already has a certificate.", "attemptId");
        }
        if (error instanceof UniqueViolationError)
          throw new UniqueViolationError("A certificate with this code already exists.", "code");
        throw error;
      }
    },

    async getCertificate(code) {
      const [row] = await db.rows("SELECT * FROM certificates WHERE code = $1", [code]);
      return row ? toCertificate(row) : null;
    },

    async getCertificateForAttempt(attemptId) {
      const [row] = await db.rows("SELECT * FROM certificates WHERE attempt_id = $1", [attemptId]);
      return row ? toCertificate(row) : null;
    },

    async getOrgSettings(orgId) {
      const [row] = await db.rows("SELECT * FROM org_settings WHERE org_id = $1", [orgId]);
      return row ? toOrgSettings(row) : null;
    },

    async setLrsSettings(orgId, lrs, at) {
      const [row] = await db.rows(
        `INSERT INTO org_settings (org_id, lrs, updated_at) VALUES ($1, $2::jsonb, $3)
         ON CONFLICT (org_id) DO UPDATE SET lrs = excluded.lrs, updated_at = excluded.updated_at RETURNING *`,
        [orgId, jsonParam(lrs), at],
      );
      return toOrgSettings(row!);
    },

    async enqueueXapi(orgId, statements, at) {
      if (statements.length === 0) return [];
      const items = statements.map((statement) => ({ id: randomUUID(), statement }));
      // One statement, ordered by ordinality, so the queue keeps the order the statements were given in.
      const rows = await db.rows(
        `INSERT INTO xapi_queue (id, org_id, statement, tries, next_try_at, created_at)
         SELECT r.id, $1, r.statement, 0, $2, $2
           FROM ROWS FROM (jsonb_to_recordset($3::jsonb) AS (id text, statement jsonb)) WITH ORDINALITY AS r(id, statement, n)
          ORDER BY r.n
         RETURNING *`,
        [orgId, at, JSON.stringify(items)],
      );
      const byId = new Map(rows.map((row) => [String(row.id), toXapiQueueItem(row)]));
      return items.map((item) => byId.get(item.id)!);
    },

    async listDueXapi(now, limit) {
      const rows = await db.rows(
        "SELECT * FROM xapi_queue WHERE sent_at IS NULL AND next_try_at <= $1 ORDER BY created_at, seq LIMIT $2",
        [now, Math.max(0, limit)],
      );
      return rows.map(toXapiQueueItem);
    },

    async markXapiSent(id, at) {
      const rows = await db.rows(
        "UPDATE xapi_queue SET sent_at = $2, tries = tries + 1, last_error = NULL WHERE id = $1 RETURNING id",
        [id, at],
      );
      if (rows.length === 0) throw new NotFoundError(`Queued xAPI statement ${id} does not exist.`);
    },

    async markXapiFailed(id, error, nextTryAt) {
      const rows = await db.rows(
        "UPDATE xapi_queue SET tries = tries + 1, last_error = $2, next_try_at = $3 WHERE id = $1 RETURNING id",
        [id, error, nextTryAt],
      );
      if (rows.length === 0) throw new NotFoundError(`Queued xAPI statement ${id} does not exist.`);
    },

    async listXapiQueue(orgId, filter) {
      const rows = await db.rows(
        `SELECT * FROM xapi_queue WHERE org_id = $1 AND (NOT $2::boolean OR sent_at IS NULL) ORDER BY seq DESC LIMIT $3`,
        [orgId, Boolean(filter.pending), filter.limit ?? null],
      );
      return rows.map(toXapiQueueItem);
    },
  };
}
