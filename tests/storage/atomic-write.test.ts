// A write is acknowledged only after temp write -> fsync -> rename -> directory fsync; a failed write changes
// nothing on disk or in memory; stale temp files go at open and none are left behind.
import { existsSync, readFileSync } from "node:fs";
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createLowdbStore } from "~/storage/lowdb.server";
import { writeFileAtomic } from "~/storage/lowdb/atomic-write.server";
import { gate, labelFor, recordingFs, tempDir, tempFilesIn, type FsOp } from "./storage-helpers";

describe("atomic, durable writes", () => {
  it("writes a temp file, fsyncs it, renames it over the file, fsyncs the folder, and only then resolves", async () => {
    const file = path.join(await tempDir(), "webside.json");
    const log: string[] = [];
    await writeFileAtomic(file, '{"a":1}', recordingFs({ log, label: labelFor(file) })).then(() =>
      log.push("resolved"),
    );
    expect(log).toEqual([
      "open temp wx",
      "write temp",
      "sync temp",
      "close temp",
      "rename temp -> file",
      "open dir r",
      "sync dir",
      "close dir",
      "resolved",
    ]);
    expect(await readFile(file, "utf8")).toBe('{"a":1}');
  });

  it("names temp files .<name>.<pid>.<random>.tmp in the same folder", async () => {
    const file = path.join(await tempDir(), "webside.json");
    const temps: string[] = [];
    const fs = recordingFs({
      log: [],
      label: labelFor(file),
      before: (op, p) => void (op === "open" && p.endsWith(".tmp") && temps.push(p)),
    });
    await writeFileAtomic(file, "1", fs);
    await writeFileAtomic(file, "2", fs);
    expect(temps).toHaveLength(2);
    expect(new Set(temps).size).toBe(2);
    for (const temp of temps) {
      expect(path.dirname(temp)).toBe(path.dirname(file));
      expect(path.basename(temp)).toMatch(new RegExp(`^\\.webside\\.json\\.${process.pid}\\.[0-9a-f]+\\.tmp$`));
    }
  });

  it("does not acknowledge a store change until the folder fsync has finished", async () => {
    const file = path.join(await tempDir(), "webside.json");
    const log: string[] = [];
    let hold: ReturnType<typeof gate> | null = null;
    const fs = recordingFs({
      log,
      label: labelFor(file),
      before: async (op: FsOp, p: string) => {
        if (hold && op === "sync" && p === path.dirname(file)) await hold.promise;
      },
    });
    const store = await createLowdbStore({ file, fs });
    hold = gate();
    log.length = 0;
    let acknowledged = false;
    const created = store.createOrganisation({ name: "Northgate Trust" }).then((org) => {
      acknowledged = true;
      return org;
    });
    // Wait (bounded) until the write reaches the held folder fsync: a fixed pause was too short on a busy machine.
    for (let waited = 0; log.at(-1) !== "open dir r" && waited < 10_000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // Renamed into place, but the folder entry is not yet durable: no acknowledgement yet.
    expect(log.at(-1)).toBe("open dir r");
    expect(log).toContain("rename temp -> file");
    expect(acknowledged).toBe(false);
    hold.open();
    const org = await created;
    expect(log.slice(-2)).toEqual(["sync dir", "close dir"]);
    expect(JSON.parse(await readFile(file, "utf8")).organisations).toEqual([org]);
    await store.close();
  });

  it("acknowledges each of many simultaneous changes only once the file on disk holds it", async () => {
    const file = path.join(await tempDir(), "webside.json");
    const store = await createLowdbStore({ file });
    const onDiskAtAck = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        store.createOrganisation({ name: `Trust ${i}` }).then((org) => readFileSync(file, "utf8").includes(org.id)),
      ),
    );
    expect(onDiskAtAck.every(Boolean)).toBe(true);
    await store.close();
  });

  it("leaves the file, the memory and the folder as they were when a write fails, and keeps working afterwards", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "webside.json");
    let failRename = false;
    const fs = recordingFs({
      log: [],
      label: labelFor(file),
      before: (op, p) => {
        if (failRename && op === "rename" && p.endsWith(".tmp") && path.dirname(p) === dir) {
          throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
        }
      },
    });
    const store = await createLowdbStore({ file, fs });
    const kept = await store.createOrganisation({ name: "Northgate Trust" });
    const before = await readFile(file);
    failRename = true;
    await expect(store.createOrganisation({ name: "Lost Trust" })).rejects.toThrow(/no space left/);
    expect((await readFile(file)).equals(before)).toBe(true);
    expect(await tempFilesIn(dir)).toEqual([]);
    expect(await store.listOrganisations()).toEqual([kept]);
    expect((await store.health()).ok).toBe(false);
    failRename = false;
    await store.createOrganisation({ name: "Southbay Health Board" });
    expect((await store.listOrganisations()).map((o) => o.name)).toEqual(["Northgate Trust", "Southbay Health Board"]);
    expect((await store.health()).ok).toBe(true);
    await store.close();
  });

  it("removes temp files a crash left behind when it opens, and leaves other files alone", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "webside.json");
    const store = await createLowdbStore({ file });
    await store.createOrganisation({ name: "Northgate Trust" });
    await store.close();
    const leftovers = [".webside.json.4242.0a1b2c.tmp", ".webside.json.17.ffff.tmp"];
    const unrelated = [".other.json.4242.0a1b2c.tmp", "notes.txt"];
    for (const name of [...leftovers, ...unrelated]) await writeFile(path.join(dir, name), "half a write");
    const backupLeftover = path.join(dir, "backups", ".webside.2030-01-15T09-00-00-000Z.json.4242.beef.tmp");
    await writeFile(backupLeftover, "half a backup");

    const reopened = await createLowdbStore({ file });
    const names = await readdir(dir);
    for (const name of leftovers) expect(names).not.toContain(name);
    for (const name of unrelated) expect(names).toContain(name);
    expect(existsSync(backupLeftover)).toBe(false);
    expect((await reopened.listOrganisations()).map((o) => o.name)).toEqual(["Northgate Trust"]);
    await reopened.close();
  });
});
