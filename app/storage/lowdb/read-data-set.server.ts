// Reads a whole lowdb data set (the main file and its attempts shards) without locking or changing it, for tools that
// look at a stopped store: `webside migrate` and the reliability proofs. Attempts come back in creation order.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { Attempt } from "../types";
import { checkShard, shardFolderFor } from "./attempt-shards.server";
import { checkData, SHARDED_VERSION, type LowdbData } from "./data.server";

/** Throws an Error naming the file that cannot be read or understood. */
export async function readDataSet(file: string): Promise<LowdbData> {
  const data = checkData(JSON.parse(await readFile(file, "utf8")));
  if (data.schemaVersion < SHARDED_VERSION) return data;
  const folder = shardFolderFor(file);
  const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [] as string[];
    throw error;
  });
  const entries: Array<{ seq: number; attempt: Attempt }> = [];
  for (const name of names.filter((n) => /^\d{4}\.json$/.test(n)).sort()) {
    const shard = path.join(folder, name);
    try {
      entries.push(...checkShard(JSON.parse(await readFile(shard, "utf8"))).attempts);
    } catch (error) {
      throw new Error(`${shard} cannot be read: ${(error as Error).message}`);
    }
  }
  entries.sort((a, b) => a.seq - b.seq);
  return { ...data, attempts: [...data.attempts, ...entries.map((e) => e.attempt)] };
}
