// `webside migrate`: copies a lowdb data file into PostgreSQL (ids kept, safe to repeat, verified), or previews it.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { isProcessAlive, lockPathFor } from "~/storage/lowdb/lock.server";
import { copyIntoPostgres, planCopy, readLowdbFile, type TableCount } from "~/storage/postgres/copy-from-lowdb.server";
import { applyMigrations } from "~/storage/postgres/migrations.server";
import { createPool, describeDatabase } from "~/storage/postgres/pool.server";
import { parseFlags } from "../args";
import type { CliCommand } from "../types";
import { databaseUrlFrom } from "./db-migrate";

const help = `Usage: webside migrate --from data/webside.json [--to postgres://user@host:5432/db] [--schema <name>] [--dry-run]

Copies every record of a lowdb data file into PostgreSQL with the same ids, in one transaction, then checks
that every record of the file is in the database and prints the counts per table. Records already there are
left as they are, so running it twice copies nothing the second time. The file is only read, never changed;
stop the server first so the file does not change while it is copied.

Options:
  --from     the lowdb data file (required)
  --to       the database (default: DATABASE_URL); migrations are applied first
  --schema   work in this schema instead of the server's default
  --dry-run  print what would be copied and write nothing`;

function printCounts(counts: TableCount[], dryRun: boolean): void {
  const header = ["table", "in file", "already there", dryRun ? "would copy" : "copied"];
  const rows = counts.map((c) =>
    [c.table, c.inFile, c.alreadyPresent, dryRun ? c.inFile - c.alreadyPresent : c.copied].map(String),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows]) {
    console.log(
      "  " + row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "),
    );
  }
}

/** The pid of a live server holding the data file's lock, if any: its writes during the copy would be missed. */
async function liveOwner(file: string): Promise<number | null> {
  try {
    const holder = JSON.parse(await readFile(lockPathFor(path.resolve(file)), "utf8")) as { pid?: unknown };
    return typeof holder.pid === "number" && isProcessAlive(holder.pid) ? holder.pid : null;
  } catch {
    return null;
  }
}

export const command: CliCommand = {
  help,
  async run(argv) {
    const { values } = parseFlags(argv, {
      from: { type: "string" },
      to: { type: "string" },
      schema: { type: "string" },
      "dry-run": { type: "boolean", default: false },
    });
    if (!values.from) throw new Error("give the lowdb data file with --from data/webside.json.");
    const dryRun = values["dry-run"] === true;
    const file = await readLowdbFile(values.from);
    const version = ` (format version ${file.schemaVersion})`;
    const owner = await liveOwner(values.from);
    if (owner !== null) {
      console.log(
        `Warning: a Webside server (pid ${owner}) has ${values.from} open; records it writes during the copy will be missed. ` +
          "Stop it and run migrate again: only what is missing gets copied.",
      );
    }
    if (dryRun && !values.to && !process.env.DATABASE_URL) {
      // Without a database the preview can only count the file.
      console.log(`Dry run: nothing will be written. ${values.from}${version} holds:`);
      printCounts(await planCopy(null, file), true);
      return 0;
    }
    const url = databaseUrlFrom(values.to, "--to");
    const where = `PostgreSQL at ${describeDatabase(url)}${values.schema ? ` (schema ${values.schema})` : ""}`;
    const pool = createPool({ connectionString: url, schema: values.schema, poolSize: 1 });
    try {
      if (dryRun) {
        console.log(`Dry run: nothing will be written. ${values.from}${version} -> ${where}`);
        printCounts(await planCopy(pool, file), true);
        return 0;
      }
      const report = await applyMigrations(pool, { schema: values.schema });
      for (const name of report.applied) console.log(`Applied ${name}`);
      console.log(`Copying ${values.from}${version} -> ${where}`);
      const counts = await copyIntoPostgres(pool, file, url);
      printCounts(counts, false);
      const total = counts.reduce((sum, c) => sum + c.inFile, 0);
      console.log(
        `Verified: all ${total} records of the file are in PostgreSQL (${counts.reduce((s, c) => s + c.copied, 0)} copied now).`,
      );
      return 0;
    } finally {
      await pool.end();
    }
  },
};
