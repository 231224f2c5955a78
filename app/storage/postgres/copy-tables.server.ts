// How each lowdb record array maps onto a PostgreSQL table, in an order that satisfies the foreign keys.
import type { CopyTable } from "./copy-spec.server";
import { LIVE_COPY_TABLES } from "./copy-live-tables.server";
import { SCENARIO_COPY_TABLES } from "./copy-scenario-tables.server";
import { TRACKING_COPY_TABLES } from "./copy-tracking-tables.server";

export type { CopyColumn, CopyTable } from "./copy-spec.server";

const id = { field: "id", type: "text", column: "id" };

export const COPY_TABLES: CopyTable[] = [
  {
    key: "organisations",
    table: "organisations",
    keyFields: [{ field: "id", column: "id" }],
    columns: [
      id,
      { field: "name", type: "text", column: "name" },
      { field: "createdAt", type: "timestamptz", column: "created_at" },
    ],
  },
  {
    key: "users",
    table: "users",
    keyFields: [{ field: "id", column: "id" }],
    columns: [
      id,
      { field: "email", type: "text", column: "email", transform: (e) => `lower(${e})` },
      { field: "name", type: "text", column: "name" },
      { field: "passwordHash", type: "text", column: "password_hash" },
      { field: "active", type: "boolean", column: "active", fallback: "true" },
      { field: "createdAt", type: "timestamptz", column: "created_at" },
      { field: "updatedAt", type: "timestamptz", column: "updated_at" },
    ],
  },
  {
    key: "teams",
    table: "teams",
    keyFields: [{ field: "id", column: "id" }],
    columns: [
      id,
      { field: "orgId", type: "text", column: "org_id" },
      { field: "name", type: "text", column: "name" },
      { field: "createdAt", type: "timestamptz", column: "created_at" },
    ],
  },
  {
    key: "memberships",
    table: "memberships",
    keyFields: [
      { field: "userId", column: "user_id" },
      { field: "orgId", column: "org_id" },
    ],
    columns: [
      { field: "userId", type: "text", column: "user_id" },
      { field: "orgId", type: "text", column: "org_id" },
      { field: "roles", type: "text[]", column: "roles", fallback: "'{}'" },
      { field: "teamIds", type: "text[]", column: "team_ids", fallback: "'{}'" },
      { field: "createdAt", type: "timestamptz", column: "created_at" },
    ],
  },
  {
    key: "sessions",
    table: "sessions",
    keyFields: [{ field: "id", column: "id" }],
    columns: [
      id,
      { field: "userId", type: "text", column: "user_id" },
      { field: "orgId", type: "text", column: "org_id" },
      { field: "createdAt", type: "timestamptz", column: "created_at" },
      { field: "lastSeenAt", type: "timestamptz", column: "last_seen_at" },
      { field: "expiresAt", type: "timestamptz", column: "expires_at" },
    ],
  },
  {
    key: "audit",
    table: "audit_events",
    keyFields: [{ field: "id", column: "id" }],
    columns: [
      id,
      { field: "at", type: "timestamptz", column: "at" },
      { field: "orgId", type: "text", column: "org_id" },
      { field: "actorId", type: "text", column: "actor_id" },
      { field: "type", type: "text", column: "type" },
      { field: "detail", type: "jsonb", column: "detail", fallback: "'{}'" },
    ],
  },
  {
    key: "attempts",
    table: "attempts",
    keyFields: [{ field: "id", column: "id" }],
    columns: [
      id,
      { field: "orgId", type: "text", column: "org_id" },
      { field: "userId", type: "text", column: "user_id" },
      { field: "scenarioId", type: "text", column: "scenario_id" },
      { field: "scenarioVersion", type: "integer", column: "scenario_version" },
      { field: "mode", type: "text", column: "mode" },
      { field: "sayItFirst", type: "boolean", column: "say_it_first", fallback: "false" },
      { field: "status", type: "text", column: "status", fallback: "'in-progress'" },
      { field: "snapshot", type: "jsonb", column: "snapshot" },
      { field: "revision", type: "integer", column: "revision", fallback: "0" },
      { field: "path", type: "jsonb", column: "path", fallback: "'[]'" },
      { field: "confidenceBefore", type: "double precision", column: "confidence_before" },
      { field: "confidenceAfter", type: "double precision", column: "confidence_after" },
      { field: "reflection", type: "text", column: "reflection" },
      { field: "result", type: "jsonb", column: "result" },
      { field: "presence", type: "jsonb", column: "presence" },
      { field: "assignmentId", type: "text", column: "assignment_id" },
      { field: "liveSessionId", type: "text", column: "live_session_id" },
      { field: "startedAt", type: "timestamptz", column: "started_at" },
      { field: "updatedAt", type: "timestamptz", column: "updated_at" },
      { field: "completedAt", type: "timestamptz", column: "completed_at" },
    ],
  },
  ...TRACKING_COPY_TABLES,
  ...SCENARIO_COPY_TABLES,
  ...LIVE_COPY_TABLES,
];

const quote = (name: string) => `"${name}"`;

/**
 * One INSERT for a batch of records sent as a single jsonb parameter. Table and column names come from the
 * fixed table above; the records themselves are only ever a parameter. Rows keep the file's order (ordinality),
 * so lists come back in the same order as they did from lowdb. Existing records are left untouched.
 */
export function insertSql(spec: CopyTable): string {
  // A field may feed two columns (e.g. a scenario's source kind and detail), but is read from the record once.
  const fields = spec.columns.filter((c, i) => !c.whole && spec.columns.findIndex((d) => d.field === c.field) === i);
  const definitions = fields.map((c) => `${quote(c.field)} ${c.type}`).join(", ");
  const whole = spec.columns.some((c) => c.whole);
  const values = spec.columns.map((c) => {
    let expr = c.whole ? "w.doc" : `r.${quote(c.field)}`;
    if (c.transform) expr = c.transform(expr);
    return c.fallback ? `COALESCE(${expr}, ${c.fallback})` : expr;
  });
  return `INSERT INTO ${spec.table} (${spec.columns.map((c) => c.column).join(", ")})
    SELECT ${values.join(", ")}
      FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (${definitions})) WITH ORDINALITY
           AS r(${fields.map((c) => quote(c.field)).join(", ")}, n)${
             // The same array read a second time as whole documents, paired with the fields by position.
             whole ? "\n      JOIN jsonb_array_elements($1::jsonb) WITH ORDINALITY AS w(doc, n) ON w.n = r.n" : ""
           }
     ORDER BY r.n
    ON CONFLICT DO NOTHING`;
}

/** Counts how many of a batch's records (by key) are in the table. */
export function countPresentSql(spec: CopyTable): string {
  const definitions = spec.keyFields.map((k) => `${quote(k.field)} text`).join(", ");
  const join = spec.keyFields
    .map(
      (k) =>
        `t.${k.column} ${k.nullable ? "IS NOT DISTINCT FROM" : "="} r.${quote(k.field)}${k.type ? `::${k.type}` : ""}`,
    )
    .join(" AND ");
  return `SELECT count(*)::int AS n
    FROM jsonb_to_recordset($1::jsonb) AS r(${definitions})
    JOIN ${spec.table} t ON ${join}`;
}
