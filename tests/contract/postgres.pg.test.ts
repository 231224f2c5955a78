// The storage contract on PostgreSQL (npm run test:pg): each test gets a fresh schema that is dropped afterwards.
import { describe, it } from "vitest";
import { createPostgresStore } from "~/storage/postgres.server";
import { DATABASE_URL, SKIP_MESSAGE, dropSchema, freshSchemaName } from "../storage-pg/fresh-schema";
import { runStoreContract } from "./store-contract";

if (DATABASE_URL) {
  const url = DATABASE_URL;
  runStoreContract("PostgreSQL", async () => {
    const schema = freshSchemaName();
    const store = await createPostgresStore({ connectionString: url, schema, poolSize: 4 });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await dropSchema(url, schema);
      },
    };
  });
} else {
  console.warn(SKIP_MESSAGE);
  describe.skip("Store contract: PostgreSQL", () => {
    it(SKIP_MESSAGE, () => {});
  });
}
