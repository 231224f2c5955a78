// The PostgreSQL adapter stamps records with its injected clock, exactly as the lowdb one does.
import { describe } from "vitest";
import { createPostgresStore } from "~/storage/postgres.server";
import { injectedClockSuite } from "../storage/injected-clock";
import { DATABASE_URL, SKIP_MESSAGE, dropSchema, freshSchemaName } from "./fresh-schema";

if (!DATABASE_URL) console.warn(SKIP_MESSAGE);

describe.skipIf(!DATABASE_URL)("PostgreSQL store clock", () => {
  injectedClockSuite(async (now) => {
    const url = DATABASE_URL!;
    const schema = freshSchemaName();
    const store = await createPostgresStore({ connectionString: url, schema, poolSize: 2, now });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await dropSchema(url, schema);
      },
    };
  });
});
