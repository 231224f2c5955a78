// The lowdb adapter stamps records with its injected clock (the PostgreSQL twin is tests/storage-pg/injected-clock.pg.test.ts).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe } from "vitest";
import { createLowdbStore } from "~/storage/lowdb.server";
import { injectedClockSuite } from "./injected-clock";

describe("lowdb store clock", () => {
  injectedClockSuite(async (now) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "webside-clock-"));
    const store = await createLowdbStore({ file: path.join(dir, "webside.json"), now });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  });
});
