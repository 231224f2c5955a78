// The audit log in the lowdb store: appended in order, listed newest first per organisation.
import type { AuditEvent, Store } from "../types";
import type { LowdbDatabase } from "./database.server";

type AuditFunctions = Pick<Store, "appendAudit" | "listAudit">;

export function auditFunctions(db: LowdbDatabase): AuditFunctions {
  return {
    async appendAudit(event) {
      return db.mutate((data) => {
        const stored: AuditEvent = {
          id: db.newId(),
          at: event.at ?? db.now(),
          orgId: event.orgId,
          actorId: event.actorId,
          type: event.type,
          detail: structuredClone(event.detail),
        };
        data.audit.push(stored);
        return stored;
      });
    },

    async listAudit({ orgId, type, limit }) {
      // Walk from the end so events with the same time come out newest-appended first; the sort below is stable.
      const matches: AuditEvent[] = [];
      const events = db.data().audit;
      for (let i = events.length - 1; i >= 0; i--) {
        const event = events[i]!;
        if (event.orgId === orgId && (type === undefined || event.type === type)) matches.push(event);
      }
      matches.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
      return structuredClone(limit === undefined ? matches : matches.slice(0, Math.max(0, limit)));
    },
  };
}
