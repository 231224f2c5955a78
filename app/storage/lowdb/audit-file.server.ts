// The audit log's own file beside the main data file (main file format 3 onwards). Every start, finish and sign-in
// appends an event, and the log keeps up to AUDIT_KEEP_LOWDB of them, so kept in the main file it made each of those
// writes rewrite every person, membership and published scenario too (ADR 0036).
import path from "node:path";
import type { AuditEvent } from "../types";
import { checkFormatHeader } from "./format-check.server";

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
  const record = checkFormatHeader(value, {
    field: "auditFormat",
    understood: AUDIT_FILE_FORMAT,
    holds: "an audit log",
    label: "audit format",
  });
  if (!Array.isArray(record.audit)) throw new Error(`its "audit" field should be a list`);
  return record as unknown as AuditFile;
}
