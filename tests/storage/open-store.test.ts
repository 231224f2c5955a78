// openStore picks the adapter from the configuration: lowdb by default, PostgreSQL when a DATABASE_URL is given.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { StoreUnavailableError } from "~/storage/errors";
import { openStore } from "~/storage/index.server";
import { tempDir } from "./storage-helpers";

describe("openStore", () => {
  it("opens the lowdb file when no DATABASE_URL is set", async () => {
    const store = await openStore({ dataFile: path.join(await tempDir(), "webside.json"), backups: 2 });
    expect(store.kind).toBe("lowdb");
    expect((await store.health()).ok).toBe(true);
    await store.close();
  });

  it("goes to PostgreSQL when a DATABASE_URL is set, and says so clearly when it cannot connect", async () => {
    // Port 1 on loopback refuses at once, so this needs no database server.
    const error = await openStore({
      dataFile: "unused.json",
      databaseUrl: "postgres://webside@127.0.0.1:1/webside",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toContain("127.0.0.1:1");
  });
});
