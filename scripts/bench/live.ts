// `npm run bench:live`: live role-play's two costs that Webside controls. (1) Time to first remote frame: two headless
// Chromiums on fake cameras, the actor joining a clinician waiting in the lobby, a few calls per set-up. (2) Signalling
// latency: many sessions at once, each with 2 or 3 participants (every other session has an observer) holding their
// event streams and posting ICE candidates to each other about every 2 s, from POST to arrival on the other's stream.
// Set-ups: lowdb; PostgreSQL with one instance; PostgreSQL with two instances (the actor, and every other observer,
// on the second). Prints tables and asserts nothing; a configuration that fails prints its row with the reason and
// the run goes on. Everything listens on 127.0.0.1; every loop ends by the clock.
// Options: --setups lowdb,postgres,postgres-2 --sessions 1,25,100 --seconds 10 --warmup 2 --interval-ms 2000
//          --repeats 5 --first-frame lowdb,postgres-2      (DATABASE_URL defaults to the local test database)
import os from "node:os";
import { parseArgs } from "node:util";
import { failureReason } from "./support/failure";
import { signIn } from "./support/load";
import { measureFirstFrames, type FirstFrameSample } from "./support/live-first-frame";
import { createSession, endSession, type BenchSession } from "./support/live-sessions";
import { runSignallingLoad, type SignallingResult } from "./support/live-signalling";
import { BENCH_PASSWORD, seedClinicians, type SeededClinician } from "./support/seed";
import { ensureBuilt, startServer, type RunningServer } from "./support/server-process";
import { markdownTable, ms, summarise } from "./support/stats";
import { freePort, freshTarget, type StoreKind } from "./support/targets";
import type { ClinicianClient } from "./support/http-client";

const { values } = parseArgs({
  options: {
    setups: { type: "string", default: "lowdb,postgres,postgres-2" },
    sessions: { type: "string", default: "1,25,100" },
    seconds: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    "interval-ms": { type: "string", default: "2000" },
    repeats: { type: "string", default: "5" },
    "first-frame": { type: "string", default: "lowdb,postgres-2" },
  },
});

const SCENARIO = "sceptical-first-video";
const SETUPS = {
  lowdb: { kind: "lowdb", instances: 1, label: "lowdb" },
  postgres: { kind: "postgres", instances: 1, label: "PostgreSQL, 1 instance" },
  "postgres-2": { kind: "postgres", instances: 2, label: "PostgreSQL, 2 instances" },
} as const satisfies Record<string, { kind: StoreKind; instances: 1 | 2; label: string }>;
type SetupName = keyof typeof SETUPS;

const setupNames = values.setups.split(",").filter((name): name is SetupName => name in SETUPS);
const firstFrameSetups = new Set(values["first-frame"].split(",").filter(Boolean));
const sessionCounts = values.sessions
  .split(",")
  .map(Number)
  .filter((n) => n > 0);
const repeats = Number(values.repeats);

interface FrameRow {
  setup: string;
  samples: FirstFrameSample[];
  note: string;
}
interface SignalRow {
  setup: string;
  sessions: number;
  participants: number;
  result: SignallingResult | null;
  note: string;
}
const frameRows: FrameRow[] = [];
const signalRows: SignalRow[] = [];

/** Session k: the learner is clinician 3k, the actor 3k+1, and in odd sessions clinician 3k+2 observes. */
async function openSessions(count: number, clients: ClinicianClient[], who: SeededClinician[], bases: string[]) {
  const sessions: BenchSession[] = [];
  const person = (i: number, base: string) => ({ client: clients[i]!, userId: who[i]!.id, base });
  // Ten at a time, as a burst of colleagues might; each is four or five requests.
  for (let start = 0; start < count; start += 10) {
    const batch = Array.from({ length: Math.min(10, count - start) }, (_, j) => start + j);
    sessions.push(
      ...(await Promise.all(
        batch.map((k) =>
          createSession(SCENARIO, person(3 * k, bases[0]!), [
            { ...person(3 * k + 1, bases.at(-1)!), role: "actor" as const },
            ...(k % 2 === 1 ? [{ ...person(3 * k + 2, bases[k % bases.length]!), role: "observer" as const }] : []),
          ]),
        ),
      )),
    );
  }
  return sessions;
}

