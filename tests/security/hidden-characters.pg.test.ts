// Finding 11 on PostgreSQL, which refuses NUL in text: the form boundary must answer 400 before the database can 500.
import { describe, it } from "vitest";
import { createPostgresStore } from "~/storage/postgres.server";
import type { Store } from "~/storage/types";
import { DATABASE_URL, SKIP_MESSAGE, dropSchema, freshSchemaName } from "../storage-pg/fresh-schema";
import { hiddenCharacterSuite } from "./support/hidden-characters-suite";

const url = DATABASE_URL;
if (url) {
  const schema = freshSchemaName();
  let store: Store | undefined;
  hiddenCharacterSuite(
    "PostgreSQL",
    async () => (store = await createPostgresStore({ connectionString: url, schema, poolSize: 4 })),
    async () => {
      await store?.close();
      await dropSchema(url, schema);
    },
  );
} else {
  describe.skip("hidden characters at the form boundary (PostgreSQL)", () => it("needs DATABASE_URL", () => {}));
  console.warn(SKIP_MESSAGE);
}
