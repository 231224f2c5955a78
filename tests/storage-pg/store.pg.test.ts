// The PostgreSQL adapter's own behaviour: record shapes, uniqueness, organisation scoping, sessions, audit, attempts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, StoreUnavailableError, UniqueViolationError } from "~/storage/errors";
import { createPostgresStore } from "~/storage/postgres.server";
import type { NewAttempt, Store } from "~/storage/types";
import { DATABASE_URL, SKIP_MESSAGE, dropSchema, freshSchemaName, queryInSchema } from "./fresh-schema";

if (!DATABASE_URL) console.warn(SKIP_MESSAGE);

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe.skipIf(!DATABASE_URL)("PostgreSQL store", () => {
  const url = DATABASE_URL!;
  const schema = freshSchemaName();
  let store: Store;

  beforeAll(async () => {
    store = await createPostgresStore({ connectionString: url, schema, poolSize: 4 });
  });
  afterAll(async () => {
    await store?.close();
    await dropSchema(url, schema);
  });

  function newAttempt(orgId: string, userId: string, scenarioId = "first-call"): NewAttempt {
    return {
      orgId,
      userId,
      scenarioId,
      scenarioVersion: 2,
      mode: "learning",
      snapshot: { value: "greeting", context: { scores: { rapport: 1 }, list: [1, 2] } },
      path: ["greeting"],
      confidenceBefore: 3,
      confidenceAfter: null,
      reflection: null,
      result: null,
      presence: null,
      assignmentId: null,
    };
  }

  it("creates organisations and teams with ISO timestamps and keeps teams inside their organisation", async () => {
    const org = await store.createOrganisation({ name: "North Trust" });
    const other = await store.createOrganisation({ name: "South Trust" });
    expect(org).toEqual({ id: expect.any(String), name: "North Trust", createdAt: expect.stringMatching(ISO) });
    expect(await store.getOrganisation(org.id)).toEqual(org);
    expect(await store.getOrganisation("missing")).toBeNull();

    const a = await store.createTeam({ orgId: org.id, name: "Physio" });
    const b = await store.createTeam({ orgId: org.id, name: "Nursing" });
    await store.createTeam({ orgId: other.id, name: "GPs" });
    expect((await store.listTeams(org.id)).map((t) => t.name)).toEqual(["Physio", "Nursing"]);
    expect(await store.getTeam(other.id, a.id)).toBeNull();
    expect(await store.renameTeam(org.id, b.id, "Nurses")).toEqual({ ...b, name: "Nurses" });
    await expect(store.renameTeam(other.id, b.id, "Stolen")).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.createTeam({ orgId: "no-such-org", name: "X" })).rejects.toBeInstanceOf(NotFoundError);
    const names = (await store.listOrganisations()).map((o) => o.name);
    expect(names).toEqual(["North Trust", "South Trust"]);
  });

  it("keeps emails unique regardless of case and stores them lower-cased", async () => {
    const user = await store.createUser({ email: "Asha.Patel@Example.NHS.uk", name: "Asha", passwordHash: null });
    expect(user).toMatchObject({ email: "asha.patel@example.nhs.uk", active: true, passwordHash: null });
    expect(user.createdAt).toMatch(ISO);
    expect(await store.getUserByEmail("ASHA.PATEL@example.nhs.uk")).toEqual(user);

    const error = await store
      .createUser({ email: "asha.patel@EXAMPLE.nhs.uk", name: "Twin", passwordHash: null })
      .catch((e) => e);
    expect(error).toBeInstanceOf(UniqueViolationError);
    expect(error.field).toBe("email");

    const ben = await store.createUser({ email: "ben@example.nhs.uk", name: "Ben", passwordHash: "scrypt$x" });
    await expect(store.updateUser(ben.id, { email: "ASHA.patel@example.nhs.uk" })).rejects.toMatchObject({
      field: "email",
    });
    const renamed = await store.updateUser(ben.id, { name: "Ben O.", active: false });
    expect(renamed).toMatchObject({
      name: "Ben O.",
      active: false,
      email: "ben@example.nhs.uk",
      passwordHash: "scrypt$x",
    });
    await expect(store.updateUser("nobody", { name: "X" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await store.countUsers()).toBe(2);
  });

  it("replaces a membership in place, keeping when it was created", async () => {
    const org = await store.createOrganisation({ name: "Members Trust" });
    const team = await store.createTeam({ orgId: org.id, name: "Team" });
    const user = await store.createUser({ email: "member@example.nhs.uk", name: "Mem", passwordHash: null });
    const first = await store.setMembership({ userId: user.id, orgId: org.id, roles: ["clinician"], teamIds: [] });
    const second = await store.setMembership({
      userId: user.id,
      orgId: org.id,
      roles: ["clinician", "admin"],
      teamIds: [team.id],
    });
    expect(second).toEqual({ ...first, roles: ["clinician", "admin"], teamIds: [team.id] });
    expect(await store.getMembership(user.id, org.id)).toEqual(second);
    expect(await store.listMembershipsForUser(user.id)).toEqual([second]);
    const members = await store.listMembers(org.id);
    expect(members).toEqual([{ user: await store.getUser(user.id), membership: second }]);
    await expect(
      store.setMembership({ userId: "ghost", orgId: org.id, roles: ["admin"], teamIds: [] }),
    ).rejects.toThrow(/user does not exist/);
    await expect(
      store.setMembership({ userId: user.id, orgId: "ghost-org", roles: ["admin"], teamIds: [] }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await store.removeMembership(user.id, org.id);
    await store.removeMembership(user.id, org.id);
    expect(await store.getMembership(user.id, org.id)).toBeNull();
    expect(await store.listMembers(org.id)).toEqual([]);
  });

  it("stores sessions and removes them by user and by expiry", async () => {
    const base = { userId: "u-sessions", orgId: "o1", createdAt: "2030-01-01T09:00:00.000Z" };
    const live = await store.createSession({
      ...base,
      id: "s-live",
      lastSeenAt: "2030-01-01T10:00:00.000Z",
      expiresAt: "2030-01-01T21:00:00.000Z",
    });
    await store.createSession({
      ...base,
      id: "s-idle",
      lastSeenAt: "2030-01-01T09:00:00.000Z",
      expiresAt: "2030-01-01T21:00:00.000Z",
    });
    await store.createSession({
      ...base,
      id: "s-old",
      lastSeenAt: "2030-01-01T10:30:00.000Z",
      expiresAt: "2030-01-01T10:30:00.000Z",
    });
    expect(await store.getSession("s-live")).toEqual(live);
    await expect(store.createSession(live)).rejects.toMatchObject({ name: "UniqueViolationError", field: "id" });
    await expect(store.switchSessionOrg("s-gone", "o2")).rejects.toBeInstanceOf(NotFoundError);
    await store.touchSession("s-gone", "2030-01-01T10:20:00.000Z");

    await store.touchSession("s-live", "2030-01-01T10:20:00.000Z");
    await store.switchSessionOrg("s-live", "o2");
    expect(await store.getSession("s-live")).toMatchObject({ lastSeenAt: "2030-01-01T10:20:00.000Z", orgId: "o2" });

    // now 10:30, idle cutoff 09:30: s-idle went idle, s-old reached its absolute expiry.
    expect(await store.deleteExpiredSessions("2030-01-01T10:30:00.000Z", "2030-01-01T09:30:00.000Z")).toBe(2);
    expect(await store.getSession("s-idle")).toBeNull();
    expect(await store.getSession("s-old")).toBeNull();

    await store.createSession({
      ...base,
      id: "s-two",
      lastSeenAt: base.createdAt,
      expiresAt: "2030-01-02T00:00:00.000Z",
    });
    expect(await store.deleteSessionsForUser("u-sessions", "s-live")).toBe(1);
    expect(await store.getSession("s-live")).not.toBeNull();
    expect(await store.deleteSessionsForUser("u-sessions")).toBe(1);
    await store.deleteSession("s-live");
  });

  it("lists audit events newest first, per organisation or with none, filtered by type", async () => {
    const first = await store.appendAudit({
      orgId: "audit-org",
      actorId: "a1",
      type: "login.success",
      detail: { ip: "10.0.0.1" },
    });
    expect(first).toEqual({
      id: expect.any(String),
      at: expect.stringMatching(ISO),
      orgId: "audit-org",
      actorId: "a1",
      type: "login.success",
      detail: { ip: "10.0.0.1" },
    });
    await store.appendAudit({
      orgId: "audit-org",
      actorId: "a1",
      type: "role.change",
      detail: { to: "admin", count: 2, ok: true, none: null },
    });
    await store.appendAudit({ orgId: null, actorId: null, type: "login.failure", detail: {} });
    await store.appendAudit({
      orgId: "other-org",
      actorId: null,
      type: "login.success",
      detail: {},
      at: "2031-01-01T00:00:00.000Z",
    });

    expect((await store.listAudit({ orgId: "audit-org" })).map((e) => e.type)).toEqual([
      "role.change",
      "login.success",
    ]);
    expect((await store.listAudit({ orgId: "audit-org", type: "login.success" })).map((e) => e.id)).toEqual([first.id]);
    expect((await store.listAudit({ orgId: "audit-org", limit: 1 })).map((e) => e.type)).toEqual(["role.change"]);
    expect((await store.listAudit({ orgId: null })).map((e) => e.type)).toEqual(["login.failure"]);
    expect((await store.listAudit({ orgId: "other-org" }))[0]!.at).toBe("2031-01-01T00:00:00.000Z");

    // Without a limit every matching event comes back.
    for (let i = 0; i < 120; i++)
      await store.appendAudit({ orgId: "busy-org", actorId: null, type: "export", detail: { i } });
    const all = await store.listAudit({ orgId: "busy-org" });
    expect(all).toHaveLength(120);
    expect(all[0]!.detail).toEqual({ i: 119 });
  });

  it("round-trips attempts and applies patches only at the expected revision", async () => {
    const created = await store.createAttempt(newAttempt("att-org", "att-user"));
    expect(created).toMatchObject({
      revision: 0,
      status: "in-progress",
      completedAt: null,
      path: ["greeting"],
      confidenceBefore: 3,
    });
    expect(created.startedAt).toMatch(ISO);
    expect(await store.getAttempt(created.id)).toEqual(created);

    const result = {
      endingId: "good-end",
      outcome: "good" as const,
      scores: { rapport: 80 },
      overall: 80,
      passed: true,
    };
    const done = await store.updateAttempt(created.id, 0, {
      path: ["greeting", "plan"],
      status: "completed",
      result,
      presence: { faceVisible: 0.97 },
      reflection: "Went well",
      confidenceAfter: 4,
      completedAt: "2030-02-01T12:00:00.000Z",
    });
    expect(done).toMatchObject({
      revision: 1,
      status: "completed",
      result,
      presence: { faceVisible: 0.97 },
      reflection: "Went well",
      confidenceAfter: 4,
      completedAt: "2030-02-01T12:00:00.000Z",
    });
    expect(done.snapshot).toEqual(created.snapshot);

    await expect(store.updateAttempt(created.id, 0, { reflection: "stale" })).rejects.toBeInstanceOf(ConflictError);
    await expect(store.updateAttempt("missing", 0, { reflection: "x" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await store.getAttempt(created.id))!.reflection).toBe("Went well");
  });

  it("never returns another organisation's attempts", async () => {
    const mine = await store.createAttempt(newAttempt("org-a", "user-1", "s1"));
    const second = await store.createAttempt(newAttempt("org-a", "user-2", "s2"));
    const theirs = await store.createAttempt(newAttempt("org-b", "user-1", "s1"));
    expect((await store.listAttemptsForUser("user-1", "org-a")).map((a) => a.id)).toEqual([mine.id]);
    expect((await store.listAttemptsForOrg("org-a")).map((a) => a.id)).toEqual([mine.id, second.id]);
    expect((await store.listAttemptsForOrg("org-a", { scenarioId: "s2" })).map((a) => a.id)).toEqual([second.id]);
    expect((await store.listAttemptsForOrg("org-a", { userIds: ["user-1"] })).map((a) => a.id)).toEqual([mine.id]);
    expect(await store.listAttemptsForOrg("org-a", { userIds: [] })).toEqual([]);
    expect((await store.listAttemptsForScenario("org-b", "s1")).map((a) => a.id)).toEqual([theirs.id]);
    expect((await store.listAttemptsForScenario(null, "s1")).map((a) => a.id)).toEqual([mine.id, theirs.id]);
  });

  it("sends values as parameters, so quotes in text are data, not SQL", async () => {
    const org = await store.createOrganisation({ name: "O'Brien's'); DROP TABLE users; --" });
    expect((await store.getOrganisation(org.id))!.name).toBe("O'Brien's'); DROP TABLE users; --");
    const rows = await queryInSchema(url, schema, "SELECT count(*)::int AS n FROM users");
    expect(rows[0]!.n).toBeGreaterThan(0);
  });

  it("refuses work once closed, with the error the lowdb store gives", async () => {
    const other = await createPostgresStore({ connectionString: url, schema, poolSize: 1 });
    await other.close();
    await other.close();
    await expect(other.getOrganisation("x")).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(other.setMembership({ userId: "u", orgId: "o", roles: [], teamIds: [] })).rejects.toThrow(
      /has been closed/,
    );
  });

  it("reports the server version in health()", async () => {
    const health = await store.health();
    expect(health).toMatchObject({ ok: true, kind: "postgres" });
    expect(health.detail).toMatch(/PostgreSQL \d+/);
    expect(health.detail).toContain(schema);
  });
});
