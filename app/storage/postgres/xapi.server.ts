// Organisation settings (the LRS connection) and the queue of xAPI statements waiting to be sent, in PostgreSQL.
import { NotFoundError } from "../errors";
import type { XapiRecords } from "../types";
import type { Db } from "./context.server";
import { jsonParam, toOrgSettings, toXapiQueueItem } from "./rows.server";

export function xapiRecords(db: Db): XapiRecords {
  return {
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
      const items = statements.map((statement) => ({ id: db.newId(), statement }));
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
