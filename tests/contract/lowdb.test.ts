// Runs the storage contract against the lowdb adapter on a fresh temporary data file per test.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createLowdbStore } from "~/storage/lowdb.server";
import { runStoreContract } from "./store-contract";

runStoreContract("lowdb", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "webside-contract-"));
  const store = await createLowdbStore({ file: path.join(dir, "webside.json") });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
