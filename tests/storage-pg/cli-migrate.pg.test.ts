// `webside db:migrate` and `webside migrate` (lowdb file -> PostgreSQL) against a fresh schema.
import { writeLowdbFixture } from "./lowdb-fixture";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "~/cli/main";
import { emptyData, type LowdbData } from "~/storage/lowdb/data.server";
import { createLowdbStore } from "~/storage/lowdb.server";
import type { Store } from "~/storage/types";
import { createPostgresStore } from "~/storage/postgres.server";
import { DATABASE_URL, SKIP_MESSAGE, dropSchema, freshSchemaName, queryInSchema } from "./fresh-schema";

if (!DATABASE_URL) console.warn(SKIP_MESSAGE);

const T0 = "2025-03-01T09:00:00.000Z";
const T1 = "2025-03-01T09:05:00.000Z";

function sampleData(): LowdbData {
  const data = emptyData();
  data.organisations.push(
    { id: "org-1", name: "North Trust", createdAt: T0 },
    { id: "org-2", name: "South Trust", createdAt: T1 },
  );
  data.teams.push({ id: "team-1", orgId: "org-1", name: "Physio", createdAt: T0 });
  data.users.push(
    {
      id: "user-1",
      email: "asha@north.nhs.uk",
      name: "Asha",
      passwordHash: "scrypt$16384$8$1$salt$hash",
      active: true,
      createdAt: T0,
      updatedAt: T1,
    },
    {
      id: "user-2",
      email: "ben@north.nhs.uk",
      name: "Ben",
      passwordHash: null,
      active: false,
      createdAt: T1,
      updatedAt: T1,
    },
  );
  data.memberships.push(
    { userId: "user-1", orgId: "org-1", roles: ["admin", "clinician"], teamIds: ["team-1"], createdAt: T0 },
    { userId: "user-2", orgId: "org-1", roles: ["clinician"], teamIds: [], createdAt: T1 },
  );
  data.sessions.push({
    id: "a".repeat(64),
    userId: "user-1",
    orgId: "org-1",
    createdAt: T0,
    lastSeenAt: T1,
    expiresAt: "2025-03-01T21:00:00.000Z",
  });
  // Same timestamp twice: the later one in the file must still list first.
  data.audit.push(
    { id: "ev-1", at: T0, orgId: "org-1", actorId: "user-1", type: "login.success", detail: { ip: "10.0.0.1" } },
    {
      id: "ev-2",
      at: T0,
      orgId: "org-1",
      actorId: "user-1",
      type: "role.change",
      detail: { roles: "admin", cli: true },
    },
    { id: "ev-3", at: T1, orgId: null, actorId: null, type: "login.failure", detail: { email: "x@y.z" } },
  );
  data.attempts.push({
    id: "att-1",
    orgId: "org-1",
    userId: "user-1",
    scenarioId: "first-call",
    scenarioVersion: 3,
    mode: "assessment",
    sayItFirst: false,
    status: "completed",
    snapshot: { value: "end", context: { scores: { rapport: 2 }, transcript: ["hi"] } },
    revision: 4,
    path: ["greeting", "plan", "end"],
    confidenceBefore: 2,
    confidenceAfter: 4,
    reflection: "Better than I thought",
    result: { endingId: "end", outcome: "good", scores: { rapport: 90 }, overall: 90, passed: true },
    presence: { faceVisible: 0.98, eyeContact: 0.7 },
    assignmentId: null,
    startedAt: T0,
    updatedAt: T1,
    completedAt: T1,
  });
  return data;
}

