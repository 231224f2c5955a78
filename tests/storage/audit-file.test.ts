// The audit log in its own file (main file format 3): appending an event writes that file and not the main file, a
// store of format 2 has its log moved out at start (after the start's backup, safely if the move is cut short), a
// missing log is refused naming its backup, and tools that read a stopped store see the events.
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { StoreUnavailableError } from "~/storage/errors";
import { createLowdbStore, readDataSet, SCHEMA_VERSION } from "~/storage/lowdb.server";
import { manualClock, recordingFs, tempDir } from "./storage-helpers";

async function storeWithEvents(file: string, count: number, now?: () => Date) {
  const store = await createLowdbStore({ file, backups: 0, now });
  const org = await store.createOrganisation({ name: "Northgate Trust" });
  for (let i = 0; i < count; i++) {
    await store.appendAudit({ orgId: org.id, actorId: null, type: "attempt.start", detail: { n: i } });
  }
  return { store, org };
}

const readJson = async (file: string) => JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;

describe("the lowdb audit file", () => {
  it("keeps events out of the main file, and appending one writes only the audit file", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "webside.json");
    const { store, org } = await storeWithEvents(file, 3);
    await store.close();
    expect(await readJson(file)).toMatchObject({ schemaVersion: SCHEMA_VERSION, audit: [] });
    const auditFile = path.join(dir, "webside.audit.json");
    expect(((await readJson(auditFile)).audit as unknown[]).length).toBe(3);

    const log: string[] = [];
    const fs = recordingFs({ log, label: (f) => path.relative(dir, f) });
    const reopened = await createLowdbStore({ file, backups: 0, fs });
    expect((await reopened.listAudit({ orgId: org.id })).map((e) => e.detail)).toEqual([{ n: 2 }, { n: 1 }, { n: 0 }]);
    log.length = 0;
    await reopened.appendAudit({ orgId: org.id, actorId: null, type: "attempt.start", detail: { n: 3 } });
    const replaced = log.filter((l) => l.startsWith("rename")).map((l) => l.split(" -> ")[1]);
    expect(replaced).toEqual(["webside.audit.json"]);
    await reopened.close();
    expect((await readDataSet(file)).audit.map((e) => e.detail)).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it("moves a format 2 store's log into its own file at start, after backing the old main file up", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "webside.json");
    const { store, org } = await storeWithEvents(file, 4);
    await store.close();
    // Format 2: the same data with the log inside the main file and no audit file.
    const whole = await readDataSet(file);
    const oldText = JSON.stringify({ ...whole, schemaVersion: 2, attempts: [] });
    await writeFile(file, oldText);
    await rm(path.join(dir, "webside.audit.json"));

    const clock = manualClock("2030-01-15T09:00:00.000Z");
    const upgraded = await createLowdbStore({ file, now: clock.now });
    expect((await upgraded.listAudit({ orgId: org.id })).length).toBe(4);
    await upgraded.close();
    expect(await readFile(path.join(dir, "backups", "webside.2030-01-15T09-00-00-000Z", "webside.json"), "utf8")).toBe(
      oldText,
    );
    expect(await readJson(file)).toMatchObject({ schemaVersion: 3, audit: [] });
    expect(((await readJson(path.join(dir, "webside.audit.json"))).audit as unknown[]).length).toBe(4);
  });

  it("finishes the move at the next start when the process dies between the audit file and the main file", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "webside.json");
    const { store, org } = await storeWithEvents(file, 2);
    await store.close();
    const whole = await readDataSet(file);
    await writeFile(file, JSON.stringify({ ...whole, schemaVersion: 2, attempts: [] }));
    await rm(path.join(dir, "webside.audit.json"));

    const dying = recordingFs({
      log: [],
      label: (f) => f,
      before: (op, f) => {
        if (op === "rename" && path.basename(String(f)).startsWith(".webside.json.")) throw new Error("power cut");
      },
    });
    await expect(createLowdbStore({ file, backups: 0, fs: dying })).rejects.toThrow(/power cut/);
    expect(await readJson(file)).toMatchObject({ schemaVersion: 2 });

    const again = await createLowdbStore({ file, backups: 0 });
    expect((await again.listAudit({ orgId: org.id })).map((e) => e.detail)).toEqual([{ n: 1 }, { n: 0 }]);
    await again.close();
    expect(await readJson(file)).toMatchObject({ schemaVersion: 3, audit: [] });
  });

  it("refuses to start without its audit file, naming the backup, and changes nothing", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "webside.json");
    const clock = manualClock("2030-01-15T09:00:00.000Z");
    const { store } = await storeWithEvents(file, 2, clock.now);
    await store.close();
    clock.advance(1_000);
    await (await createLowdbStore({ file, now: clock.now })).close();
    const mainBefore = await readFile(file, "utf8");
    await rm(path.join(dir, "webside.audit.json"));

    const error = (await createLowdbStore({ file, now: clock.now }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(StoreUnavailableError);
    const backup = path.join(dir, "backups", "webside.2030-01-15T09-00-01-000Z", "webside.audit.json");
    expect(error.message).toContain(`The audit log ${path.join(dir, "webside.audit.json")} is missing`);
    expect(error.message).toContain(`The newest backup is ${backup}`);
    expect(await readFile(file, "utf8")).toBe(mainBefore);
  });
});
