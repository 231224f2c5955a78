// Bounds on the audit log, shared by both adapters (issue 12): each stored string is capped, so a request with a
// 7 KB path cannot store 7 KB, and the log keeps a fixed number of newest events (older ones are archived on lowdb,
// deleted on PostgreSQL), so it cannot grow without end.
import type { AuditDetail } from "./types";

export const AUDIT_STRING_MAX = 500;
export const AUDIT_TYPE_MAX = 100;
export const AUDIT_KEYS_MAX = 30;
/** Newest events the lowdb file keeps; past it the oldest AUDIT_ARCHIVE_BATCH move to an archive file. */
export const AUDIT_KEEP_LOWDB = 50_000;
export const AUDIT_ARCHIVE_BATCH = 5_000;
/** Newest events a PostgreSQL database keeps; older ones are deleted every AUDIT_PRUNE_EVERY appends. */
export const AUDIT_KEEP_POSTGRES = 1_000_000;
export const AUDIT_PRUNE_EVERY = 500;

function cap(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The event's type and detail as they may be stored: strings capped, at most AUDIT_KEYS_MAX keys. */
export function boundAudit(type: string, detail: AuditDetail | undefined): { type: string; detail: AuditDetail } {
  const bounded: AuditDetail = {};
  for (const [key, value] of Object.entries(detail ?? {}).slice(0, AUDIT_KEYS_MAX)) {
    bounded[cap(key, 100)] = typeof value === "string" ? cap(value, AUDIT_STRING_MAX) : value;
  }
  return { type: cap(type, AUDIT_TYPE_MAX), detail: bounded };
}
