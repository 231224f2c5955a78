// The audit log: append-only events, listed newest first per organisation (or with no organisation).
import { AUDIT_KEEP_POSTGRES, AUDIT_PRUNE_EVERY, boundAudit } from "../audit-bounds";
import type { AuditRecords } from "../types";
import type { Db } from "./context.server";
import { jsonParam, toAuditEvent } from "./rows.server";

export function auditRecords(db: Db, options: { keep?: number; pruneEvery?: number } = {}): AuditRecords {
  const keep = options.keep ?? AUDIT_KEEP_POSTGRES;
  const pruneEvery = options.pruneEvery ?? AUDIT_PRUNE_EVERY;
  let sincePrune = 0;
  return {
    async appendAudit(event) {
      const { type, detail } = boundAudit(event.type, event.detail);
      const [row] = await db.rows(
        `INSERT INTO audit_events (id, at, org_id, actor_id, type, detail)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb) RETURNING *`,
        [db.newId(), event.at ?? db.now(), event.orgId, event.actorId, type, jsonParam(detail)],
      );
      if (++sincePrune >= pruneEvery) {
        sincePrune = 0;
        // Keeps the newest `keep` events, whichever instance appended them.
        await db.rows(
          `DELETE FROM audit_events WHERE seq <= (SELECT seq FROM audit_events ORDER BY seq DESC OFFSET $1 LIMIT 1)`,
          [keep],
        );
      }
      return toAuditEvent(row!);
    },

    async listAudit({ orgId, type, limit }) {
      // Only the clauses that apply are written, so each filter can use its own index. No limit means all.
      const params: unknown[] = [limit === undefined ? null : Math.max(0, Math.floor(limit))];
      const where: string[] = [];
      if (orgId === null) where.push("org_id IS NULL");
      else where.push(`org_id = $${params.push(orgId)}`);
      if (type !== undefined) where.push(`type = $${params.push(type)}`);
      const rows = await db.rows(
        `SELECT * FROM audit_events WHERE ${where.join(" AND ")} ORDER BY at DESC, seq DESC LIMIT $1`,
        params,
      );
      return rows.map(toAuditEvent);
    },
  };
}
