// Finding 11 on the lowdb store (the PostgreSQL run is hidden-characters.pg.test.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createLowdbStore } from "~/storage/lowdb.server";
import type { Store } from "~/storage/types";
import { hiddenCharacterSuite } from "./support/hidden-characters-suite";

let store: Store | undefined;
const dir = mkdtempSync(path.join(tmpdir(), "webside-hidden-"));
hiddenCharacterSuite(
  "lowdb",
  async () => (store = await createLowdbStore({ file: path.join(dir, "webside.json"), backups: 1 })),
  async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  },
);
