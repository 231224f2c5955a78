// Turns PostgreSQL rows into the record types exactly as the lowdb adapter returns them (ISO strings, arrays, nulls).
import type {
  Attempt,
  AttemptMode,
  AttemptResult,
  AttemptStatus,
  AttemptSummary,
  Assignment,
  AuditDetail,
  AuditEvent,
  Certificate,
  Invitation,
  LrsSettings,
  Membership,
  Organisation,
  OrgSettings,
  Role,
  Session,
  Team,
  User,
  XapiQueueItem,
} from "../types";

type Row = Record<string, unknown>;

/** timestamptz arrives as a Date; records carry ISO-8601 strings. */
export function iso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return new Date(String(value)).toISOString();
}

export function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}

/** jsonb columns hold whatever JSON the app stored; SQL NULL and JSON null both read as null. */
function jsonOrNull<T>(value: unknown): T | null {
  return value === undefined || value === null ? null : (value as T);
}

function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

export function toOrganisation(row: Row): Organisation {
  return { id: String(row.id), name: String(row.name), createdAt: iso(row.created_at) };
}

export function toTeam(row: Row): Team {
  return { id: String(row.id), orgId: String(row.org_id), name: String(row.name), createdAt: iso(row.created_at) };
}

export function toUser(row: Row): User {
  return {
    id: String(row.id),
    email: String(row.email),
    name: String(row.name),
    passwordHash: row.password_hash === null ? null : String(row.password_hash),
    active: Boolean(row.active),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function toMembership(row: Row): Membership {
  return {
    userId: String(row.user_id),
    orgId: String(row.org_id),
    roles: (row.roles as Role[]) ?? [],
    teamIds: (row.team_ids as string[]) ?? [],
    createdAt: iso(row.created_at),
  };
}

export function toSession(row: Row): Session {
  return {
    id: String(row.id),
    userId: String(row.user_id),
    orgId: String(row.org_id),
    createdAt: iso(row.created_at),
    lastSeenAt: iso(row.last_seen_at),
    expiresAt: iso(row.expires_at),
  };
}

export function toAuditEvent(row: Row): AuditEvent {
  return {
    id: String(row.id),
    at: iso(row.at),
    orgId: row.org_id === null ? null : String(row.org_id),
    actorId: row.actor_id === null ? null : String(row.actor_id),
    type: String(row.type),
    detail: (row.detail as AuditDetail) ?? {},
  };
}

export function toAttempt(row: Row): Attempt {
  return { ...toAttemptSummary(row), snapshot: jsonOrNull<unknown>(row.snapshot) };
}

/** An attempts row read without its snapshot (ATTEMPT_SUMMARY_COLUMNS), for the organisation-wide lists. */
export const ATTEMPT_SUMMARY_COLUMNS = `id, org_id, user_id, scenario_id, scenario_version, mode, say_it_first, status,
  revision, path, confidence_before, confidence_after, reflection, result, presence, assignment_id, live_session_id,
  started_at, updated_at, completed_at`;

export function toAttemptSummary(row: Row): AttemptSummary {
  return {
    id: String(row.id),
    orgId: String(row.org_id),
    userId: String(row.user_id),
    scenarioId: String(row.scenario_id),
    scenarioVersion: Number(row.scenario_version),
    mode: row.mode as AttemptMode,
    sayItFirst: row.say_it_first === true,
    status: row.status as AttemptStatus,
    revision: Number(row.revision),
    path: (row.path as string[]) ?? [],
    confidenceBefore: numberOrNull(row.confidence_before),
    confidenceAfter: numberOrNull(row.confidence_after),
    reflection: row.reflection === null ? null : String(row.reflection),
    result: jsonOrNull<AttemptResult>(row.result),
    presence: jsonOrNull<unknown>(row.presence),
    assignmentId: row.assignment_id === null ? null : String(row.assignment_id),
    // Only live attempts carry the field, so a solo attempt reads back exactly as it was written (and as lowdb keeps it).
    ...(row.live_session_id ? { liveSessionId: String(row.live_session_id) } : {}),
    startedAt: iso(row.started_at),
    updatedAt: iso(row.updated_at),
    completedAt: isoOrNull(row.completed_at),
  };
}

/** jsonb parameters are sent as JSON text: node-postgres would otherwise turn JS arrays into SQL arrays. */
export function jsonParam(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** The columns of a membership joined to its user; the user's are prefixed so the two cannot collide. */
export const MEMBER_COLUMNS = `m.*, u.id AS u_id, u.email AS u_email, u.name AS u_name, u.password_hash AS u_password_hash,
       u.active AS u_active, u.created_at AS u_created_at, u.updated_at AS u_updated_at`;

export function toMember(row: Row): { user: User; membership: Membership } {
  return {
    membership: toMembership(row),
    user: toUser({
      id: row.u_id,
      email: row.u_email,
      name: row.u_name,
      password_hash: row.u_password_hash,
      active: row.u_active,
      created_at: row.u_created_at,
      updated_at: row.u_updated_at,
    }),
  };
}

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
