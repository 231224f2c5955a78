// Attempts in shards: a choice rewrites only its attempt's shard, lists come back in creation order after a reopen,
// a corrupt shard is refused naming its backup while the other shards stay untouched, backups copy the whole set
// with a manifest, and a single-file store from before the shards is upgraded at open after being backed up.
import { copyFile, readFile, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { StoreUnavailableError } from "~/storage/errors";
import { createLowdbStore, readDataSet, shardFolderFor, shardOf } from "~/storage/lowdb.server";
import { manualClock, seedAttempts, tempDir } from "./storage-helpers";

const seed = seedAttempts;

function shardFile(file: string, id: string): string {
  return path.join(shardFolderFor(file), `${String(shardOf(id)).padStart(4, "0")}.json`);
}

describe("lowdb attempts shards", () => {
  it("keeps attempts out of the main file, rewrites only the changed shard, and lists in creation order after a reopen", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "webside.json");
    let store = await createLowdbStore({ file, backups: 0 });
    const { org, user, ids } = await seed(store, 40);
    const main = JSON.parse(await readFile(file, "utf8")) as { schemaVersion: number; attempts: unknown[] };
    expect(main.schemaVersion).toBe(3);
    expect(main.attempts).toEqual([]);

    const target = ids[7]!;
    const others = (await readdir(shardFolderFor(file))).filter((n) => n !== path.basename(shardFile(file, target)));
    const before = new Map(
      await Promise.all(others.map(async (n) => [n, (await stat(path.join(shardFolderFor(file), n))).ino] as const)),
    );
    await store.updateAttempt(target, 0, { path: ["start", "next"] });
    for (const [n, ino] of before) expect((await stat(path.join(shardFolderFor(file), n))).ino).toBe(ino);
    await store.close();

    store = await createLowdbStore({ file, backups: 0 });
    expect((await store.listAttemptsForUser(user.id, org.id)).map((a) => a.id)).toEqual(ids);
    expect((await store.listAttemptsForScenario(org.id, "scenario-1")).map((a) => a.id)).toEqual(
      ids.filter((_, i) => i % 3 === 1),
    );
    expect((await store.getAttempt(target))?.path).toEqual(["start", "next"]);
    await store.close();
    expect((await readDataSet(file)).attempts.map((a) => a.id)).toEqual(ids);
  });

  it("refuses a corrupt shard naming that shard's backup, leaves the other shards as they were, and the restore drill brings it back", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "webside.json");
    const clock = manualClock("2030-01-15T09:00:00.000Z");
    let store = await createLowdbStore({ file, now: clock.now });
    const { ids } = await seed(store, 20);
    await store.close();
    clock.advance(1_000);
    await (await createLowdbStore({ file, now: clock.now })).close();

    const broken = shardFile(file, ids[3]!);
    const folder = shardFolderFor(file);
    const othersBefore = new Map<string, string>();
    for (const n of await readdir(folder)) {
      if (path.join(folder, n) !== broken) othersBefore.set(n, await readFile(path.join(folder, n), "utf8"));
    }
    await writeFile(broken, '{"shardFormat":1,"attempts":[{"seq"');
    const error = (await createLowdbStore({ file, now: clock.now }).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(StoreUnavailableError);
    const backup = path.join(
      dir,
      "backups",
      "webside.2030-01-15T09-00-01-000Z",
      "webside.attempts",
      path.basename(broken),
    );
    expect(error.message).toContain(`The data file ${broken} cannot be used`);
    expect(error.message).toContain(`The newest backup is ${backup}.`);
    for (const [n, text] of othersBefore) expect(await readFile(path.join(folder, n), "utf8")).toBe(text);

    await copyFile(backup, broken);
    store = await createLowdbStore({ file, now: clock.now });
    expect((await store.getAttempt(ids[3]!))?.id).toBe(ids[3]);
    await store.close();
  });

  it("backs up the main file and every shard into one folder with a manifest, linking shards unchanged since the last backup", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "webside.json");
    const clock = manualClock("2030-01-15T09:00:00.000Z");
    const store = await createLowdbStore({ file, now: clock.now, backupIntervalMs: 60_000 });
    const { ids } = await seed(store, 30);
    clock.advance(60_000);
    await store.updateAttempt(ids[0]!, 0, { path: ["start", "a"] }); // backup at 09:01 holds all 30
    clock.advance(60_000);
    await store.updateAttempt(ids[1]!, 0, { path: ["start", "b"] }); // backup at 09:02 holds ids[0]'s change
    await store.close();

    const first = path.join(dir, "backups", "webside.2030-01-15T09-01-00-000Z");
    const second = path.join(dir, "backups", "webside.2030-01-15T09-02-00-000Z");
    const manifest = JSON.parse(await readFile(path.join(second, "manifest.json"), "utf8")) as {
      files: Array<{ path: string; bytes: number }>;
    };
    const shards = new Set(ids.map((id) => path.relative(dir, shardFile(file, id))));
    expect(manifest.files.map((f) => f.path).sort()).toEqual(["webside.json", "webside.audit.json", ...shards].sort());
    for (const f of manifest.files) expect((await stat(path.join(second, f.path))).size).toBe(f.bytes);

    const changed = path.relative(dir, shardFile(file, ids[0]!));
    const untouched = [...shards].find((s) => s !== changed && s !== path.relative(dir, shardFile(file, ids[1]!)))!;
    expect((await stat(path.join(second, untouched))).ino).toBe((await stat(path.join(first, untouched))).ino);
    expect((await stat(path.join(second, untouched))).ino).not.toBe((await stat(path.join(dir, untouched))).ino);
    expect((await stat(path.join(second, changed))).ino).not.toBe((await stat(path.join(first, changed))).ino);
    const copied = JSON.parse(await readFile(path.join(second, changed), "utf8")) as {
      attempts: Array<{ attempt: { id: string; path: string[] } }>;
    };
    expect(copied.attempts.find((e) => e.attempt.id === ids[0])?.attempt.path).toEqual(["start", "a"]);
  });

  it("reads attempts stored before the concurrency counter was called revision (step), in shards and in a single file", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "webside.json");
    const store = await createLowdbStore({ file, backups: 0 });
    const { org, user, ids } = await seed(store, 6);
    await store.updateAttempt(ids[0]!, 0, { path: ["start", "next"] });
    await store.close();
    // Turn the shards back into format 1, where the counter was `step`.
    const folder = shardFolderFor(file);
    for (const name of await readdir(folder)) {
      const shard = JSON.parse(await readFile(path.join(folder, name), "utf8")) as {
        shardFormat: number;
        attempts: Array<{ attempt: Record<string, unknown> }>;
      };
      shard.shardFormat = 1;
      for (const { attempt } of shard.attempts) {
        attempt.step = attempt.revision;
        delete attempt.revision;
      }
      await writeFile(path.join(folder, name), JSON.stringify(shard));
    }
    const whole = await readDataSet(file);
    expect(whole.attempts.map((a) => [a.revision, "step" in a])).toEqual(ids.map((_, i) => [i === 0 ? 1 : 0, false]));

    const reopened = await createLowdbStore({ file, backups: 0 });
    expect((await reopened.getAttempt(ids[0]!))?.revision).toBe(1);
    // The old number still matches, so a write based on it goes through, and the shard is rewritten in the current format.
    await expect(reopened.updateAttempt(ids[0]!, 0, { reflection: "stale" })).rejects.toThrow(/at revision 1/);
    expect((await reopened.updateAttempt(ids[0]!, 1, { reflection: "kept" })).revision).toBe(2);
    await reopened.close();
    const rewritten = JSON.parse(await readFile(shardFile(file, ids[0]!), "utf8")) as {
      shardFormat: number;
      attempts: Array<{ attempt: Record<string, unknown> }>;
    };
    expect(rewritten).toMatchObject({ shardFormat: 3, of: 1024 });
    expect(rewritten.attempts.map((e) => "step" in e.attempt)).not.toContain(true);

    // A single-file store (format 1) of the same age: its attempts come through the upgrade with their revision.
    const single = path.join(dir, "single.json");
    await writeFile(
      single,
      JSON.stringify({
        ...(await readDataSet(file)),
        schemaVersion: 1,
        attempts: (await readDataSet(file)).attempts.map(({ revision, ...rest }) => ({ ...rest, step: revision })),
      }),
    );
    const upgraded = await createLowdbStore({ file: single, backups: 0 });
    expect((await upgraded.listAttemptsForUser(user.id, org.id)).map((a) => a.revision)).toEqual([2, 0, 0, 0, 0, 0]);
    await upgraded.close();
  });

  it("upgrades a single-file store from before the shards at open, backing the old file up first", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "webside.json");
    const clock = manualClock("2030-01-15T09:00:00.000Z");
    // Today's layout is made by splitting a sharded store's data back into one format 1 file.
    const maker = await createLowdbStore({ file: path.join(dir, "maker.json"), backups: 0 });
    const { org, user, ids } = await seed(maker, 12);
    await maker.close();
    const whole = await readDataSet(path.join(dir, "maker.json"));
    const oldText = JSON.stringify({ ...whole, schemaVersion: 1 });
    await writeFile(file, oldText);

    const store = await createLowdbStore({ file, now: clock.now });
    expect((await store.listAttemptsForUser(user.id, org.id)).map((a) => a.id)).toEqual(ids);
    await store.close();
    const backup = path.join(dir, "backups", "webside.2030-01-15T09-00-00-000Z", "webside.json");
    expect(await readFile(backup, "utf8")).toBe(oldText);
    const main = JSON.parse(await readFile(file, "utf8")) as { schemaVersion: number; attempts: unknown[] };
    expect(main).toMatchObject({ schemaVersion: 3, attempts: [] });
    expect((await readDataSet(file)).attempts.map((a) => a.id)).toEqual(ids);
  });
});
