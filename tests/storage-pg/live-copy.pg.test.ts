// `webside migrate` carries live sessions and ratings (and the attempt's live session) from a lowdb file into
// PostgreSQL, reading back exactly as lowdb returned them; signals never reach the file, so none are copied.
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { main } from "~/cli/main";
import { joinSession } from "~/core/live/joining";
import { createLiveSession } from "~/core/live/session";
import { createLowdbStore } from "~/storage/lowdb.server";
import { createPostgresStore } from "~/storage/postgres.server";
import { DATABASE_URL, migrationScratch } from "./fresh-schema";

describe.skipIf(!DATABASE_URL)("webside migrate: live sessions", () => {
  const { url, schema, folder } = migrationScratch("webside-live-copy-");

  it("copies sessions and ratings, and the copied session keeps working (joinable by code, saved by revision)", async () => {
    const dir = await folder();
    const file = path.join(dir, "webside.json");
    const lowdb = await createLowdbStore({ file, backups: 0 });
    const org = await lowdb.createOrganisation({ name: "North Trust" });
    const lobby = createLiveSession({
      id: "live-1",
      orgId: org.id,
      code: "7K4MQ2XD",
      scenarioId: "valid-consultation",
      scenarioVersion: 1,
      parts: [{ id: "maria", name: "Maria" }],
      learner: { userId: "learner-1", name: "Dr Lee" },
      now: "2030-01-01T09:00:00.000Z",
    });
    const created = await lowdb.createLiveSession(lobby);
    const joined = joinSession(created, {
      userId: "actor-1",
      orgId: org.id,
      name: "Sam",
      role: "actor",
      now: "2030-01-01T09:01:00.000Z",
    });
    if (!joined.ok) throw new Error(joined.message);
    const session = await lowdb.saveLiveSession(org.id, created.id, 0, joined.session);
    const rating = await lowdb.saveLiveRating({
      sessionId: session.id,
      orgId: org.id,
      userId: "actor-1",
      kind: "patient",
      part: "maria",
      final: true,
      answers: { ease: 4 },
      updatedAt: "2030-01-01T09:30:00.000Z",
    });
    const attempt = await lowdb.createAttempt({
      orgId: org.id,
      userId: "learner-1",
      scenarioId: "valid-consultation",
      scenarioVersion: 1,
      mode: "assessment",
      snapshot: null,
      path: [],
      confidenceBefore: null,
      confidenceAfter: null,
      reflection: null,
      result: null,
      presence: null,
      assignmentId: null,
      liveSessionId: session.id,
    });
    await lowdb.appendLiveSignals(
      session.id,
      [{ from: "actor-1", to: null, message: { type: "bye" } }],
      rating.updatedAt,
    );
    await lowdb.close();

    vi.spyOn(console, "log").mockImplementation(() => undefined);
    expect(await main(["migrate", "--from", file, "--to", url, "--schema", schema])).toBe(0);
    vi.restoreAllMocks();

    const pg = await createPostgresStore({ connectionString: url, schema, poolSize: 2 });
    try {
      expect(await pg.getLiveSession(org.id, session.id)).toEqual(session);
      expect(await pg.findOpenLiveSessionByCode("7K4MQ2XD")).toEqual(session);
      expect((await pg.listLiveSessionsForUser(org.id, "actor-1")).map((s) => s.id)).toEqual([session.id]);
      expect(await pg.listLiveRatings(org.id, session.id)).toEqual([rating]);
      expect((await pg.getAttempt(attempt.id))?.liveSessionId).toBe(session.id);
      expect(await pg.lastLiveSignal(session.id)).toBe(0);
      const saved = await pg.saveLiveSession(org.id, session.id, session.revision, { ...session, status: "ended" });
      expect(saved.revision).toBe(session.revision + 1);
    } finally {
      await pg.close();
    }
  });
});
