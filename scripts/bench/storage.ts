// `npm run bench:storage`: how lowdb's write latency grows with its file (the whole file is rewritten and fsynced
// on every commit), beside PostgreSQL holding the same attempts, to find where PostgreSQL becomes the better choice.
// Options: --sizes 1,10,50 (MB of lowdb file) --writers 50 --seconds 5 --stores lowdb,postgres
import { statSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import type { Attempt, Store } from "~/storage/types";
import { seedAttempts, seedClinicians } from "./support/seed";
import { markdownTable, ms, summarise, elapsedMs } from "./support/stats";
import { freshTarget, type StoreKind } from "./support/targets";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1,10,50" },
    writers: { type: "string", default: "50" },
    seconds: { type: "string", default: "5" },
    stores: { type: "string", default: "lowdb,postgres" },
  },
});
const sizesMb = values.sizes.split(",").map(Number);
const writers = Number(values.writers);
const seconds = Number(values.seconds);
const kinds = values.stores.split(",") as StoreKind[];

/** Changes attempts one revision per write, as choices do; each writer owns one attempt so nothing conflicts. */
async function measureWrites(store: Store, attempts: Attempt[], concurrency: number, durationMs: number) {
  const latencies: number[] = [];
  const stopAt = Date.now() + durationMs;
  await Promise.all(
    attempts.slice(0, concurrency).map(async (attempt) => {
      while (Date.now() < stopAt) {
        const t0 = process.hrtime.bigint();
        const updated = await store.updateAttempt(attempt.id, attempt.revision, {
          reflection: `write ${attempt.revision}`,
        });
        latencies.push(elapsedMs(t0));
        // Kept on the record, so the next pass starts from the stored revision.
        attempt.revision = updated.revision;
      }
    }),
  );
  return { ...summarise(latencies), perSecond: latencies.length / (durationMs / 1000) };
}

interface Measured {
  kind: StoreKind;
  attempts: number;
  fileMb: number | null;
  single: ReturnType<typeof summarise> & { perSecond: number };
  concurrent: ReturnType<typeof summarise> & { perSecond: number };
}

/** Bytes per seeded attempt in the lowdb file, measured once, so every store gets the same number of attempts. */
let bytesPerAttempt = 0;

async function measure(kind: StoreKind, sizeMb: number): Promise<Measured> {
  const target = freshTarget(kind, "bench-storage");
  try {
    const store = await target.open();
    const org = await seedClinicians(store, writers);
    if (!bytesPerAttempt) {
      // Calibrate on a small lowdb file: the file grows linearly with attempts.
      const probe = freshTarget("lowdb", "bench-probe");
      const p = await probe.open();
      const o = await seedClinicians(p, 10);
      await seedAttempts(p, { orgId: o.orgId, clinicians: o.clinicians, count: 2000 });
      await p.close();
      const before = statSync(probe.dataFile).size;
      bytesPerAttempt = before / 2000;
      await probe.remove();
    }
    const count = Math.max(writers, Math.round((sizeMb * 1e6) / bytesPerAttempt));
    await seedAttempts(store, { orgId: org.orgId, clinicians: org.clinicians, count });
    const own = await Promise.all(
      org.clinicians.map(async (c) => (await store.listAttemptsForUser(c.id, org.orgId))[0]!),
    );
    const single = await measureWrites(store, own, 1, seconds * 1000);
    const concurrent = await measureWrites(store, own, writers, seconds * 1000);
    await store.close();
    const fileMb = kind === "lowdb" ? statSync(target.dataFile).size / 1e6 : null;
    return { kind, attempts: count, fileMb, single, concurrent };
  } finally {
    await target.remove();
  }
}

console.log(
  `Storage write latency (updateAttempt, in process), ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)} at start`,
);
const rows: Measured[] = [];
for (const size of sizesMb) {
  for (const kind of kinds) {
    process.stdout.write(`  ${kind} at ~${size} MB of attempts… `);
    const m = await measure(kind, size);
    console.log(`p95 ${ms(m.concurrent.p95)} ms with ${writers} writers`);
    rows.push(m);
  }
}
console.log(
  `\n${markdownTable(
    [
      "Store",
      "Attempts",
      "lowdb file MB",
      "1 writer p50 ms",
      "1 writer p95 ms",
      `${writers} writers p50 ms`,
      `${writers} writers p95 ms`,
      `${writers} writers p99 ms`,
      "Writes/s",
    ],
    rows.map((r) => [
      r.kind,
      r.attempts.toLocaleString("en-GB"),
      r.fileMb === null ? "-" : r.fileMb.toFixed(1),
      ms(r.single.p50),
      ms(r.single.p95),
      ms(r.concurrent.p50),
      ms(r.concurrent.p95),
      ms(r.concurrent.p99),
      r.concurrent.perSecond.toFixed(0),
    ]),
  )}`,
);
const lowdbRows = rows.filter((r) => r.kind === "lowdb");
const firstOver = lowdbRows.findIndex((r) => r.concurrent.p95 > 50);
const lastUnder = firstOver === -1 ? lowdbRows.at(-1) : lowdbRows[firstOver - 1];
console.log(
  firstOver === -1
    ? `\nlowdb stayed under a 50 ms p95 per write with ${writers} writers at every size measured (up to ${lastUnder?.fileMb?.toFixed(0)} MB).`
    : lastUnder
      ? `\nCrossover: lowdb keeps a 50 ms p95 per write with ${writers} writers up to about ${lastUnder.fileMb?.toFixed(0)} MB (${lastUnder.attempts.toLocaleString("en-GB")} attempts) and misses it by ${lowdbRows[firstOver]!.fileMb?.toFixed(0)} MB.`
      : `\nlowdb missed a 50 ms p95 per write with ${writers} writers even at ${lowdbRows[0]!.fileMb?.toFixed(0)} MB on this machine.`,
);
