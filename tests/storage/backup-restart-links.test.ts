// The first backup after a restart links the files that are exactly as the newest backup copied them (same size, inode
// and modification time) instead of copying the whole history at every start; a file replaced or edited in place
// since is copied afresh, and a backup never shares an inode with a live file.
import { readFile, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createLowdbStore, shardFolderFor, shardName, shardOf } from "~/storage/lowdb.server";
import { manualClock, seedAttempts, tempDir } from "./storage-helpers";

describe("backups after a restart", () => {
  it("link what is unchanged since the newest backup and copy what changed", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "webside.json");
    const clock = manualClock("2030-01-15T09:00:00.000Z");
    let store = await createLowdbStore({ file, now: clock.now });
    const { ids } = await seedAttempts(store, 12);
    await store.close();
    clock.advance(1_000);
    // The first backup (at this second start, 09:00:01) has nothing to link to, so it copies everything.
    await (await createLowdbStore({ file, now: clock.now })).close();

    // Since then: one attempt changed through the store, and one shard touched in place by hand (same bytes).
    clock.advance(1_000);
    store = await createLowdbStore({ file, now: clock.now, backupIntervalMs: 3_600_000 });
    await store.updateAttempt(ids[0]!, 0, { path: ["start", "next"] });
    await store.close();
    const folder = shardFolderFor(file);
    const touched = shardName(shardOf(ids.find((id) => shardOf(id) !== shardOf(ids[0]!))!));
    const touchedPath = path.join(folder, touched);
    await writeFile(touchedPath, await readFile(touchedPath));
    await utimes(touchedPath, new Date("2031-01-01"), new Date("2031-01-01"));

    clock.advance(1_000);
    await (await createLowdbStore({ file, now: clock.now })).close();
    const previous = path.join(dir, "backups", "webside.2030-01-15T09-00-02-000Z");
    const latest = path.join(dir, "backups", "webside.2030-01-15T09-00-03-000Z");
    const inode = async (p: string) => (await stat(p)).ino;
    const changed = path.join("webside.attempts", shardName(shardOf(ids[0]!)));
    const unchanged = ids
      .map((id) => path.join("webside.attempts", shardName(shardOf(id))))
      .find((p) => p !== changed && path.basename(p) !== touched)!;

    expect(await inode(path.join(latest, unchanged))).toBe(await inode(path.join(previous, unchanged)));
    expect(await inode(path.join(latest, changed))).not.toBe(await inode(path.join(previous, changed)));
    const copiedTouched = path.join(latest, "webside.attempts", touched);
    expect(await inode(copiedTouched)).not.toBe(await inode(path.join(previous, "webside.attempts", touched)));
    for (const p of [unchanged, changed, path.join("webside.attempts", touched)]) {
      expect(await inode(path.join(latest, p))).not.toBe(await inode(path.join(dir, p)));
    }
    const copied = JSON.parse(await readFile(path.join(latest, changed), "utf8")) as {
      attempts: Array<{ attempt: { id: string; path: string[] } }>;
    };
    expect(copied.attempts.find((e) => e.attempt.id === ids[0])?.attempt.path).toEqual(["start", "next"]);
  });
});
