// Practice attempts in the lowdb store, with optimistic concurrency on `revision` so a stale write cannot overwrite a newer one.
// They live in attempts shards (AttemptShards), read through its indexes so no list scans every attempt.
import { ConflictError, NotFoundError } from "../errors";
import type { Attempt, AttemptPatch, AttemptRecords, AttemptSummary } from "../types";
import type { LowdbDatabase } from "./database.server";

const PATCHABLE = [
  "snapshot",
  "path",
  "status",
  "confidenceAfter",
  "reflection",
  "result",
  "presence",
  "completedAt",
] as const;

function applyPatch(attempt: Attempt, patch: AttemptPatch): void {
  for (const field of PATCHABLE) {
    const value = patch[field];
    // Cloned so the caller keeps no live reference into the stored attempt.
    if (value !== undefined) (attempt as unknown as Record<string, unknown>)[field] = structuredClone(value);
  }
}

export function attemptRecords(db: LowdbDatabase): AttemptRecords {
  const select = (from: Attempt[], keep: (a: Attempt) => boolean = () => true) => structuredClone(from.filter(keep));

  return {
    async createAttempt(input) {
      const copy = structuredClone(input);
      return db.mutateAttempts((attempts) => {
        const now = db.now();
        const attempt: Attempt = {
          id: db.newId(),
          orgId: copy.orgId,
          userId: copy.userId,
          scenarioId: copy.scenarioId,
          scenarioVersion: copy.scenarioVersion,
          mode: copy.mode,
          sayItFirst: copy.sayItFirst ?? false,
          status: copy.status ?? "in-progress",
          snapshot: copy.snapshot,
          revision: 0,
          path: copy.path,
          confidenceBefore: copy.confidenceBefore,
          confidenceAfter: copy.confidenceAfter,
          reflection: copy.reflection,
          result: copy.result,
          presence: copy.presence,
          assignmentId: copy.assignmentId,
          // Only live attempts carry the field, as in PostgreSQL, so solo attempts keep their old shape.
          ...(copy.liveSessionId ? { liveSessionId: copy.liveSessionId } : {}),
          startedAt: now,
          updatedAt: now,
          completedAt: null,
        };
        attempts.add(attempt);
        return attempt;
      });
    },

    async getAttempt(id) {
      const found = db.attemptData().get(id);
      return found ? structuredClone(found) : null;
    },

    async updateAttempt(id, expectedRevision, patch) {
      return db.mutateAttempts((attempts) => {
        const attempt = attempts.get(id);
        if (!attempt) throw new NotFoundError(`Attempt ${id} does not exist, so it cannot be updated.`);
        if (attempt.revision !== expectedRevision) {
          throw new ConflictError(
            `Attempt ${id} has moved on (it is at revision ${attempt.revision}, this change expected revision ${expectedRevision}), probably in another tab. Reload the attempt and choose again.`,
          );
        }
        applyPatch(attempt, patch);
        attempt.revision += 1;
        attempt.updatedAt = db.now();
        attempts.touch(id);
        return attempt;
      });
    },

    async listAttemptsForUser(userId, orgId) {
      return select(db.attemptData().forPerson(userId, orgId));
    },

    async listAttemptsForOrg(orgId, filter = {}) {
      const users = filter.userIds ? new Set(filter.userIds) : null;
      const summaries: AttemptSummary[] = [];
      for (const attempt of db.attemptData().forOrg(orgId)) {
        if (filter.scenarioId !== undefined && attempt.scenarioId !== filter.scenarioId) continue;
        if (users !== null && !users.has(attempt.userId)) continue;
        // Only the snapshot is left out, and only it is large: the rest is copied as every read is.
        const { snapshot: _snapshot, ...summary } = attempt;
        summaries.push(summary);
      }
      return structuredClone(summaries);
    },

    async listAttemptsForScenario(orgId, scenarioId) {
      return select(db.attemptData().forScenario(scenarioId), (a) => orgId === null || a.orgId === orgId);
    },
  };
}
