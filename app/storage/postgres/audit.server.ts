// The audit log: append-only events, listed newest first per organisation (or with no organisation).
import { randomUUID } from "node:crypto";
import type { Store } from "../types";
import type { Db } from "./context.server";
import { jsonParam, toAuditEvent } from "./rows.server";

type AuditQueries = Pick<Store, "appendAudit" | "listAudit">;

export function auditQueries(db: Db): AuditQueries {
  return {
    async appendAudit(event) {
      const [row] = await db.rows(
        `INSERT INTO audit_events (id, at, org_id, actor_id, type, detail)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb) RETURNING *`,
        [
          randomUUID(),
          event.at ?? new Date().toISOString(),
          event.orgId,
          event.actorId,
          event.type,
          jsonParam(event.detail ?? {}),
        ],
      );
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
