// Turns the tracking tables' rows into records exactly as the lowdb adapter returns them.
import type { Assignment, Certificate, Invitation, LrsSettings, OrgSettings, XapiQueueItem } from "../types";
import { iso, isoOrNull } from "./rows.server";

type Row = Record<string, unknown>;

export function toAssignment(row: Row): Assignment {
  return {
    id: String(row.id),
    orgId: String(row.org_id),
    scenarioId: String(row.scenario_id),
    scenarioVersion: Number(row.scenario_version),
    teamIds: (row.team_ids as string[]) ?? [],
    userIds: (row.user_ids as string[]) ?? [],
    dueAt: iso(row.due_at),
    assessment: Boolean(row.assessment),
    createdBy: String(row.created_by),
    createdAt: iso(row.created_at),
    archivedAt: isoOrNull(row.archived_at),
  };
}

export function toInvitation(row: Row): Invitation {
  return {
    id: String(row.id),
    userId: String(row.user_id),
    orgId: String(row.org_id),
    createdBy: String(row.created_by),
    createdAt: iso(row.created_at),
    expiresAt: iso(row.expires_at),
    usedAt: isoOrNull(row.used_at),
  };
}

export function toCertificate(row: Row): Certificate {
  return {
    code: String(row.code),
    attemptId: String(row.attempt_id),
    orgId: String(row.org_id),
    userId: String(row.user_id),
    issuedAt: iso(row.issued_at),
  };
}

export function toOrgSettings(row: Row): OrgSettings {
  return { orgId: String(row.org_id), lrs: (row.lrs as LrsSettings | null) ?? null, updatedAt: iso(row.updated_at) };
}

export function toXapiQueueItem(row: Row): XapiQueueItem {
  return {
    id: String(row.id),
    orgId: String(row.org_id),
    statement: row.statement,
    tries: Number(row.tries),
    nextTryAt: iso(row.next_try_at),
    lastError: row.last_error === null ? null : String(row.last_error),
    createdAt: iso(row.created_at),
    sentAt: isoOrNull(row.sent_at),
  };
}
