// How the tracking collections of a lowdb file map onto PostgreSQL tables for `webside migrate`.
import type { CopyColumn, CopyTable } from "./copy-spec.server";

const text = (field: string, column: string): CopyColumn => ({ field, type: "text", column });
const time = (field: string, column: string): CopyColumn => ({ field, type: "timestamptz", column });

/** After organisations and users (foreign keys); attempts need not come first since certificates do not refer to them. */
export const TRACKING_COPY_TABLES: CopyTable[] = [
  {
    key: "assignments",
    table: "assignments",
    keyFields: [{ field: "id", column: "id" }],
    columns: [
      text("id", "id"),
      text("orgId", "org_id"),
      text("scenarioId", "scenario_id"),
      { field: "scenarioVersion", type: "integer", column: "scenario_version" },
      { field: "teamIds", type: "text[]", column: "team_ids", fallback: "'{}'" },
      { field: "userIds", type: "text[]", column: "user_ids", fallback: "'{}'" },
      time("dueAt", "due_at"),
      { field: "assessment", type: "boolean", column: "assessment", fallback: "false" },
      text("createdBy", "created_by"),
      time("createdAt", "created_at"),
      time("archivedAt", "archived_at"),
    ],
  },
  {
    key: "invitations",
    table: "invitations",
    keyFields: [{ field: "id", column: "id" }],
    columns: [
      text("id", "id"),
      text("userId", "user_id"),
      text("orgId", "org_id"),
      text("createdBy", "created_by"),
      time("createdAt", "created_at"),
      time("expiresAt", "expires_at"),
      time("usedAt", "used_at"),
    ],
  },
  {
    key: "certificates",
    table: "certificates",
    keyFields: [{ field: "code", column: "code" }],
    columns: [
      text("code", "code"),
      text("attemptId", "attempt_id"),
      text("orgId", "org_id"),
      text("userId", "user_id"),
      time("issuedAt", "issued_at"),
    ],
  },
  {
    key: "orgSettings",
    table: "org_settings",
    keyFields: [{ field: "orgId", column: "org_id" }],
    columns: [text("orgId", "org_id"), { field: "lrs", type: "jsonb", column: "lrs" }, time("updatedAt", "updated_at")],
  },
  {
    key: "xapiQueue",
    table: "xapi_queue",
    keyFields: [{ field: "id", column: "id" }],
    columns: [
      text("id", "id"),
      text("orgId", "org_id"),
      { field: "statement", type: "jsonb", column: "statement" },
      { field: "tries", type: "integer", column: "tries", fallback: "0" },
      time("nextTryAt", "next_try_at"),
      text("lastError", "last_error"),
      time("createdAt", "created_at"),
      time("sentAt", "sent_at"),
    ],
  },
];
