// `npm run bench:server`: 50 simulated clinicians making choices against the built app, on lowdb and PostgreSQL,
// on an empty store and on stores holding 10,000 and 100,000 attempts. Prints p50/p95/p99, throughput, start-up time
// (median of three starts) and resident memory; asserts nothing. A configuration that fails (seeding, start-up, a
// crash under load) prints its row with the reason and the run goes on, so the table is always printed.
// Each configuration runs twice: clinicians pausing about --think-ms between choices (people reading), and with no
// pause at all (a stress test whose latency is mostly queueing: concurrency / throughput).
// Options: --clinicians 50 --seconds 20 --warmup 3 --think-ms 1000 --attempts 10000,100000 --stores lowdb,postgres
//          --sizes empty,seeded
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { parseArgs } from "node:util";
import { failureReason } from "./support/failure";
import { lowdbStoreBytes, residentMemoryMb, settleLowdbLayout } from "./support/footprint";
import { runChoiceLoad, signIn } from "./support/load";
import { benchScenarios, seedAttempts, seedClinicians } from "./support/seed";
import { ensureBuilt, startServer } from "./support/server-process";
import { markdownTable, ms, summarise } from "./support/stats";
import { freePort, freshTarget, type StoreKind } from "./support/targets";

const { values } = parseArgs({
  options: {
    clinicians: { type: "string", default: "50" },
    seconds: { type: "string", default: "20" },
    warmup: { type: "string", default: "3" },
    "think-ms": { type: "string", default: "1000" },
    attempts: { type: "string", default: "10000,100000" },
    stores: { type: "string", default: "lowdb,postgres" },
    sizes: { type: "string", default: "empty,seeded" },
  },
});
const clinicianCount = Number(values.clinicians);
const stores = values.stores.split(",") as StoreKind[];
// Every store size measured: 0 for an empty store, then each seeded count.
const sizes: number[] = values.sizes
  .split(",")
  .flatMap((size) => (size === "empty" ? [0] : values.attempts.split(",").map(Number)));
// Spread the load over the bundled scenarios, as a real cohort would.
const scenarioIds = benchScenarios().map((s) => s.id);

interface Row {
  store: StoreKind;
  data: string;
  pace: string;
  result: Awaited<ReturnType<typeof runChoiceLoad>> | null;
  startupMs: number | null;
  memory: string;
  note: string;
}

const PACES = [
  { label: `${values["think-ms"]} ms pause`, thinkMs: Number(values["think-ms"]) },
  { label: "no pause", thinkMs: 0 },
];

/** Server starts timed per configuration; the table gives their median. */
const STARTS = 3;

const describe = (attempts: number) => (attempts === 0 ? "empty" : `${attempts.toLocaleString("en-GB")} attempts`);

