// The number of attempts shards grows with the history: a start that finds more than `shardFill` attempts per shard
// spreads them over twice as many files (or more), so what a choice rewrites stays small. The re-spread is backed up
// first, keeps every attempt and the creation order, and a crash at any point of it loses nothing: the next start puts
// the files back together (the newer layout's copy wins) and finishes the job.
import { copyFile, readFile, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  BASE_SHARD_COUNT,
  createLowdbStore,
  readDataSet,
  shardCountFor,
  shardFolderFor,
  shardName,
  shardOf,
} from "~/storage/lowdb.server";
import { manualClock, recordingFs, seedAttempts, tempDir } from "./storage-helpers";

// 40 attempts at 0.01 per shard: 1,024 -> 4,096 shards (40 > 20.48 at 2,048; 40 <= 40.96 at 4,096).
const FILL = 0.01;
const GROWN = 4096;

const seed = seedAttempts;

interface OnDisk {
  shard: number;
  of: number;
  shardFormat: number;
  attempts: Array<{ seq: number; attempt: { id: string; revision: number } }>;
}

async function shardsOnDisk(file: string): Promise<Map<string, OnDisk>> {
  const folder = shardFolderFor(file);
  const out = new Map<string, OnDisk>();
  for (const name of (await readdir(folder)).filter((n) => /^\d+\.json$/.test(n))) {
    out.set(name, JSON.parse(await readFile(path.join(folder, name), "utf8")) as OnDisk);
  }
  return out;
}

/** A store of 40 attempts in the original 1,024-shard layout, closed. */
async function smallStore(dir: string) {
  const file = path.join(dir, "webside.json");
  const store = await createLowdbStore({ file, backups: 0 });
  const seeded = await seed(store, 40);
  await store.updateAttempt(seeded.ids[5]!, 0, { path: ["start", "next"] });
  await store.close();
  return { file, ...seeded };
}

describe("shard count", () => {
  it("is 1,024 up to 16 attempts per shard, then doubles, up to a cap", () => {
    expect(shardCountFor(0)).toBe(BASE_SHARD_COUNT);
    expect(shardCountFor(10_000)).toBe(1024);
    expect(shardCountFor(16_384)).toBe(1024);
    expect(shardCountFor(16_385)).toBe(2048);
    expect(shardCountFor(100_000)).toBe(8192);
    expect(shardCountFor(1e9)).toBe(65_536);
    expect(shardCountFor(40, FILL)).toBe(GROWN);
  });

  it("moves an attempt only to its own number or a higher one when the count doubles", () => {
    for (const id of ["a", "attempt-1", "9d5ebecb-06c8-42be-918c-6ff02218d705", "z".repeat(40)]) {
      const small = shardOf(id, 1024);
      expect([small, small + 1024]).toContain(shardOf(id, 2048));
      expect(shardOf(id, 8192) % 1024).toBe(small);
    }
  });
});

