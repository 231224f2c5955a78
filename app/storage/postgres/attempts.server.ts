// Attempts: created per practice run, changed one revision at a time with optimistic concurrency.
import { ConflictError, NotFoundError } from "../errors";
import type { AttemptPatch, AttemptRecords } from "../types";
import type { Db } from "./context.server";
import { ATTEMPT_SUMMARY_COLUMNS, jsonParam, toAttempt, toAttemptSummary } from "./rows.server";

/** Patch field -> column and how its value is sent. Column names only ever come from this table. */
const PATCH_COLUMNS: Record<keyof AttemptPatch, { column: string; json?: true }> = {
  snapshot: { column: "snapshot", json: true },
  path: { column: "path", json: true },
  status: { column: "status" },
  confidenceAfter: { column: "confidence_after" },
  reflection: { column: "reflection" },
  result: { column: "result", json: true },
  presence: { column: "presence", json: true },
  completedAt: { column: "completed_at" },
};

export function attemptRecords(db: Db): AttemptRecords {
  return {
    async createAttempt(input) {
      const now = db.now();
      const [row] = await db.rows(
        `INSERT INTO attempts (id, org_id, user_id, scenario_id, scenario_version, mode, status, snapshot, revision, path,
                               confidence_before, confidence_after, reflection, result, presence, assignment_id,
                               started_at, updated_at, completed_at, say_it_first, live_session_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, 0, $9::jsonb, $10, $11, $12, $13::jsonb, $14::jsonb, $15, $16, $16, NULL, $17, $18)
         RETURNING *`,
        [
          db.newId(),
          input.orgId,
          input.userId,
          input.scenarioId,
          input.scenarioVersion,
          input.mode,
          input.status ?? "in-progress",
          jsonParam(input.snapshot),
          JSON.stringify(input.path ?? []),
          input.confidenceBefore ?? null,
          input.confidenceAfter ?? null,
          input.reflection ?? null,
          jsonParam(input.result),
          jsonParam(input.presence),
          input.assignmentId ?? null,
          now,
          input.sayItFirst ?? false,
          input.liveSessionId ?? null,
        ],
      );
      return toAttempt(row!);
    },

    async getAttempt(id) {
      const [row] = await db.rows("SELECT * FROM attempts WHERE id = $1", [id]);
      return row ? toAttempt(row) : null;
    },

    async updateAttempt(id, expectedRevision, patch) {
      const params: unknown[] = [id, expectedRevision, db.now()];
      const sets = ["revision = revision + 1", "updated_at = $3"];
      for (const [field, spec] of Object.entries(PATCH_COLUMNS) as Array<
        [keyof AttemptPatch, { column: string; json?: true }]
      >) {
        const value = patch[field];
        if (value === undefined) continue;
        params.push(spec.json ? jsonParam(value) : value);
        sets.push(`${spec.column} = $${params.length}${spec.json ? "::jsonb" : ""}`);
      }
      // One statement: the revision check and the write cannot be separated by another request.
      const [row] = await db.rows(
        `UPDATE attempts SET ${sets.join(", ")} WHERE id = $1 AND revision = $2 RETURNING *`,
        params,
      );
      if (row) return toAttempt(row);
      const [current] = await db.rows("SELECT revision FROM attempts WHERE id = $1", [id]);
      if (!current) throw new NotFoundError(`Attempt ${id} does not exist, so it cannot be updated.`);
      throw new ConflictError(
        `Attempt ${id} has moved on (it is at revision ${String(current.revision)}, this change expected revision ${expectedRevision}), probably in another tab. Reload the attempt and choose again.`,
      );
    },

    async listAttemptsForUser(userId, orgId) {
      const rows = await db.rows("SELECT * FROM attempts WHERE user_id = $1 AND org_id = $2 ORDER BY seq", [
        userId,
        orgId,
      ]);
      return rows.map(toAttempt);
    },

    async listAttemptsForOrg(orgId, filter = {}) {
      const params: unknown[] = [orgId];
      const where = ["org_id = $1"];
      if (filter.scenarioId !== undefined) where.push(`scenario_id = $${params.push(filter.scenarioId)}`);
      if (filter.userIds !== undefined) where.push(`user_id = ANY($${params.push(filter.userIds)}::text[])`);
      const rows = await db.rows(
        `SELECT ${ATTEMPT_SUMMARY_COLUMNS} FROM attempts WHERE ${where.join(" AND ")} ORDER BY seq`,
        params,
      );
      return rows.map(toAttemptSummary);
    },

    async listAttemptsForScenario(orgId, scenarioId) {
      // A null organisation means across every organisation (bundled-scenario analytics).
      const rows =
        orgId === null
          ? await db.rows("SELECT * FROM attempts WHERE scenario_id = $1 ORDER BY seq", [scenarioId])
          : await db.rows("SELECT * FROM attempts WHERE org_id = $1 AND scenario_id = $2 ORDER BY seq", [
              orgId,
              scenarioId,
            ]);
      return rows.map(toAttempt);
    },
  };
}
