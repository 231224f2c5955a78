// What the lowdb file keeps across restarts, and how the store behaves around opening and closing.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConflictError, StoreUnavailableError } from "~/storage/errors";
import { createLowdbStore, SCHEMA_VERSION } from "~/storage/lowdb.server";
import type { Store } from "~/storage/types";
import { newAttempt } from "../contract/contract-helpers";
import { tempDir } from "./storage-helpers";

async function everything(store: Store, orgId: string, userId: string) {
  return {
    organisations: await store.listOrganisations(),
    teams: await store.listTeams(orgId),
    user: await store.getUser(userId),
    members: await store.listMembers(orgId),
    session: await store.getSession("session-1"),
    audit: await store.listAudit({ orgId }),
    attempts: await store.listAttemptsForOrg(orgId),
  };
}

describe("the lowdb store across restarts", () => {
  it("creates the data file, with its format version, as soon as it opens", async () => {
    const file = path.join(await tempDir(), "nested", "folder", "webside.json");
    const store = await createLowdbStore({ file });
    const onDisk = JSON.parse(await readFile(file, "utf8")) as { schemaVersion: number; users: unknown[] };
    expect(onDisk.schemaVersion).toBe(SCHEMA_VERSION);
    expect(onDisk.users).toEqual([]);
    await store.close();
  });

  it("gives back every kind of record after close and reopen", async () => {
    const file = path.join(await tempDir(), "webside.json");
    const store = await createLowdbStore({ file });
    const org = await store.createOrganisation({ name: "Northgate Trust" });
    const team = await store.createTeam({ orgId: org.id, name: "Physiotherapy" });
    const user = await store.createUser({ email: "Ann@Example.org", name: "Ann", passwordHash: "scrypt$1" });
    await store.setMembership({ userId: user.id, orgId: org.id, roles: ["clinician", "admin"], teamIds: [team.id] });
    await store.createSession({
      id: "session-1",
      userId: user.id,
      orgId: org.id,
      createdAt: "2030-01-15T09:00:00.000Z",
      lastSeenAt: "2030-01-15T09:00:00.000Z",
      expiresAt: "2030-01-15T21:00:00.000Z",
    });
    await store.appendAudit({ orgId: org.id, actorId: user.id, type: "login.success", detail: { ip: "192.0.2.1" } });
    const attempt = await store.createAttempt(newAttempt({ orgId: org.id, userId: user.id, mode: "assessment" }));
    await store.updateAttempt(attempt.id, 0, { path: ["greeting", "news"] });
    const before = await everything(store, org.id, user.id);
    await store.close();

    const reopened = await createLowdbStore({ file });
    expect(await everything(reopened, org.id, user.id)).toEqual(before);
    expect(before.attempts[0]?.revision).toBe(1);
    await reopened.close();
  });

  it("refuses use after close, reports itself closed, and closes twice without complaint", async () => {
    const file = path.join(await tempDir(), "webside.json");
    const store = await createLowdbStore({ file });
    await store.close();
    await expect(store.listOrganisations()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.createOrganisation({ name: "Too late" })).rejects.toThrow(/has been closed/);
    expect(await store.health()).toMatchObject({ ok: false, kind: "lowdb" });
    await expect(store.close()).resolves.toBeUndefined();
  });

  it("waits for writes in flight before closing", async () => {
    const file = path.join(await tempDir(), "webside.json");
    const store = await createLowdbStore({ file });
    const pending = store.createOrganisation({ name: "Northgate Trust" });
    await store.close();
    await pending;
    const onDisk = JSON.parse(await readFile(file, "utf8")) as { organisations: Array<{ name: string }> };
    expect(onDisk.organisations.map((o) => o.name)).toEqual(["Northgate Trust"]);
  });

  it("explains a stale attempt change in words a person can act on", async () => {
    const store = await createLowdbStore({ file: path.join(await tempDir(), "webside.json") });
    const attempt = await store.createAttempt(newAttempt({ orgId: "o", userId: "u" }));
    await store.updateAttempt(attempt.id, 0, {});
    const error = await store.updateAttempt(attempt.id, 0, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toBe(
      `Attempt ${attempt.id} has moved on (it is at revision 1, this change expected revision 0), probably in another tab. Reload the attempt and choose again.`,
    );
    await store.close();
  });

  it("reports its file and counts in health", async () => {
    const file = path.join(await tempDir(), "webside.json");
    const store = await createLowdbStore({ file });
    await store.createUser({ email: "a@example.org", name: "A", passwordHash: null });
    const health = await store.health();
    expect(health).toMatchObject({ ok: true, kind: "lowdb" });
    expect(health.detail).toContain(`${file}: 1 users, 0 attempts`);
    await store.close();
  });

  it("rejects a nonsensical backup setting with a clear message", async () => {
    const file = path.join(await tempDir(), "webside.json");
    await expect(createLowdbStore({ file, backups: -1 })).rejects.toThrow(
      "The number of backups to keep must be a whole number of 0 or more (got -1).",
    );
  });
});
