// One process owns a lowdb file: a second owner is refused quickly with the file and holder named; stale locks are
// taken over; the lock goes away on close and on exit.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { StoreUnavailableError } from "~/storage/errors";
import { createLowdbStore, lockPathFor } from "~/storage/lowdb.server";
import { openInChild, tempDir } from "./storage-helpers";

async function holderPid(file: string): Promise<number> {
  return (JSON.parse(await readFile(lockPathFor(file), "utf8")) as { pid: number }).pid;
}

/** A pid that certainly belongs to no running process: one that has just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

describe("the lowdb lock file", () => {
  it("refuses a second process promptly, naming the file and the holder's pid", async () => {
    const file = path.join(await tempDir(), "webside.json");
    const store = await createLowdbStore({ file });
    try {
      const result = await openInChild(file, "try").exited;
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(file);
      expect(result.stderr).toContain(`is in use by another Webside process (pid ${process.pid})`);
      expect(result.stderr).toContain("point DATA_FILE at another file");
      const refusedAfter = Number(/refused after (\d+) ms/.exec(result.stderr)?.[1]);
      // Under a second on a quiet machine; bounded generously because a loaded CI machine slows everything.
      expect(refusedAfter).toBeLessThan(5000);
      // Generous bound on the whole spawn, for loaded CI machines; the refusal itself is measured above.
      expect(result.wallMs).toBeLessThan(10_000);
      // The refused process must not have touched the holder's lock.
      expect(await holderPid(file)).toBe(process.pid);
    } finally {
      await store.close();
    }
  });

  it("is refused here while another process holds it, and taken over once that process is killed", async () => {
    const file = path.join(await tempDir(), "webside.json");
    const holder = openInChild(file, "hold");
    try {
      await holder.opened();
      const error = await createLowdbStore({ file }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toContain(
        `${file} is in use by another Webside process (pid ${holder.child.pid})`,
      );
    } finally {
      holder.child.kill("SIGKILL");
      await holder.exited;
    }
    // kill -9 leaves the lock behind; its pid is dead, so it is stale.
    expect(existsSync(lockPathFor(file))).toBe(true);
    const store = await createLowdbStore({ file });
    expect(await holderPid(file)).toBe(process.pid);
    await store.close();
  });

  it("takes over a lock whose pid is no longer running", async () => {
    const file = path.join(await tempDir(), "webside.json");
    const pid = deadPid();
    await writeFile(
      lockPathFor(file),
      JSON.stringify({ pid, startedAt: "2030-01-01T00:00:00.000Z", hostname: "", token: "old" }),
    );
    const store = await createLowdbStore({ file });
    expect(await holderPid(file)).toBe(process.pid);
    await store.createOrganisation({ name: "Northgate Trust" });
    await store.close();
  });

  it("takes over an old lock file with no readable owner (a crash while writing it)", async () => {
    const file = path.join(await tempDir(), "webside.json");
    await writeFile(lockPathFor(file), "");
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(lockPathFor(file), longAgo, longAgo);
    const store = await createLowdbStore({ file });
    expect(await holderPid(file)).toBe(process.pid);
    await store.close();
  });

  it("refuses a second open in the same process, and allows it again after close", async () => {
    const file = path.join(await tempDir(), "webside.json");
    const first = await createLowdbStore({ file });
    await expect(createLowdbStore({ file })).rejects.toThrow(/already open in this process/);
    await first.close();
    expect(existsSync(lockPathFor(file))).toBe(false);
    const second = await createLowdbStore({ file });
    await second.close();
  });

  it("is released when the owning process exits without closing the store", async () => {
    const file = path.join(await tempDir(), "webside.json");
    const result = await openInChild(file, "exit").exited;
    expect(result.code).toBe(0);
    expect(existsSync(lockPathFor(file))).toBe(false);
    const store = await createLowdbStore({ file });
    expect((await store.listOrganisations()).map((o) => o.name)).toEqual(["Written before exit"]);
    await store.close();
  });

  it("is released when opening fails, so fixing the file is enough to start", async () => {
    const file = path.join(await tempDir(), "webside.json");
    await writeFile(file, "{ not json");
    await expect(createLowdbStore({ file })).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(existsSync(lockPathFor(file))).toBe(false);
  });
});
