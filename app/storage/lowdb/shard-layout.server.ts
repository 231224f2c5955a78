// How attempts are laid out in shard files: which file an attempt belongs in, how many files there are, what one
// file holds, and how the files read at open are put back together, even when a re-spread was cut short (ADR 0036).
import type { Attempt } from "../types";
import { upgradeAttempt } from "./data.server";
import { checkFormatHeader } from "./format-check.server";
import { shareSnapshotText } from "./shared-text.server";

/** Every store starts with this many shards; the count only ever doubles from here. */
export const BASE_SHARD_COUNT = 1024;
/** Enough for a few million attempts at the default fill; more files would only slow start-up. */
export const MAX_SHARD_COUNT = 65_536;
/**
 * Attempts per shard, on average, above which the next start spreads them over twice as many files. A choice rewrites
 * its attempt's whole shard, so this bounds what a choice writes (about 16 x 5 KB) whatever the history's size.
 */
export const DEFAULT_SHARD_FILL = 16;

/**
 * The shard files' own format version (the main file's is SCHEMA_VERSION). Format 2 named an attempt's concurrency
 * counter `revision` (format 1 called it `step`, renamed as it is read); format 3 records the layout the file belongs to
 * (`of`, the shard count; format 1 and 2 files belong to the original 1,024). A Webside that only knows format 2 would
 * file attempts by the wrong count, so it refuses a format 3 shard.
 */
export const SHARD_FORMAT = 3;

/** One shard file: attempts with their creation order, which is the order every list returns them in. */
export interface ShardFile {
  shardFormat: number;
  shard: number;
  /** The shard count of the layout this file was written for. */
  of?: number;
  attempts: Array<{ seq: number; attempt: Attempt }>;
}

export interface ShardEntry {
  seq: number;
  attempt: Attempt;
}

/** The smallest layout (1,024 doubled as often as needed) holding `attempts` at no more than `fill` per shard. */
export function shardCountFor(attempts: number, fill = DEFAULT_SHARD_FILL): number {
  let count = BASE_SHARD_COUNT;
  while (count < MAX_SHARD_COUNT && attempts > count * fill) count *= 2;
  return count;
}

/**
 * FNV-1a: stable across versions and platforms, and spreads both UUIDs and migrated ids evenly. Because every count is
 * 1,024 doubled, an attempt in shard s of a count moves, when the count grows, to s or s + k x that count: never to
 * a lower number, which is what lets a re-spread write its files from the highest down (AttemptShards.spread).
 */
export function shardOf(id: string, count = BASE_SHARD_COUNT): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % count;
}

export function shardName(shard: number): string {
  return `${String(shard).padStart(4, "0")}.json`;
}

export function isShardName(name: string): boolean {
  return /^\d{4,5}\.json$/.test(name);
}

/** A crashed writer's temp file among the shards (`.0123.json.<pid>.<random>.tmp`). */
export function isShardTempName(name: string): boolean {
  return /^\.\d{4,5}\.json\.\d+\.[0-9a-f]+\.tmp$/.test(name);
}

function isLayoutCount(value: unknown): value is number {
  if (typeof value !== "number" || !Number.isInteger(value)) return false;
  for (let count = BASE_SHARD_COUNT; count <= MAX_SHARD_COUNT; count *= 2) if (count === value) return true;
  return false;
}

export function checkShard(value: unknown): ShardFile {
  const record = checkFormatHeader(value, {
    field: "shardFormat",
    understood: SHARD_FORMAT,
    holds: "a shard of attempts",
    label: "shard format",
  });
  if (record.of === undefined) record.of = BASE_SHARD_COUNT;
  if (!isLayoutCount(record.of)) throw new Error(`its shard count "of" (${String(record.of)}) is not one Webside uses`);
  if (!Array.isArray(record.attempts)) throw new Error(`its "attempts" field should be a list`);
  for (const [i, entry] of (record.attempts as unknown[]).entries()) {
    const e = entry as { seq?: unknown; attempt?: { id?: unknown } } | null;
    if (!e || typeof e.seq !== "number" || typeof e.attempt?.id !== "string") {
      throw new Error(`its attempt ${i + 1} has no seq number or id`);
    }
    upgradeAttempt(e.attempt as Record<string, unknown>);
    shareSnapshotText(e.attempt as Record<string, unknown>);
  }
  return record as unknown as ShardFile;
}

/**
 * Puts the shard files read at open back together. Normally each attempt is in exactly one file and every file has
 * the same `of`. A re-spread cut short by a crash (or a shard restored from a backup taken before one) leaves files of
 * two layouts, and an attempt can then be in two files: the copy in the newer layout's file wins (a re-spread runs
 * before any write is served, so both copies are the same moment; a restored older copy is older). `settled` is
 * false when the files do not all belong to `count`, so the caller must re-spread before serving.
 */
export function mergeShardFiles(files: ShardFile[]): { entries: ShardEntry[]; count: number; settled: boolean } {
  const best = new Map<string, { entry: ShardEntry; of: number }>();
  let count = BASE_SHARD_COUNT;
  for (const file of files) {
    const of = file.of ?? BASE_SHARD_COUNT;
    if (of > count) count = of;
    for (const entry of file.attempts) {
      const held = best.get(entry.attempt.id);
      if (!held || of > held.of) best.set(entry.attempt.id, { entry, of });
    }
  }
  const settled = files.every((f) => (f.of ?? BASE_SHARD_COUNT) === count && f.shard < count);
  const entries = [...best.values()].map((b) => b.entry).sort((a, b) => a.seq - b.seq);
  return { entries, count, settled };
}
