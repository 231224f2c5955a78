// How a lowdb file's live sessions and ratings map onto PostgreSQL for `webside migrate` (relayed signals are kept in
// memory on lowdb and never reach the file, so there are none to copy).
import type { CopyTable } from "./copy-spec.server";

/** After organisations (a live session refers to its organisation; a rating to its session). */
export const LIVE_COPY_TABLES: CopyTable[] = [
  {
    key: "liveSessions",
    table: "live_sessions",
    keyFields: [{ field: "id", column: "id" }],
    columns: [
      { field: "id", type: "text", column: "id" },
      { field: "orgId", type: "text", column: "org_id" },
      { field: "code", type: "text", column: "code" },
      { field: "status", type: "text", column: "status" },
      {
        field: "participants",
        type: "jsonb",
        column: "user_ids",
        transform: (expr) => `ARRAY(SELECT p->>'userId' FROM jsonb_array_elements(${expr}) AS p)`,
      },
      { field: "record", type: "jsonb", column: "record", whole: true },
      { field: "revision", type: "integer", column: "revision", fallback: "0" },
      { field: "createdAt", type: "timestamptz", column: "created_at" },
      { field: "lastActivityAt", type: "timestamptz", column: "last_activity_at" },
    ],
  },
  {
    key: "liveRatings",
    table: "live_ratings",
    keyFields: [
      { field: "sessionId", column: "session_id" },
      { field: "userId", column: "user_id" },
      { field: "kind", column: "kind" },
      { field: "part", column: "part" },
    ],
    columns: [
      { field: "sessionId", type: "text", column: "session_id" },
      { field: "userId", type: "text", column: "user_id" },
      { field: "kind", type: "text", column: "kind" },
      { field: "part", type: "text", column: "part", fallback: "''" },
      { field: "orgId", type: "text", column: "org_id" },
      { field: "final", type: "boolean", column: "final", fallback: "false" },
      { field: "answers", type: "jsonb", column: "answers" },
      { field: "updatedAt", type: "timestamptz", column: "updated_at" },
    ],
  },
];
