// `webside db:migrate`: applies pending PostgreSQL migrations (the server also does this when it starts).
import { applyMigrations, loadMigrations } from "~/storage/postgres/migrations.server";
import { createPool, describeDatabase } from "~/storage/postgres/pool.server";
import { parseFlags } from "../args";
import type { CliCommand } from "../types";

const help = `Usage: webside db:migrate [--url <postgres://user@host:5432/db>] [--schema <name>]

Applies the numbered SQL migrations in app/storage/postgres/migrations/ that have not run yet,
in one transaction (all or none), and prints which ran. Safe to run while other instances start:
they take turns through an advisory lock.

Options:
  --url     the database (default: DATABASE_URL)
  --schema  work in this schema instead of the server's default (created if missing)`;

/** The database to use: a flag, else DATABASE_URL; refuses anything that is not a PostgreSQL URL. */
export function databaseUrlFrom(flag: string | undefined, flagName: string): string {
  const url = flag?.trim() || process.env.DATABASE_URL?.trim();
  if (!url) throw new Error(`give the database with ${flagName} postgres://user@host:5432/db or set DATABASE_URL.`);
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`${flagName} must start with postgres:// or postgresql://.`);
  return url;
}

export const command: CliCommand = {
  help,
  async run(argv) {
    const { values } = parseFlags(argv, { url: { type: "string" }, schema: { type: "string" } });
    const url = databaseUrlFrom(values.url, "--url");
    const migrations = await loadMigrations();
    const pool = createPool({ connectionString: url, schema: values.schema, poolSize: 1 });
    try {
      const report = await applyMigrations(pool, { schema: values.schema, migrations });
      const where = `PostgreSQL at ${describeDatabase(url)}${values.schema ? ` (schema ${values.schema})` : ""}`;
      for (const name of report.applied) console.log(`Applied ${name}`);
      console.log(
        report.applied.length === 0
          ? `${where} is up to date: all ${migrations.length} migration(s) had already run.`
          : `${where}: applied ${report.applied.length} migration(s); ${report.alreadyApplied.length} had already run.`,
      );
      return 0;
    } finally {
      await pool.end();
    }
  },
};
