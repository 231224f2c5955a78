// Writes a lowdb data set by hand for the migrate tests: the main file and, from format 3, the audit log in its own
// file beside it (events given in the main file's `audit` are moved there, as the store itself keeps them).
import { writeFile } from "node:fs/promises";
import { auditFileFor } from "~/storage/lowdb.server";

export async function writeLowdbFixture(file: string, data: unknown): Promise<void> {
  const record = data as { schemaVersion?: unknown; audit?: unknown };
  if (typeof record.schemaVersion === "number" && record.schemaVersion >= 3) {
    await writeFile(auditFileFor(file), JSON.stringify({ auditFormat: 1, audit: record.audit ?? [] }));
    await writeFile(file, JSON.stringify({ ...record, audit: [] }, null, 2));
    return;
  }
  await writeFile(file, JSON.stringify(data, null, 2));
}
