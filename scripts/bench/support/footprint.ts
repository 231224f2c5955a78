// What a running server costs the machine: resident memory now and at its peak (Linux /proc), and the size on disk of
// a lowdb store, which since the attempt shards (ADR 0036) is the main file plus its `.attempts` folder.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { shardFolderFor } from "~/storage/lowdb/attempt-shards.server";

/** Resident and peak resident memory of a process in MB, or null where /proc is not available. */
export function residentMemoryMb(pid: number): { rssMb: number; peakMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
    return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
  } catch {
    return null;
  }
}

/** Bytes of a lowdb store on disk: the main data file and every attempt shard beside it. */
export function lowdbStoreBytes(dataFile: string): number {
  let bytes = existsSync(dataFile) ? statSync(dataFile).size : 0;
  const shards = shardFolderFor(dataFile);
  if (existsSync(shards)) {
    for (const name of readdirSync(shards)) {
      if (name.endsWith(".json")) bytes += statSync(path.join(shards, name)).size;
    }
  }
  return bytes;
}

/**
 * Seeding writes through one open store, so a lowdb store seeded with a large history is still in its first layout
 * (1,024 shards). A real store that grew that large was re-spread at some start (ADR 0036); opening it once here does
 * that, so what is measured afterwards is the layout a deployment of that size runs on. Returns how long that took and
 * how many shard files the store now has.
 */
export async function settleLowdbLayout(open: () => Promise<{ close(): Promise<void> }>, dataFile: string) {
  const began = Date.now();
  await (await open()).close();
  const shards = readdirSync(shardFolderFor(dataFile)).filter((n) => /^\d+\.json$/.test(n)).length;
  return { seconds: (Date.now() - began) / 1000, shards };
}
