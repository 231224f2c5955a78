// Reads a whole lowdb data set (the main file and its attempts shards) without locking or changing it, for tools that
// look at a stopped store: `webside migrate` and the reliability proofs. Attempts come back in creation order.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { shardFolderFor } from "./attempt-shards.server";
import { checkShard, isShardName, mergeShardFiles, type ShardFile } from "./shard-layout.server";
import { auditFileFor, checkAuditFile } from "./audit-file.server";
import { AUDIT_FILE_VERSION, checkData, SHARDED_VERSION, type LowdbData } from "./data.server";

/** Throws an Error naming the file that cannot be read or understood. */
export async function readDataSet(file: string): Promise<LowdbData> {
  const data = checkData(JSON.parse(await readFile(file, "utf8")));
  if (data.schemaVersion < SHARDED_VERSION) return data;
  if (data.schemaVersion >= AUDIT_FILE_VERSION) {
    const auditFile = auditFileFor(file);
    try {
      data.audit = checkAuditFile(JSON.parse(await readFile(auditFile, "utf8"))).audit;
    } catch (error) {
      throw new Error(`${auditFile} cannot be read: ${(error as Error).message}`);
    }
  }
  const folder = shardFolderFor(file);
  const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [] as string[];
    throw error;
  });
  const files: ShardFile[] = [];
  for (const name of names.filter(isShardName).sort()) {
    const shard = path.join(folder, name);
    try {
      files.push({ ...checkShard(JSON.parse(await readFile(shard, "utf8"))), shard: Number(name.slice(0, -5)) });
    } catch (error) {
      throw new Error(`${shard} cannot be read: ${(error as Error).message}`);
    }
  }
  // As at open: a re-spread cut short leaves some attempts in two files, and the newer layout's copy counts.
  const { entries } = mergeShardFiles(files);
  return { ...data, attempts: [...data.attempts, ...entries.map((e) => e.attempt)] };
}
