// How the lowdb file's authored scenarios and published versions map onto PostgreSQL tables for `webside migrate`.
import type { CopyTable } from "./copy-spec.server";

export const SCENARIO_COPY_TABLES: CopyTable[] = [
  {
    key: "scenarios",
    table: "scenarios",
    keyFields: [
      { field: "orgId", column: "org_id" },
      { field: "id", column: "id" },
    ],
    columns: [
      { field: "orgId", type: "text", column: "org_id" },
      { field: "id", type: "text", column: "id" },
      { field: "status", type: "text", column: "status", fallback: "'draft'" },
      { field: "draft", type: "jsonb", column: "draft" },
      { field: "revision", type: "integer", column: "revision", fallback: "1" },
      { field: "latestVersion", type: "integer", column: "latest_version" },
      { field: "source", type: "jsonb", column: "source_kind", transform: (e) => `${e}->>'kind'`, fallback: "'json'" },
      { field: "source", type: "jsonb", column: "source_detail", transform: (e) => `${e}->>'detail'` },
      { field: "createdBy", type: "text", column: "created_by" },
      { field: "updatedBy", type: "text", column: "updated_by" },
      { field: "createdAt", type: "timestamptz", column: "created_at" },
      { field: "updatedAt", type: "timestamptz", column: "updated_at" },
    ],
  },
  {
    key: "scenarioVersions",
    table: "scenario_versions",
    keyFields: [
      // Bundled scenarios' versions have no organisation.
      { field: "orgId", column: "org_id", nullable: true },
      { field: "scenarioId", column: "scenario_id" },
      { field: "version", column: "version", type: "integer" },
    ],
    columns: [
      { field: "orgId", type: "text", column: "org_id" },
      { field: "scenarioId", type: "text", column: "scenario_id" },
      { field: "version", type: "integer", column: "version" },
      { field: "content", type: "jsonb", column: "content" },
      { field: "publishedAt", type: "timestamptz", column: "published_at" },
      { field: "publishedBy", type: "text", column: "published_by" },
    ],
  },
];