async function measure(kind: StoreKind, attempts: number): Promise<Row[]> {
  const data = describe(attempts);
  const measured: Row[] = [];
  let stage = "opening the store";
  let startupMs: number | null = null;
  let memory = "-";
  let note = "";
  const target = freshTarget(kind, "bench");
  try {
    const store = await target.open();
    // Seeded runs spread the attempts over 1,000 clinicians; the first `clinicianCount` of them do the practising.
    stage = "seeding";
    const org = await seedClinicians(store, attempts > 0 ? Math.max(1000, clinicianCount) : clinicianCount);
    if (attempts > 0) {
      const began = Date.now();
      await seedAttempts(store, {
        orgId: org.orgId,
        clinicians: org.clinicians,
        count: attempts,
        onProgress: (done) =>
          process.stdout.write(`\r  ${kind}: seeded ${done} attempts in ${((Date.now() - began) / 1000).toFixed(0)} s`),
      });
      process.stdout.write("\n");
    }
    await store.close();
    if (kind === "lowdb") {
      stage = "re-spreading the seeded attempts";
      const layout = await settleLowdbLayout(target.open, target.dataFile);
      note = `store ${(lowdbStoreBytes(target.dataFile) / 1e6).toFixed(1)} MB (main file ${(statSync(target.dataFile).size / 1e6).toFixed(1)} MB), ${layout.shards} shard files`;
      // The first open after seeding re-spreads the shards when the history has outgrown 1,024 of them (ADR 0063).
      if (layout.shards > 1024) note += `; first start after growing (re-spread) ${layout.seconds.toFixed(1)} s`;
    }
    stage = "starting the server";
    // A restart in use comes long after the writes before it; here the seeding has just written hundreds of MB, and
    // the kernel flushing them would be timed as start-up. So the disk is settled first, and the server is started
    // STARTS times (each start also makes the store's backup, as in use), the median kept.
    execFileSync("sync");
    const starts: number[] = [];
    const timedStart = async () => {
      const startedAt = Date.now();
      const started = await startServer(target.serverEnv(await freePort()), 300_000);
      starts.push(Date.now() - startedAt);
      return started;
    };
    for (let i = 1; i < STARTS; i++) await (await timedStart()).stop();
    const server = await timedStart();
    startupMs = [...starts].sort((a, b) => a - b)[Math.floor(starts.length / 2)]!;
    note = [note, `start-ups ${starts.map((t) => (t / 1000).toFixed(1)).join(", ")} s`].filter(Boolean).join("; ");
    const atStart = residentMemoryMb(server.pid);
    try {
      stage = "signing in";
      const clients = await signIn(server.url, org.clinicians.slice(0, clinicianCount));
      for (const pace of PACES) {
        stage = `measuring (${pace.label})`;
        console.log(
          `  ${kind} ${data}: ${clients.length} clinicians, ${pace.label}, measuring for ${values.seconds} s`,
        );
        const result = await runChoiceLoad(clients, {
          scenarioIds,
          warmupMs: Number(values.warmup) * 1000,
          durationMs: Number(values.seconds) * 1000,
          thinkMs: pace.thinkMs,
        });
        const now = residentMemoryMb(server.pid);
        memory =
          atStart && now
            ? `${atStart.rssMb.toFixed(0)} at start, peak ${now.peakMb.toFixed(0)}`
            : "not measurable here";
        measured.push({ store: kind, data, pace: pace.label, result, startupMs, memory, note });
      }
      return measured;
    } finally {
      await server.stop();
    }
  } catch (error) {
    // The configuration failed: keep what was measured and say where and why it stopped.
    const reason = failureReason(error);
    console.log(`  ${kind} ${data}: FAILED while ${stage}: ${reason}`);
    return [
      ...measured,
      { store: kind, data, pace: "-", result: null, startupMs, memory, note: `FAILED while ${stage}: ${reason}` },
    ];
  } finally {
    await target.remove().catch(() => undefined);
  }
}

// Built before anything is timed, so the start-up column measures the server, not a build.
ensureBuilt();
const rows: Row[] = [];
for (const attempts of sizes) {
  for (const kind of stores) {
    console.log(`Measuring ${kind}, ${describe(attempts)}…`);
    rows.push(...(await measure(kind, attempts)));
  }
}

const table = markdownTable(
  [
    "Store",
    "Data",
    "Clinicians",
    "Choices/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "max ms",
    "Errors",
    "Start-up s",
    "Memory MB",
    "Note",
  ],
  rows.map(({ store, data, pace, result, startupMs, memory, note }) => {
    const startup = startupMs === null ? "-" : (startupMs / 1000).toFixed(1);
    if (!result) return [store, data, "-", "-", "-", "-", "-", "-", "-", startup, memory, note];
    const s = summarise(result.latencies);
    const errors =
      Object.entries(result.errors)
        .map(([k, n]) => `${k}: ${n}`)
        .join(", ") || "0";
    return [
      store,
      data,
      `${clinicianCount}, ${pace}`,
      (s.count / result.seconds).toFixed(0),
      ms(s.p50),
      ms(s.p95),
      ms(s.p99),
      ms(s.max),
      errors,
      startup,
      memory,
      note,
    ];
  }),
);
console.log(
  `\nChoice round trip (POST /api/attempts/:id/choose -> persisted -> new view), ${clinicianCount} concurrent clinicians, ${values.seconds} s each:\n`,
);
console.log(table);
