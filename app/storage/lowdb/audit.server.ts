// The audit log in the lowdb store: appended in order, listed newest first per organisation.
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from "node:fs";
import path from "node:path";
import { AUDIT_ARCHIVE_BATCH, AUDIT_KEEP_LOWDB, boundAudit } from "../audit-bounds";
import type { AuditEvent, AuditRecords } from "../types";
import type { LowdbDatabase } from "./database.server";

/** Writes the oldest events to their own file (on disk before they leave the data file), named by the last one's time. */
function archive(db: LowdbDatabase, events: AuditEvent[]): void {
  const dir = path.join(path.dirname(db.file), "audit-archive");
  mkdirSync(dir, { recursive: true });
  const name = `audit-until-${events.at(-1)!.at.replace(/[:.]/g, "-")}-${db.newId().slice(0, 8)}.json`;
  const fd = openSync(path.join(dir, name), "wx", 0o600);
  try {
    writeSync(fd, JSON.stringify(events));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function auditRecords(db: LowdbDatabase, options: { keep?: number } = {}): AuditRecords {
  const keep = options.keep ?? AUDIT_KEEP_LOWDB;
  return {
    async appendAudit(event) {
      return db.mutate((data) => {
        const { type, detail } = boundAudit(event.type, event.detail);
        const stored: AuditEvent = {
          id: db.newId(),
          at: event.at ?? db.now(),
          orgId: event.orgId,
          actorId: event.actorId,
          type,
          detail: structuredClone(detail),
        };
        if (data.audit.length >= keep) {
          // Archived first: if that fails, nothing has changed and the append fails with it.
          const batch = Math.min(data.audit.length, Math.max(1, Math.min(AUDIT_ARCHIVE_BATCH, Math.ceil(keep / 10))));
          archive(db, data.audit.slice(0, batch));
          data.audit.splice(0, batch);
        }
        data.audit.push(stored);
        return stored;
      }, "audit");
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
