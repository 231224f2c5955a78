// An unusable data file is refused with the file and its newest backup named, and is never overwritten.
import { copyFile, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { StoreUnavailableError } from "~/storage/errors";
import { createLowdbStore } from "~/storage/lowdb.server";
import { tempDir, tempFilesIn } from "./storage-helpers";

/** A store with some data, closed and reopened once so it has backups. */
async function storeWithBackups() {
  const dir = await tempDir();
  const file = path.join(dir, "webside.json");
  let store = await createLowdbStore({ file });
  await store.createOrganisation({ name: "Northgate Trust" });
  await store.close();
  store = await createLowdbStore({ file });
  await store.close();
  const backups = (await readdir(path.join(dir, "backups"))).sort();
  return { dir, file, newestBackup: path.join(dir, "backups", backups.at(-1)!, "webside.json") };
}

async function refusal(file: string): Promise<StoreUnavailableError> {
  const error = await createLowdbStore({ file }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(StoreUnavailableError);
  return error as StoreUnavailableError;
}

describe("an unusable data file", () => {
  it("is refused, naming the file and the newest backup and how to restore, and left byte-for-byte untouched", async () => {
    const { dir, file, newestBackup } = await storeWithBackups();
    const broken = Buffer.from('{"schemaVersion":1,"organisations":[{"id":"x", "name": "Northg');
    await writeFile(file, broken);
    const error = await refusal(file);
    expect(error.message).toContain(`The data file ${file} cannot be used`);
    expect(error.message).toContain("not valid JSON");
    expect(error.message).toContain(`The newest backup is ${newestBackup}`);
    expect(error.message).toMatch(/stop Webside.*copy the backup to/);
    expect((await readFile(file)).equals(broken)).toBe(true);
    expect(await tempFilesIn(dir)).toEqual([]);
  });

  it("says there is no backup when there is none", async () => {
    const file = path.join(await tempDir(), "webside.json");
    await writeFile(file, "garbage");
    const error = await refusal(file);
    expect(error.message).toContain(file);
    expect(error.message).toContain("There is no backup");
    expect(await readFile(file, "utf8")).toBe("garbage");
  });

  it("refuses an empty file rather than starting afresh", async () => {
    const file = path.join(await tempDir(), "webside.json");
    await writeFile(file, "");
    expect((await refusal(file)).message).toContain("it is empty");
    expect(await readFile(file, "utf8")).toBe("");
  });

  it("refuses JSON that is not a Webside store, and a file from a newer Webside", async () => {
    const file = path.join(await tempDir(), "webside.json");
    await writeFile(file, "[1, 2, 3]");
    expect((await refusal(file)).message).toContain("expected a JSON object");
    await writeFile(file, JSON.stringify({ organisations: [] }));
    expect((await refusal(file)).message).toContain("no valid schemaVersion");
    await writeFile(file, JSON.stringify({ schemaVersion: 99, organisations: [] }));
    expect((await refusal(file)).message).toMatch(/newer Webside \(format version 99/);
    await writeFile(file, JSON.stringify({ schemaVersion: 1, users: {} }));
    expect((await refusal(file)).message).toContain(`"users" field should be a list`);
    expect(await readFile(file, "utf8")).toBe(JSON.stringify({ schemaVersion: 1, users: {} }));
  });

  it("comes back with its data once the named backup is copied over it (the restore drill)", async () => {
    const { file, newestBackup } = await storeWithBackups();
    await writeFile(file, "corrupted by a bad disk");
    const named = /The newest backup is (\S+)\. /.exec((await refusal(file)).message)?.[1];
    expect(named).toBe(newestBackup);
    await copyFile(named!, file);
    const store = await createLowdbStore({ file });
    expect((await store.listOrganisations()).map((o) => o.name)).toEqual(["Northgate Trust"]);
    await store.close();
  });

  it("fills in a collection missing from an older file instead of refusing it", async () => {
    const file = path.join(await tempDir(), "webside.json");
    await writeFile(
      file,
      JSON.stringify({
        schemaVersion: 1,
        organisations: [{ id: "o1", name: "Northgate Trust", createdAt: "2030-01-01T00:00:00.000Z" }],
      }),
    );
    const store = await createLowdbStore({ file });
    expect(await store.getOrganisation("o1")).toMatchObject({ name: "Northgate Trust" });
    expect(await store.listAttemptsForScenario(null, "any")).toEqual([]);
    await store.close();
  });
});
