// Authored scenarios and their immutable published versions in the lowdb store, with revision checks for co-authoring.
import { ConflictError, NotFoundError, UniqueViolationError } from "../errors";
import type { ScenarioRecords, ScenarioVersion, StoredScenario } from "../types";
import type { LowdbDatabase } from "./database.server";

function staleRevision(id: string, stored: number, expected: number): ConflictError {
  return new ConflictError(
    `Scenario '${id}' was saved by someone else (it is at revision ${stored}, this change was made on revision ${expected}). Reload to see their changes.`,
  );
}

export function scenarioRecords(db: LowdbDatabase): ScenarioRecords {
  const find = (scenarios: StoredScenario[], orgId: string, id: string) =>
    scenarios.find((s) => s.orgId === orgId && s.id === id);
  const mustFind = (scenarios: StoredScenario[], orgId: string, id: string) => {
    const found = find(scenarios, orgId, id);
    if (!found) throw new NotFoundError(`Scenario '${id}' does not exist in this organisation.`);
    return found;
  };
  const sameVersion = (orgId: string | null, scenarioId: string) => (v: ScenarioVersion) =>
    v.orgId === orgId && v.scenarioId === scenarioId;

  return {
    async createScenario(input) {
      const copy = structuredClone(input);
      return db.mutate((data) => {
        if (find(data.scenarios, copy.orgId, copy.id)) {
          throw new UniqueViolationError(
            `This organisation already has a scenario with the id '${copy.id}'. Choose another id.`,
            "id",
          );
        }
        const now = db.now();
        const record: StoredScenario = {
          id: copy.id,
          orgId: copy.orgId,
          status: "draft",
          draft: copy.draft,
          revision: 1,
          latestVersion: null,
          source: copy.source,
          createdBy: copy.createdBy,
          updatedBy: copy.createdBy,
          createdAt: now,
          updatedAt: now,
        };
        data.scenarios.push(record);
        return record;
      });
    },

    async getScenarioRecord(orgId, id) {
      const found = find(db.data().scenarios, orgId, id);
      return found ? structuredClone(found) : null;
    },

    async listScenarioRecords(orgId) {
      return structuredClone(db.data().scenarios.filter((s) => s.orgId === orgId));
    },

    async saveScenarioDraft(input) {
      const draft = structuredClone(input.draft);
      return db.mutate((data) => {
        const record = mustFind(data.scenarios, input.orgId, input.id);
        if (record.revision !== input.expectedRevision)
          throw staleRevision(input.id, record.revision, input.expectedRevision);
        record.draft = draft;
        record.revision += 1;
        record.updatedBy = input.updatedBy;
        record.updatedAt = db.now();
        return record;
      });
    },

    async setScenarioStatus(orgId, id, status) {
      return db.mutate((data) => {
        const record = mustFind(data.scenarios, orgId, id);
        if (status === "published" && record.latestVersion === null) {
          throw new ConflictError(
            `Scenario '${id}' has never been published, so it cannot be marked published; publish a version instead.`,
          );
        }
        record.status = status;
        record.updatedAt = db.now();
        return record;
      });
    },

    async publishScenarioVersion(input) {
      const content = structuredClone(input.content);
      return db.mutate((data) => {
        const record = mustFind(data.scenarios, input.orgId, input.scenarioId);
        if (record.revision !== input.expectedRevision)
          throw staleRevision(input.scenarioId, record.revision, input.expectedRevision);
        if (
          data.scenarioVersions.some(
            (v) => sameVersion(input.orgId, input.scenarioId)(v) && v.version === input.version,
          )
        ) {
          throw new ConflictError(
            `Version ${input.version} of scenario '${input.scenarioId}' is already published; versions cannot be changed.`,
          );
        }
        const now = db.now();
        const version: ScenarioVersion = {
          scenarioId: input.scenarioId,
          orgId: input.orgId,
          version: input.version,
          content,
          publishedAt: now,
          publishedBy: input.publishedBy,
        };
        data.scenarioVersions.push(version);
        record.status = "published";
        record.latestVersion = Math.max(record.latestVersion ?? 0, input.version);
        record.updatedAt = now;
        return version;
      });
    },

    async ensureBundledVersion(input) {
      const existing = db
        .data()
        .scenarioVersions.find((v) => sameVersion(null, input.scenarioId)(v) && v.version === input.version);
      if (existing) return structuredClone(existing);
      const content = structuredClone(input.content);
      return db.mutate((data) => {
        // Checked again inside the change: another request may have recorded it while this one waited.
        const again = data.scenarioVersions.find(
          (v) => sameVersion(null, input.scenarioId)(v) && v.version === input.version,
        );
        if (again) return again;
        const version: ScenarioVersion = {
          scenarioId: input.scenarioId,
          orgId: null,
          version: input.version,
          content,
          publishedAt: db.now(),
          publishedBy: null,
        };
        data.scenarioVersions.push(version);
        return version;
      });
    },

    async getScenarioVersion(orgId, scenarioId, version) {
      const found = db.data().scenarioVersions.find((v) => sameVersion(orgId, scenarioId)(v) && v.version === version);
      return found ? structuredClone(found) : null;
    },

    async listScenarioVersions(orgId, scenarioId) {
      const versions = db.data().scenarioVersions.filter(sameVersion(orgId, scenarioId));
      return structuredClone(versions.sort((a, b) => a.version - b.version));
    },
  };
}