describe("re-spreading the attempts shards", () => {
  it("spreads a grown history over more files at start, after a backup, keeping every attempt and its order", async () => {
    const dir = await tempDir();
    const { file, org, user, ids } = await smallStore(dir);
    const before = await shardsOnDisk(file);
    expect([...before.values()].every((s) => s.of === 1024)).toBe(true);

    const clock = manualClock("2030-01-15T09:00:00.000Z");
    const store = await createLowdbStore({ file, shardFill: FILL, now: clock.now });
    expect((await store.listAttemptsForUser(user.id, org.id)).map((a) => a.id)).toEqual(ids);
    expect((await store.getAttempt(ids[5]!))?.path).toEqual(["start", "next"]);
    // A change after the spread goes to the attempt's file in the new layout, and only there.
    await store.updateAttempt(ids[9]!, 0, { reflection: "after the spread" });
    await store.close();

    const after = await shardsOnDisk(file);
    const seen = new Map<string, string>();
    for (const [name, shard] of after) {
      expect(shard).toMatchObject({ shardFormat: 3, of: GROWN });
      for (const { attempt } of shard.attempts) {
        expect(seen.has(attempt.id)).toBe(false);
        seen.set(attempt.id, name);
        expect(name).toBe(shardName(shardOf(attempt.id, GROWN)));
      }
    }
    expect([...seen.keys()].sort()).toEqual([...ids].sort());
    expect((await readDataSet(file)).attempts.map((a) => [a.id, a.reflection ?? null])).toEqual(
      ids.map((id, i) => [id, i === 9 ? "after the spread" : null]),
    );
    // The backup taken before the spread holds the old layout, whole.
    const backup = path.join(dir, "backups", "webside.2030-01-15T09-00-00-000Z", "webside.attempts");
    const backedUp = await readdir(backup);
    expect(backedUp.sort()).toEqual([...before.keys()].sort());

    // The next start finds the layout settled and rewrites nothing.
    const log: string[] = [];
    const fs = recordingFs({ log, label: (f) => path.relative(dir, f) });
    await (await createLowdbStore({ file, shardFill: FILL, backups: 0, fs })).close();
    expect(log.filter((l) => l.startsWith("rename"))).toEqual([]);
  });

  it.each([1, 7, 25])("loses nothing when the process dies after %i shard files of a spread", async (survive) => {
    const dir = await tempDir();
    const { file, org, user, ids } = await smallStore(dir);
    let renames = 0;
    const dying = recordingFs({
      log: [],
      label: (f) => f,
      before: (op, f) => {
        // After `survive` shard files are in place, every further file operation fails, as if the process had died.
        if (op === "rename" && f.includes(".attempts")) renames++;
        if (renames > survive) throw new Error("power cut");
      },
    });
    await expect(createLowdbStore({ file, shardFill: FILL, backups: 0, fs: dying })).rejects.toThrow(/power cut/);
    const mixed = [...(await shardsOnDisk(file)).values()];
    expect(new Set(mixed.map((s) => s.of))).toEqual(new Set([1024, GROWN]));

    // What is on disk now, read without opening: every attempt once, the newer copy where there are two.
    expect((await readDataSet(file)).attempts.map((a) => a.id)).toEqual(ids);
    const store = await createLowdbStore({ file, shardFill: FILL, backups: 0 });
    expect((await store.listAttemptsForUser(user.id, org.id)).map((a) => [a.id, a.revision])).toEqual(
      ids.map((id, i) => [id, i === 5 ? 1 : 0]),
    );
    await store.close();
    const settled = [...(await shardsOnDisk(file)).values()];
    expect(settled.every((s) => s.of === GROWN)).toBe(true);
    expect(settled.flatMap((s) => s.attempts).length).toBe(40);
  });

  it("backs up the new layout once at the start that spread it, so the next start links the shards", async () => {
    const dir = await tempDir();
    const { file } = await smallStore(dir);
    // A clock that moves a second at each reading, so each backup has its own name.
    let tick = 0;
    const now = () => new Date(Date.parse("2030-01-15T09:00:00.000Z") + 1000 * tick++);
    await (await createLowdbStore({ file, shardFill: FILL, now })).close();
    const backups = path.join(dir, "backups");
    const taken = (await readdir(backups)).sort();
    const shardsIn = (backup: string) => readdir(path.join(backups, backup, "webside.attempts"));
    // Before the spread: the old layout; after it: the new one, whole.
    const live = [...(await shardsOnDisk(file)).keys()].sort();
    expect((await shardsIn(taken.at(-2)!)).length).toBeLessThan(live.length);
    expect((await shardsIn(taken.at(-1)!)).sort()).toEqual(live);

    // The next start's backup is all links to that copy: every shard file has a second name.
    await (await createLowdbStore({ file, shardFill: FILL, now })).close();
    const newest = (await readdir(backups)).sort().at(-1)!;
    expect(newest).not.toBe(taken.at(-1));
    for (const name of live) {
      expect((await stat(path.join(backups, newest, "webside.attempts", name))).nlink).toBeGreaterThanOrEqual(2);
    }
  });

  it("takes the newer layout's copy when a shard from a backup of the old layout is restored among new files", async () => {
    const dir = await tempDir();
    const { file, ids } = await smallStore(dir);
    // One attempt whose file number stays when the count grows, one whose number moves (3 in 4 do, so 40 hold both).
    const stayed = ids.find((id) => shardOf(id, GROWN) === shardOf(id, 1024))!;
    const moved = ids.find((id) => shardOf(id, GROWN) !== shardOf(id, 1024))!;
    const clock = manualClock("2030-01-15T09:00:00.000Z");
    let store = await createLowdbStore({ file, shardFill: FILL, now: clock.now });
    for (const id of [stayed, moved]) await store.updateAttempt(id, 0, { reflection: "newer" });
    await store.close();

    // Restore, over the new files of the same numbers, the old layout's files that held them (from the spread's backup).
    const backup = path.join(dir, "backups", "webside.2030-01-15T09-00-00-000Z", "webside.attempts");
    for (const id of [stayed, moved]) {
      const name = shardName(shardOf(id, 1024));
      await copyFile(path.join(backup, name), path.join(shardFolderFor(file), name));
    }
    store = await createLowdbStore({ file, shardFill: FILL, backups: 0 });
    // The moved attempt's newer copy is still in its new file; the other's only copy is now the restored one.
    expect((await store.getAttempt(moved))?.reflection).toBe("newer");
    expect((await store.getAttempt(stayed))?.reflection).toBeUndefined();
    for (const id of ids) expect((await store.getAttempt(id))?.id).toBe(id);
    await store.close();
    const after = [...(await shardsOnDisk(file)).values()];
    expect(after.every((s) => s.of === GROWN)).toBe(true);
    expect(after.flatMap((s) => s.attempts).length).toBe(40);
  });

  it("upgrades a large single-file store straight into the layout its size needs", async () => {
    const dir = await tempDir();
    const { file, ids } = await smallStore(dir);
    const single = path.join(dir, "single.json");
    const whole = await readDataSet(file);
    await writeFile(single, JSON.stringify({ ...whole, schemaVersion: 1 }));
    await (await createLowdbStore({ file: single, shardFill: FILL, backups: 0 })).close();
    const shards = [...(await shardsOnDisk(single)).values()];
    expect(shards.every((s) => s.of === GROWN)).toBe(true);
    expect((await readDataSet(single)).attempts.map((a) => a.id)).toEqual(ids);
  });
});
