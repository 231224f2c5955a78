// `npm run bench:storage`: how a write's latency changes with the number of attempts stored, on lowdb (a choice
// rewrites one attempt shard, ADR 0036) beside PostgreSQL holding the same attempts. A configuration that fails
// prints its row with the reason and the run goes on, so the table is always printed.
// Options: --attempts 1000,10000,100000 --writers 50 --seconds 5 --stores lowdb,postgres
import os from "node:os";
import { parseArgs } from "node:util";
import type { Attempt, Store } from "~/storage/types";
import { failureReason } from "./support/failure";
import { lowdbStoreBytes, settleLowdbLayout } from "./support/footprint";
import { seedAttempts, seedClinicians } from "./support/seed";
import { markdownTable, ms, summarise, elapsedMs } from "./support/stats";
import { freshTarget, type StoreKind } from "./support/targets";

const { values } = parseArgs({
  options: {
    attempts: { type: "string", default: "1000,10000,100000" },
    writers: { type: "string", default: "50" },
    seconds: { type: "string", default: "5" },
    stores: { type: "string", default: "lowdb,postgres" },
  },
});
const counts = values.attempts.split(",").map(Number);
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
  single: (ReturnType<typeof summarise> & { perSecond: number }) | null;
  concurrent: (ReturnType<typeof summarise> & { perSecond: number }) | null;
  failure?: string;
}

async function measure(kind: StoreKind, attempts: number): Promise<Measured> {
  const target = freshTarget(kind, "bench-storage");
  const count = Math.max(writers, attempts);
  try {
    const seeding = await target.open();
    const org = await seedClinicians(seeding, writers);
    await seedAttempts(seeding, { orgId: org.orgId, clinicians: org.clinicians, count });
    await seeding.close();
    // Measured on the layout a store of this size runs on (a lowdb store re-spreads its shards as it grows).
    if (kind === "lowdb") await settleLowdbLayout(target.open, target.dataFile);
    const store = await target.open();
    const own = await Promise.all(
      org.clinicians.map(async (c) => (await store.listAttemptsForUser(c.id, org.orgId))[0]!),
    );
    const single = await measureWrites(store, own, 1, seconds * 1000);
    const concurrent = await measureWrites(store, own, writers, seconds * 1000);
    await store.close();
    const fileMb = kind === "lowdb" ? lowdbStoreBytes(target.dataFile) / 1e6 : null;
    return { kind, attempts: count, fileMb, single, concurrent };
  } catch (error) {
    const reason = failureReason(error, 160);
    return { kind, attempts: count, fileMb: null, single: null, concurrent: null, failure: reason };
  } finally {
    await target.remove().catch(() => undefined);
  }
}

console.log(
  `Storage write latency (updateAttempt, in process), ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)} at start`,
);
const rows: Measured[] = [];
for (const count of counts) {
  for (const kind of kinds) {
    process.stdout.write(`  ${kind} with ${count.toLocaleString("en-GB")} attempts… `);
    const m = await measure(kind, count);
    console.log(m.concurrent ? `p95 ${ms(m.concurrent.p95)} ms with ${writers} writers` : `FAILED: ${m.failure}`);
    rows.push(m);
  }
}
console.log(
  `\n${markdownTable(
    [
      "Store",
      "Attempts",
      "lowdb store MB",
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
      ...(r.single && r.concurrent
        ? [
            ms(r.single.p50),
            ms(r.single.p95),
            ms(r.concurrent.p50),
            ms(r.concurrent.p95),
            ms(r.concurrent.p99),
            r.concurrent.perSecond.toFixed(0),
          ]
        : [`FAILED: ${r.failure}`, "-", "-", "-", "-", "-"]),
    ]),
  )}`,
);
const lowdbRows = rows.filter(
  (r): r is Measured & { concurrent: NonNullable<Measured["concurrent"]> } => r.kind === "lowdb" && !!r.concurrent,
);
const firstOver = lowdbRows.findIndex((r) => r.concurrent.p95 > 50);
const lastUnder = firstOver === -1 ? lowdbRows.at(-1) : lowdbRows[firstOver - 1];
const attemptsOf = (r: Measured) => r.attempts.toLocaleString("en-GB");
console.log(
  lowdbRows.length === 0
    ? `\nNo lowdb configuration finished, so there is no crossover to report.`
    : firstOver === -1
      ? `\nlowdb stayed under a 50 ms p95 per write with ${writers} writers at every size measured (up to ${attemptsOf(lastUnder!)} attempts).`
      : lastUnder
        ? `\nCrossover: lowdb keeps a 50 ms p95 per write with ${writers} writers up to ${attemptsOf(lastUnder)} attempts and misses it at ${attemptsOf(lowdbRows[firstOver]!)}.`
        : `\nlowdb missed a 50 ms p95 per write with ${writers} writers even at ${attemptsOf(lowdbRows[0]!)} attempts on this machine.`,
);