describe.skipIf(!DATABASE_URL)("webside db:migrate and webside migrate", () => {
  const url = DATABASE_URL!;
  const schemas: string[] = [];
  let dir: string;
  let logged: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "webside-migrate-"));
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    for (const name of schemas) await dropSchema(url, name);
  });

  function newSchema(): string {
    const name = freshSchemaName();
    schemas.push(name);
    return name;
  }

  /** Runs the CLI as `npx webside ...` would, returning its exit code; output lands in `logged`. */
  async function webside(...argv: string[]): Promise<number> {
    logged = [];
    vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void logged.push(args.join(" ")));
    return main(argv);
  }

  async function writeDataFile(name: string, data: unknown): Promise<string> {
    const file = path.join(dir, name);
    await writeLowdbFixture(file, data);
    return file;
  }

  it("db:migrate applies the migrations once and then reports the database up to date", async () => {
    const schema = newSchema();
    expect(await webside("db:migrate", "--url", url, "--schema", schema)).toBe(0);
    expect(logged).toContain("Applied 001_initial.sql");
    expect(await webside("db:migrate", "--url", url, "--schema", schema)).toBe(0);
    expect(logged.join("\n")).toMatch(/is up to date: all \d+ migration\(s\) had already run/);
    expect(logged.join("\n")).not.toContain("Applied");
  });

  it("previews a copy without writing anything", async () => {
    const schema = newSchema();
    const file = await writeDataFile("preview.json", sampleData());
    expect(await webside("migrate", "--from", file, "--to", url, "--schema", schema, "--dry-run")).toBe(0);
    const out = logged.join("\n");
    expect(out).toContain("Dry run: nothing will be written.");
    expect(out).toMatch(/attempts\s+1\s+0\s+1/);
    expect(out).toMatch(/audit_events\s+3\s+0\s+3/);
    const tables = await queryInSchema(
      url,
      schema,
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1",
      [schema],
    );
    expect(tables[0]!.n).toBe(0);
  });

  it("copies every record with its id, reads back identically, and changes nothing when run again", async () => {
    const schema = newSchema();
    const data = sampleData();
    const file = await writeDataFile("full.json", data);
    const before = { text: await readFile(file, "utf8"), mtime: (await stat(file)).mtimeMs };

    expect(await webside("migrate", "--from", file, "--to", url, "--schema", schema)).toBe(0);
    expect(logged.join("\n")).toMatch(/users\s+2\s+0\s+2/);
    expect(logged.join("\n")).toContain("Verified: all 12 records of the file are in PostgreSQL (12 copied now).");

    const store = await createPostgresStore({ connectionString: url, schema, poolSize: 2 });
    try {
      expect(await store.listOrganisations()).toEqual(data.organisations);
      expect(await store.listTeams("org-1")).toEqual(data.teams);
      expect(await store.getUser("user-1")).toEqual(data.users[0]);
      expect(await store.listMembers("org-1")).toEqual(
        data.memberships.map((membership, i) => ({ membership, user: data.users[i] })),
      );
      expect(await store.getSession("a".repeat(64))).toEqual(data.sessions[0]);
      expect((await store.listAudit({ orgId: "org-1" })).map((e) => e.id)).toEqual(["ev-2", "ev-1"]);
      expect(await store.listAudit({ orgId: null })).toEqual([data.audit[2]]);
      expect(await store.getAttempt("att-1")).toEqual(data.attempts[0]);
      // The copied attempt carries on from its revision.
      expect((await store.updateAttempt("att-1", 4, { reflection: "edited" })).revision).toBe(5);
      // New records after the copy do not collide with copied ones.
      await expect(
        store.createUser({ email: "ASHA@north.nhs.uk", name: "Dup", passwordHash: null }),
      ).rejects.toMatchObject({ field: "email" });
    } finally {
      await store.close();
    }

    expect(await webside("migrate", "--from", file, "--to", url, "--schema", schema)).toBe(0);
    expect(logged.join("\n")).toMatch(/users\s+2\s+2\s+0/);
    expect(logged.join("\n")).toContain("(0 copied now)");
    const attempt = await queryInSchema(url, schema, "SELECT revision, reflection FROM attempts WHERE id = 'att-1'");
    expect(attempt[0]).toEqual({ revision: 5, reflection: "edited" });

    expect(await readFile(file, "utf8")).toBe(before.text);
    expect((await stat(file)).mtimeMs).toBe(before.mtime);
  });

  it("copies an attempt written before the counter was called revision (stored as step) with its value", async () => {
    const schema = newSchema();
    const data = sampleData();
    const { revision, ...rest } = data.attempts[0]!;
    const file = await writeDataFile("older.json", {
      ...data,
      schemaVersion: 1,
      attempts: [{ ...rest, step: revision }],
    });
    expect(await webside("migrate", "--from", file, "--to", url, "--schema", schema)).toBe(0);
    const copied = await queryInSchema(url, schema, "SELECT revision FROM attempts WHERE id = 'att-1'");
    expect(copied).toEqual([{ revision: 4 }]);
  });

  it("copies a file the lowdb store wrote, after which both stores answer every read the same", async () => {
    const schema = newSchema();
    const file = path.join(dir, "written-by-lowdb.json");
    const lowdb = await createLowdbStore({ file, backups: 0 });
    let pg: Store | undefined;
    try {
      const org = await lowdb.createOrganisation({ name: "North Trust" });
      const other = await lowdb.createOrganisation({ name: "South Trust" });
      const team = await lowdb.createTeam({ orgId: org.id, name: "Nursing" });
      const users: Awaited<ReturnType<Store["createUser"]>>[] = [];
      for (const name of ["Asha", "Ben", "Cai"]) {
        users.push(
          await lowdb.createUser({
            email: `${name}@North.nhs.uk`,
            name,
            passwordHash: name === "Cai" ? null : "scrypt$h",
          }),
        );
      }
      for (const [i, user] of users.entries()) {
        await lowdb.setMembership({
          userId: user.id,
          orgId: i === 2 ? other.id : org.id,
          roles: ["clinician"],
          teamIds: i === 0 ? [team.id] : [],
        });
      }
      await lowdb.createSession({
        id: "f".repeat(64),
        userId: users[0]!.id,
        orgId: org.id,
        createdAt: T0,
        lastSeenAt: T0,
        expiresAt: T1,
      });
      await lowdb.appendAudit({ orgId: org.id, actorId: users[0]!.id, type: "login.success", detail: { n: 1 } });
      await lowdb.appendAudit({ orgId: null, actorId: null, type: "login.failure", detail: { reason: "unknown" } });
      const attempt = await lowdb.createAttempt({
        orgId: org.id,
        userId: users[0]!.id,
        scenarioId: "first-call",
        scenarioVersion: 1,
        mode: "learning",
        snapshot: { value: "a" },
        path: ["a"],
        confidenceBefore: 3,
        confidenceAfter: null,
        reflection: null,
        result: null,
        presence: null,
        assignmentId: null,
      });
      await lowdb.updateAttempt(attempt.id, 0, { path: ["a", "b"], snapshot: { value: "b", context: { n: [1, 2] } } });

      // lowdb writes before it acknowledges, so the file already holds everything; the running owner is flagged.
      expect(await webside("migrate", "--from", file, "--to", url, "--schema", schema)).toBe(0);
      expect(logged.join("\n")).toMatch(/Warning: a Webside server \(pid \d+\) has .* open/);

      pg = await createPostgresStore({ connectionString: url, schema, poolSize: 2 });
      const reads: Array<(s: Store) => Promise<unknown>> = [
        (s) => s.listOrganisations(),
        (s) => s.listTeams(org.id),
        (s) => s.listMembers(org.id),
        (s) => s.listMembers(other.id),
        (s) => s.listMembershipsForUser(users[0]!.id),
        (s) => s.getUserByEmail("asha@NORTH.nhs.uk"),
        (s) => s.countUsers(),
        (s) => s.getSession("f".repeat(64)),
        (s) => s.listAudit({ orgId: org.id }),
        (s) => s.listAudit({ orgId: null }),
        (s) => s.getAttempt(attempt.id),
        (s) => s.listAttemptsForOrg(org.id),
        (s) => s.listAttemptsForScenario(null, "first-call"),
      ];
      for (const read of reads) expect(await read(pg)).toEqual(await read(lowdb));
    } finally {
      await pg?.close();
      await lowdb.close();
    }
  });

  it("rolls the whole copy back when a record cannot be placed, and says which table", async () => {
    const schema = newSchema();
    const seeded = await createPostgresStore({ connectionString: url, schema, poolSize: 1 });
    await seeded.createUser({ email: "asha@north.nhs.uk", name: "Already here", passwordHash: null });
    await seeded.close();
    const file = await writeDataFile("clash.json", sampleData());
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void errors.push(args.join(" ")));

    expect(await webside("migrate", "--from", file, "--to", url, "--schema", schema)).toBe(1);
    expect(errors.join("\n")).toMatch(
      /Copying users failed, so nothing was copied: 2 records in the file but 1 of them/,
    );
    const orgs = await queryInSchema(url, schema, "SELECT count(*)::int AS n FROM organisations");
    expect(orgs[0]!.n).toBe(0);
  });

  it("refuses files it cannot copy completely or cannot read", async () => {
    const schema = newSchema();
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void errors.push(args.join(" ")));
    const future = await writeDataFile("future.json", { ...sampleData(), futureRecords: [{ id: "fr-1" }] });
    expect(await webside("migrate", "--from", future, "--to", url, "--schema", schema)).toBe(1);
    expect(errors.pop()).toMatch(/holds 1 "futureRecords" records, which this version cannot copy/);

    const newer = await writeDataFile("newer.json", { ...sampleData(), schemaVersion: 99 });
    expect(await webside("migrate", "--from", newer, "--to", url, "--schema", schema)).toBe(1);
    expect(errors.pop()).toMatch(/cannot be copied: it was written by a newer Webside \(format version 99/);

    const broken = path.join(dir, "broken.json");
    await writeFile(broken, '{"schemaVersion": 1, "users": [');
    expect(await webside("migrate", "--from", broken, "--to", url, "--schema", schema)).toBe(1);
    expect(errors.pop()).toMatch(/is not valid JSON .* Restore it from the backups\/ folder/);

    expect(await webside("migrate", "--to", url)).toBe(1);
    expect(errors.pop()).toMatch(/--from/);
  });
});
