// Rotating backups: one folder per backup (main file, attempts shards, manifest), one at open, at most one per
// interval before files are replaced, the newest N kept, real copies.
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createLowdbStore } from "~/storage/lowdb.server";
import { manualClock, tempDir } from "./storage-helpers";

async function backupsIn(dir: string): Promise<string[]> {
  return (await readdir(path.join(dir, "backups")).catch(() => [] as string[]))
    .filter((n) => !n.endsWith(".tmp"))
    .sort();
}

describe("lowdb backups", () => {
  it("copies the file at open, named by time, as a real copy (not a link to the live file)", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "webside.json");
    const clock = manualClock("2030-01-15T09:00:00.000Z");
    const first = await createLowdbStore({ file, now: clock.now });
    await first.createOrganisation({ name: "Northgate Trust" });
    await first.close();
    const beforeOpen = await backupsIn(dir);

    clock.advance(5_000);
    const second = await createLowdbStore({ file, now: clock.now });
    const after = await backupsIn(dir);
    expect(after).toEqual([...beforeOpen, "webside.2030-01-15T09-00-05-000Z"]);
    const copy = path.join(dir, "backups", "webside.2030-01-15T09-00-05-000Z", "webside.json");
    expect(await readFile(copy, "utf8")).toBe(await readFile(file, "utf8"));
    expect((await stat(copy)).ino).not.toBe((await stat(file)).ino);
    await second.close();
  });

  it("backs up at most once per interval while busy, each copy holding the data from before the write", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "webside.json");
    const clock = manualClock("2030-01-15T09:00:00.000Z");
    const store = await createLowdbStore({ file, now: clock.now, backupIntervalMs: 60_000 });
    // 13 writes, 10 s apart (0 s to 120 s): backups are due at 0 s (none yet), 60 s and 120 s.
    for (let i = 0; i < 13; i++) {
      await store.createOrganisation({ name: `Trust ${i}` });
      clock.advance(10_000);
    }
    const names = await backupsIn(dir);
    expect(names).toEqual([
      "webside.2030-01-15T09-00-00-000Z",
      "webside.2030-01-15T09-01-00-000Z",
      "webside.2030-01-15T09-02-00-000Z",
    ]);
    // The 09:01:00 backup was taken just before the 7th write, so it holds the first six trusts.
    const atOneMinute = JSON.parse(await readFile(path.join(dir, "backups", names[1]!, "webside.json"), "utf8")) as {
      organisations: unknown[];
    };
    expect(atOneMinute.organisations).toHaveLength(6);
    await store.close();
  });

  it("keeps only the newest N backups", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "webside.json");
    const clock = manualClock("2030-01-15T09:00:00.000Z");
    const store = await createLowdbStore({ file, now: clock.now, backups: 3, backupIntervalMs: 0 });
    for (let i = 0; i < 10; i++) {
      clock.advance(1_000);
      await store.createOrganisation({ name: `Trust ${i}` });
    }
    expect(await backupsIn(dir)).toEqual([
      "webside.2030-01-15T09-00-08-000Z",
      "webside.2030-01-15T09-00-09-000Z",
      "webside.2030-01-15T09-00-10-000Z",
    ]);
    const newest = JSON.parse(
      await readFile(path.join(dir, "backups", "webside.2030-01-15T09-00-10-000Z", "webside.json"), "utf8"),
    ) as {
      organisations: unknown[];
    };
    expect(newest.organisations).toHaveLength(9);
    await store.close();
  });

  it("makes none when backups is 0", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "webside.json");
    const store = await createLowdbStore({ file, backups: 0, backupIntervalMs: 0 });
    await store.createOrganisation({ name: "Northgate Trust" });
    await store.close();
    await (await createLowdbStore({ file, backups: 0 })).close();
    expect(await backupsIn(dir)).toEqual([]);
  });

  it("leaves other data files' backups in the same folder alone", async () => {
    const dir = await tempDir();
    const clock = manualClock();
    const other = await createLowdbStore({
      file: path.join(dir, "webside-other.json"),
      now: clock.now,
      backupIntervalMs: 0,
    });
    await other.createOrganisation({ name: "Other" });
    await other.close();
    const store = await createLowdbStore({
      file: path.join(dir, "webside.json"),
      now: clock.now,
      backups: 1,
      backupIntervalMs: 0,
    });
    for (let i = 0; i < 3; i++) {
      clock.advance(1_000);
      await store.createOrganisation({ name: `Trust ${i}` });
    }
    await store.close();
    const names = await backupsIn(dir);
    expect(names.filter((n) => n.startsWith("webside-other."))).toHaveLength(1);
    expect(names.filter((n) => n.startsWith("webside.2030"))).toHaveLength(1);
  });
});
