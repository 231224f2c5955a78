// The durability check of the kill -9 proof: every choice the server acknowledged must be in the stored attempt
// (its path holds the acknowledged node at the acknowledged step, the clinician's position after that choice). Reads
// the lowdb file or PostgreSQL directly.
import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { readDataSet } from "~/storage/lowdb.server";
import type { Target } from "../../../scripts/bench/support/targets";

export interface Acknowledged {
  attemptId: string;
  /** The clinician's step after the choice (view.attempt.step, choices made); path[step] is where it led. */
  step: number;
  nodeId: string;
}

/** Where a stored attempt is: its path, so the clinician's step there is path.length - 1. */
export interface StoredProgress {
  path: string[];
}

/** Throws when the data file does not parse or does not hold a Webside store. */
export async function readLowdbProgress(dataFile: string): Promise<Map<string, StoredProgress>> {
  const data = await readDataSet(dataFile);
  return new Map(data.attempts.map((a) => [a.id, { path: a.path }]));
}

export async function readPostgresProgress(target: Target, ids: string[]): Promise<Map<string, StoredProgress>> {
  const client = new pg.Client({ connectionString: target.databaseUrl });
  await client.connect();
  try {
    await client.query(`SET search_path TO "${target.schema}"`);
    const { rows } = await client.query<{ id: string; path: string[] }>(
      "SELECT id, path FROM attempts WHERE id = ANY($1::text[])",
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { path: r.path }]));
  } finally {
    await client.end();
  }
}

export function readProgress(target: Target, acknowledged: Acknowledged[]): Promise<Map<string, StoredProgress>> {
  if (target.kind === "lowdb") return readLowdbProgress(target.dataFile);
  return readPostgresProgress(target, [...new Set(acknowledged.map((a) => a.attemptId))]);
}

/** The acknowledged choices that are not in the store, each with what was found instead. */
export function missing(acknowledged: Acknowledged[], stored: Map<string, StoredProgress>): string[] {
  const lost: string[] = [];
  for (const ack of acknowledged) {
    const found = stored.get(ack.attemptId);
    if (!found) lost.push(`attempt ${ack.attemptId} is gone (its step ${ack.step} -> ${ack.nodeId} was acknowledged)`);
    else if (found.path.length - 1 < ack.step || found.path[ack.step] !== ack.nodeId) {
      lost.push(
        `attempt ${ack.attemptId}: acknowledged step ${ack.step} -> ${ack.nodeId}, stored step ${found.path.length - 1} path[${ack.step}] = ${found.path[ack.step] ?? "nothing"}`,
      );
    }
  }
  return lost;
}

/** Temp files an atomic write leaves if it is interrupted (`.<name>.<pid>.<random>.tmp`), beside the file and in backups/. */
export function tempFilesIn(dir: string): string[] {
  const found: string[] = [];
  for (const folder of [dir, path.join(dir, "backups")]) {
    let names: string[] = [];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    found.push(...names.filter((n) => n.endsWith(".tmp")).map((n) => path.join(folder, n)));
  }
  return found;
}
