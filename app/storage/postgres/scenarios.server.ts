// Authored scenarios and their immutable published versions in PostgreSQL, with revision checks for co-authoring.
import { ConflictError, NotFoundError, UniqueViolationError } from "../errors";
import type { ScenarioSourceKind, ScenarioRecords, ScenarioStatus, ScenarioVersion, StoredScenario } from "../types";
import type { Db, Row } from "./context.server";
import { iso, jsonParam } from "./rows.server";

function toStoredScenario(row: Row): StoredScenario {
  return {
    id: String(row.id),
    orgId: String(row.org_id),
    status: row.status as ScenarioStatus,
    draft: row.draft ?? null,
    revision: Number(row.revision),
    latestVersion: row.latest_version === null ? null : Number(row.latest_version),
    source: {
      kind: row.source_kind as ScenarioSourceKind,
      detail: row.source_detail === null ? null : String(row.source_detail),
    },
    createdBy: String(row.created_by),
    updatedBy: String(row.updated_by),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

function toScenarioVersion(row: Row): ScenarioVersion {
  return {
    scenarioId: String(row.scenario_id),
    orgId: row.org_id === null ? null : String(row.org_id),
    version: Number(row.version),
    content: row.content,
    publishedAt: iso(row.published_at),
    publishedBy: row.published_by === null ? null : String(row.published_by),
  };
}

const VERSION_SELECT = "SELECT * FROM scenario_versions WHERE org_id IS NOT DISTINCT FROM $1 AND scenario_id = $2";

/** Explains why a revision-checked write changed nothing: the scenario is missing or someone saved first. */
async function revisionFailure(db: Db, orgId: string, id: string, expected: number): Promise<Error> {
  const [row] = await db.rows("SELECT revision FROM scenarios WHERE org_id = $1 AND id = $2", [orgId, id]);
  if (!row) return new NotFoundError(`Scenario '${id}' does not exist in this organisation.`);
  return new ConflictError(
    `Scenario '${id}' was saved by someone else (it is at revision ${String(row.revision)}, this change was made on revision ${expected}). Reload to see their changes.`,
  );
}

export function scenarioRecords(db: Db): ScenarioRecords {
  return {
    async createScenario(input) {
      const now = db.now();
      const [row] = await db.rows(
        `INSERT INTO scenarios (org_id, id, status, draft, revision, latest_version, source_kind, source_detail, created_by, updated_by, created_at, updated_at)
         VALUES ($1, $2, 'draft', $3::jsonb, 1, NULL, $4, $5, $6, $6, $7, $7)
         ON CONFLICT (org_id, id) DO NOTHING
         RETURNING *`,
        [input.orgId, input.id, jsonParam(input.draft), input.source.kind, input.source.detail, input.createdBy, now],
      );
      if (!row)
        throw new UniqueViolationError(
          `This organisation already has a scenario with the id '${input.id}'. Choose another id.`,
          "id",
        );
      return toStoredScenario(row);
    },

    async getScenarioRecord(orgId, id) {
      const [row] = await db.rows("SELECT * FROM scenarios WHERE org_id = $1 AND id = $2", [orgId, id]);
      return row ? toStoredScenario(row) : null;
    },

    async listScenarioRecords(orgId) {
      return (await db.rows("SELECT * FROM scenarios WHERE org_id = $1 ORDER BY seq", [orgId])).map(toStoredScenario);
    },

    async saveScenarioDraft(input) {
      // One statement: the revision check and the write cannot be separated by another save.
      const [row] = await db.rows(
        `UPDATE scenarios SET draft = $4::jsonb, revision = revision + 1, updated_by = $5, updated_at = $6
          WHERE org_id = $1 AND id = $2 AND revision = $3 RETURNING *`,
        [input.orgId, input.id, input.expectedRevision, jsonParam(input.draft), input.updatedBy, db.now()],
      );
      if (row) return toStoredScenario(row);
      throw await revisionFailure(db, input.orgId, input.id, input.expectedRevision);
    },

    async setScenarioStatus(orgId, id, status) {
      const [row] = await db.rows(
        `UPDATE scenarios SET status = $3, updated_at = $4
          WHERE org_id = $1 AND id = $2 AND ($3 <> 'published' OR latest_version IS NOT NULL) RETURNING *`,
        [orgId, id, status, db.now()],
      );
      if (row) return toStoredScenario(row);
      const [existing] = await db.rows("SELECT 1 FROM scenarios WHERE org_id = $1 AND id = $2", [orgId, id]);
      if (!existing) throw new NotFoundError(`Scenario '${id}' does not exist in this organisation.`);
      throw new ConflictError(
        `Scenario '${id}' has never been published, so it cannot be marked published; publish a version instead.`,
      );
    },

    async publishScenarioVersion(input) {
      return db.transaction(async (tx) => {
        const now = db.now();
        // Locks the scenario row for the rest of the transaction, so two publishes cannot interleave.
        const [updated] = await tx.rows(
          `UPDATE scenarios SET status = 'published', latest_version = GREATEST(COALESCE(latest_version, 0), $4), updated_at = $5
            WHERE org_id = $1 AND id = $2 AND revision = $3 RETURNING *`,
          [input.orgId, input.scenarioId, input.expectedRevision, input.version, now],
        );
        if (!updated) throw await revisionFailure(tx, input.orgId, input.scenarioId, input.expectedRevision);
        const [row] = await tx.rows(
          `INSERT INTO scenario_versions (org_id, scenario_id, version, content, published_at, published_by)
           VALUES ($1, $2, $3, $4::jsonb, $5, $6) ON CONFLICT DO NOTHING RETURNING *`,
          [input.orgId, input.scenarioId, input.version, jsonParam(input.content), now, input.publishedBy],
        );
        if (!row) {
          throw new ConflictError(
            `Version ${input.version} of scenario '${input.scenarioId}' is already published; versions cannot be changed.`,
          );
        }
        return toScenarioVersion(row);
      });
    },

    async ensureBundledVersion(input) {
      await db.rows(
        `INSERT INTO scenario_versions (org_id, scenario_id, version, content, published_at, published_by)
         VALUES (NULL, $1, $2, $3::jsonb, $4, NULL) ON CONFLICT DO NOTHING`,
        [input.scenarioId, input.version, jsonParam(input.content), db.now()],
      );
      const [row] = await db.rows(`${VERSION_SELECT} AND version = $3`, [null, input.scenarioId, input.version]);
      return toScenarioVersion(row!);
    },

    async getScenarioVersion(orgId, scenarioId, version) {
      const [row] = await db.rows(`${VERSION_SELECT} AND version = $3`, [orgId, scenarioId, version]);
      return row ? toScenarioVersion(row) : null;
    },

    async listScenarioVersions(orgId, scenarioId) {
      return (await db.rows(`${VERSION_SELECT} ORDER BY version`, [orgId, scenarioId])).map(toScenarioVersion);
    },
  };
}
