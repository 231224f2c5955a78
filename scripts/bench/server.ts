// `npm run bench:server`: 50 simulated clinicians making choices against the built app, on lowdb and PostgreSQL,
// on an empty store and on one holding 100,000 attempts. Prints p50/p95/p99 and throughput; asserts nothing.
// Each configuration runs twice: clinicians pausing about --think-ms between choices (people reading), and with no
// pause at all (a stress test whose latency is mostly queueing: concurrency / throughput).
// Options: --clinicians 50 --seconds 20 --warmup 3 --think-ms 1000 --attempts 100000 --stores lowdb,postgres --sizes empty,seeded
import { statSync } from "node:fs";
import { parseArgs } from "node:util";
import { runChoiceLoad, signIn } from "./support/load";
import { benchScenarios, seedAttempts, seedClinicians } from "./support/seed";
import { startServer } from "./support/server-process";
import { markdownTable, ms, summarise } from "./support/stats";
import { freePort, freshTarget, type StoreKind } from "./support/targets";

const { values } = parseArgs({
  options: {
    clinicians: { type: "string", default: "50" },
    seconds: { type: "string", default: "20" },
    warmup: { type: "string", default: "3" },
    "think-ms": { type: "string", default: "1000" },
    attempts: { type: "string", default: "100000" },
    stores: { type: "string", default: "lowdb,postgres" },
    sizes: { type: "string", default: "empty,seeded" },
  },
});
const clinicianCount = Number(values.clinicians);
const seededAttempts = Number(values.attempts);
const stores = values.stores.split(",") as StoreKind[];
const sizes = values.sizes.split(",") as Array<"empty" | "seeded">;
// Spread the load over the bundled scenarios, as a real cohort would.
const scenarioIds = benchScenarios().map((s) => s.id);

interface Row {
  store: StoreKind;
  data: string;
  pace: string;
  result: Awaited<ReturnType<typeof runChoiceLoad>>;
  note: string;
}

const PACES = [
  { label: `${values["think-ms"]} ms pause`, thinkMs: Number(values["think-ms"]) },
  { label: "no pause", thinkMs: 0 },
];

async function measure(kind: StoreKind, size: "empty" | "seeded"): Promise<Row[]> {
  const target = freshTarget(kind, "bench");
  try {
    const store = await target.open();
    // Seeded runs spread the attempts over 1,000 clinicians; the first `clinicianCount` of them do the practising.
    const org = await seedClinicians(store, size === "seeded" ? Math.max(1000, clinicianCount) : clinicianCount);
    if (size === "seeded") {
      const began = Date.now();
      await seedAttempts(store, {
        orgId: org.orgId,
        clinicians: org.clinicians,
        count: seededAttempts,
        onProgress: (done) =>
          process.stdout.write(`\r  ${kind}: seeded ${done} attempts in ${((Date.now() - began) / 1000).toFixed(0)} s`),
      });
      process.stdout.write("\n");
    }
    await store.close();
    const note = kind === "lowdb" ? `file ${(statSync(target.dataFile).size / 1e6).toFixed(1)} MB` : "";
    const server = await startServer(target.serverEnv(await freePort()), 300_000);
    try {
      const clients = await signIn(server.url, org.clinicians.slice(0, clinicianCount));
      const measured: Row[] = [];
      for (const pace of PACES) {
        console.log(
          `  ${kind} ${size}: ${clients.length} clinicians, ${pace.label}, measuring for ${values.seconds} s`,
        );
        const result = await runChoiceLoad(clients, {
          scenarioIds,
          warmupMs: Number(values.warmup) * 1000,
          durationMs: Number(values.seconds) * 1000,
          thinkMs: pace.thinkMs,
        });
        const data = size === "seeded" ? `${seededAttempts.toLocaleString("en-GB")} attempts` : "empty";
        measured.push({ store: kind, data, pace: pace.label, result, note });
      }
      return measured;
    } finally {
      await server.stop();
    }
  } finally {
    await target.remove();
  }
}

const rows: Row[] = [];
for (const size of sizes) {
  for (const kind of stores) {
    console.log(`Measuring ${kind}, ${size} store…`);
    rows.push(...(await measure(kind, size)));
  }
}

const table = markdownTable(
  ["Store", "Data", "Clinicians", "Choices/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "Errors", "Note"],
  rows.map(({ store, data, pace, result, note }) => {
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
      note,
    ];
  }),
);
console.log(
  `\nChoice round trip (POST /api/attempts/:id/choose -> persisted -> new view), ${clinicianCount} concurrent clinicians, ${values.seconds} s each:\n`,
);
console.log(table);
