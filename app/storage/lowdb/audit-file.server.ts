// The audit log's own file beside the main data file (main file format 3 onwards). Every start, finish and sign-in
// appends an event, and the log keeps up to AUDIT_KEEP_LOWDB of them, so kept in the main file it made each of those
// writes rewrite every person, membership and published scenario too (ADR 0036).
import path from "node:path";
import type { AuditEvent } from "../types";

export const AUDIT_FILE_FORMAT = 1;

export interface AuditFile {
  auditFormat: number;
  audit: AuditEvent[];
}

/** `<folder>/<stem>.audit.json` beside the main data file. */
export function auditFileFor(file: string): string {
  return path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.audit.json`);
}

export function checkAuditFile(value: unknown): AuditFile {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error("it does not hold an audit log (expected a JSON object at the top level)");
  }
  const record = value as Record<string, unknown>;
  if (typeof record.auditFormat !== "number" || !Number.isInteger(record.auditFormat) || record.auditFormat < 1) {
    throw new Error("it has no valid auditFormat, so it is not a Webside audit log");
  }
  if (record.auditFormat > AUDIT_FILE_FORMAT) {
    throw new Error(
      `it was written by a newer Webside (audit format ${record.auditFormat}; this one understands up to ${AUDIT_FILE_FORMAT}). Upgrade Webside`,
    );
  }
  if (!Array.isArray(record.audit)) throw new Error(`its "audit" field should be a list`);
  return record as unknown as AuditFile;
}
