// Practice attempts in the lowdb store, with optimistic concurrency on `step` so a stale choice cannot overwrite a newer one.
import { ConflictError, NotFoundError } from "../errors";
import type { Attempt, AttemptPatch, Store } from "../types";
import type { LowdbDatabase } from "./database.server";

type AttemptFunctions = Pick<
  Store,
  | "createAttempt"
  | "getAttempt"
  | "updateAttempt"
  | "listAttemptsForUser"
  | "listAttemptsForOrg"
  | "listAttemptsForScenario"
>;

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

export function attemptFunctions(db: LowdbDatabase): AttemptFunctions {
  const select = (keep: (a: Attempt) => boolean) => structuredClone(db.data().attempts.filter(keep));

  return {
    async createAttempt(input) {
      const copy = structuredClone(input);
      return db.mutate((data) => {
        const now = db.now();
        const attempt: Attempt = {
          id: db.newId(),
          orgId: copy.orgId,
          userId: copy.userId,
          scenarioId: copy.scenarioId,
          scenarioVersion: copy.scenarioVersion,
          mode: copy.mode,
          status: copy.status ?? "in-progress",
          snapshot: copy.snapshot,
          step: 0,
          path: copy.path,
          confidenceBefore: copy.confidenceBefore,
          confidenceAfter: copy.confidenceAfter,
          reflection: copy.reflection,
          result: copy.result,
          presence: copy.presence,
          assignmentId: copy.assignmentId,
          startedAt: now,
          updatedAt: now,
          completedAt: null,
        };
        data.attempts.push(attempt);
        return attempt;
      });
    },

    async getAttempt(id) {
      const found = db.data().attempts.find((a) => a.id === id);
      return found ? structuredClone(found) : null;
    },

    async updateAttempt(id, expectedStep, patch) {
      return db.mutate((data) => {
        const attempt = data.attempts.find((a) => a.id === id);
        if (!attempt) throw new NotFoundError(`Attempt ${id} does not exist, so it cannot be updated.`);
        if (attempt.step !== expectedStep) {
          throw new ConflictError(
            `Attempt ${id} has moved on (it is at step ${attempt.step}, this change expected step ${expectedStep}), probably in another tab. Reload the attempt and choose again.`,
          );
        }
        applyPatch(attempt, patch);
        attempt.step += 1;
        attempt.updatedAt = db.now();
        return attempt;
      });
    },

    async listAttemptsForUser(userId, orgId) {
      return select((a) => a.userId === userId && a.orgId === orgId);
    },

    async listAttemptsForOrg(orgId, filter = {}) {
      const users = filter.userIds ? new Set(filter.userIds) : null;
      return select(
        (a) =>
          a.orgId === orgId &&
          (filter.scenarioId === undefined || a.scenarioId === filter.scenarioId) &&
          (users === null || users.has(a.userId)),
      );
    },

    async listAttemptsForScenario(orgId, scenarioId) {
      return select((a) => a.scenarioId === scenarioId && (orgId === null || a.orgId === orgId));
    },
  };
}