async function measure(name: SetupName): Promise<void> {
  const setup = SETUPS[name];
  const target = freshTarget(setup.kind, "bench-live");
  const servers: RunningServer[] = [];
  let stage = "seeding";
  const failAll = (reason: string) => {
    if (firstFrameSetups.has(name) && !frameRows.some((r) => r.setup === setup.label))
      frameRows.push({ setup: setup.label, samples: [], note: reason });
    for (const sessions of sessionCounts.filter(
      (n) => !signalRows.some((r) => r.setup === setup.label && r.sessions === n),
    ))
      signalRows.push({ setup: setup.label, sessions, participants: 0, result: null, note: reason });
  };
  try {
    const store = await target.open();
    const org = await seedClinicians(store, Math.max(2, 3 * Math.max(...sessionCounts)));
    await store.close();
    stage = "starting the server";
    for (let i = 0; i < setup.instances; i++) servers.push(await startServer(target.serverEnv(await freePort())));
    const bases = servers.map((s) => s.url);

    if (firstFrameSetups.has(name)) {
      stage = "timing the first remote frame";
      console.log(`  ${setup.label}: ${repeats} calls between two Chromiums`);
      const frames = await measureFirstFrames({
        learner: { base: bases[0]!, email: org.clinicians[0]!.email },
        actor: { base: bases.at(-1)!, email: org.clinicians[1]!.email },
        password: BENCH_PASSWORD,
        scenarioId: SCENARIO,
        repeats,
      });
      frameRows.push({
        setup: setup.label,
        samples: frames.samples,
        note: frames.problem ? `FAILED after ${frames.samples.length} calls: ${frames.problem}` : "",
      });
    }

    stage = "signing in";
    const clients = await signIn(bases[0]!, org.clinicians);
    for (const count of sessionCounts) {
      let sessions: BenchSession[] = [];
      let participants = 0;
      try {
        stage = `opening ${count} sessions`;
        sessions = await openSessions(count, clients, org.clinicians, bases);
        participants = sessions.reduce((sum, s) => sum + s.participants.length, 0);
        stage = `measuring ${count} sessions`;
        console.log(`  ${setup.label}: ${count} sessions, ${participants} participants, ${values.seconds} s`);
        const result = await runSignallingLoad(sessions, {
          warmupMs: Number(values.warmup) * 1000,
          durationMs: Number(values.seconds) * 1000,
          meanIntervalMs: Number(values["interval-ms"]),
          drainMs: 5_000,
        });
        signalRows.push({ setup: setup.label, sessions: count, participants, result, note: "" });
      } catch (error) {
        const note = `FAILED while ${stage}: ${failureReason(error)}`;
        console.log(`  ${setup.label}: ${note}`);
        signalRows.push({ setup: setup.label, sessions: count, participants, result: null, note });
      } finally {
        await Promise.all(sessions.map((s) => endSession(s).catch(() => undefined)));
      }
    }
  } catch (error) {
    const note = `FAILED while ${stage}: ${failureReason(error)}`;
    console.log(`  ${setup.label}: ${note}`);
    failAll(note);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await target.remove().catch(() => undefined);
  }
}

ensureBuilt();
const [load1] = os.loadavg();
console.log(`bench:live on ${os.cpus().length} cores (load average ${load1!.toFixed(1)} at the start)`);
for (const name of setupNames) {
  console.log(`Measuring ${SETUPS[name].label}…`);
  await measure(name);
}

const pair = (samples: number[]) => {
  const s = summarise(samples);
  return s.count === 0 ? "-" : `${ms(s.p50)} / ${ms(s.p95)}`;
};
console.log(
  `\nTime to first remote frame, from the actor pressing "Join" (the clinician waiting in the lobby), ms p50 / p95:\n`,
);
console.log(
  markdownTable(
    ["Set-up", "Calls", "Clinician sees actor", "Actor sees clinician", "Both see each other", "Note"],
    frameRows.map((r) => [
      r.setup,
      r.samples.length,
      pair(r.samples.map((s) => s.learnerMs)),
      pair(r.samples.map((s) => s.actorMs)),
      pair(r.samples.map((s) => Math.max(s.learnerMs, s.actorMs))),
      r.note,
    ]),
  ),
);
console.log(
  `\nSignalling latency, POST /live/:id/signal -> the addressee's event stream, each participant sending about every ${values["interval-ms"]} ms for ${values.seconds} s:\n`,
);
console.log(
  markdownTable(
    [
      "Set-up",
      "Sessions",
      "Participants",
      "Messages/s",
      "p50 ms",
      "p95 ms",
      "p99 ms",
      "max ms",
      "Lost",
      "Errors",
      "Note",
    ],
    signalRows.map(({ setup, sessions, participants, result, note }) => {
      if (!result) return [setup, sessions, participants || "-", "-", "-", "-", "-", "-", "-", "-", note];
      const s = summarise(result.latencies);
      const errors =
        Object.entries(result.errors)
          .map(([k, n]) => `${k}: ${n}`)
          .join(", ") || "0";
      const misrouted = result.misrouted > 0 ? `${result.misrouted} delivered to the wrong person` : "";
      return [
        setup,
        sessions,
        participants,
        // Each participant waits for its POST's answer before pausing, so a slow server gets fewer than offered.
        `${(result.sent / result.seconds).toFixed(0)} of ${((participants * 1000) / Number(values["interval-ms"])).toFixed(0)}`,
        ms(s.p50),
        ms(s.p95),
        ms(s.p99),
        ms(s.max),
        result.lost,
        errors,
        [note, misrouted].filter(Boolean).join("; "),
      ];
    }),
  ),
);
