// Kill -9 proof: while many choice submissions are in flight, kill the server with SIGKILL at a random moment,
// restart it, and check that every acknowledged choice is stored, the lowdb file parses and no temp file is left.
// Run: node --import tsx tests/reliability/kill9.ts --store lowdb|postgres [--kills 50 --in-flight 1000]
// Exits 1 on any lost acknowledged write, unparsable file or leftover temp file.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import type { ApiView, ClinicianClient } from "../../scripts/bench/support/http-client";
import { signIn } from "../../scripts/bench/support/load";
import { benchScenarios, seedAttempts, seedClinicians, seededRandom } from "../../scripts/bench/support/seed";
import { startServer, type RunningServer } from "../../scripts/bench/support/server-process";
import { freePort, freshTarget, type StoreKind } from "../../scripts/bench/support/targets";
import { missing, readProgress, tempFilesIn, type Acknowledged } from "./support/acknowledged";

const { values } = parseArgs({
  options: {
    store: { type: "string", default: "lowdb" },
    kills: { type: "string", default: "50" },
    "in-flight": { type: "string", default: "1000" },
    seed: { type: "string", default: String(Date.now() % 100_000) },
    // Attempts stored before the proof starts (issue 16: the proof must hold on a store with a year's history).
    history: { type: "string", default: "0" },
  },
});
const kind = values.store as StoreKind;
if (kind !== "lowdb" && kind !== "postgres")
  throw new Error(`--store must be lowdb or postgres, not "${values.store}"`);
const kills = Number(values.kills);
const inFlight = Number(values["in-flight"]);
const history = Number(values.history);
const random = seededRandom(Number(values.seed));
const scenarioIds = benchScenarios().map((s) => s.id);

/** One attempt being moved on by one request at a time; `view` is null when its state must be read again. */
interface Slot {
  client: ClinicianClient;
  view: ApiView | null;
  attemptId: string | null;
}

const target = freshTarget(kind, "kill9");
const problems: string[] = [];
const acknowledged: Acknowledged[] = [];
const totals = {
  sent: 0,
  acknowledged: 0,
  refused: 0,
  cutOff: 0,
  tempFilesAfterKill: 0,
  inFlightAtKill: [] as number[],
  restartMs: [] as number[],
};
const began = Date.now();
let server: RunningServer | null = null;

async function restart(port: number): Promise<RunningServer> {
  const t0 = Date.now();
  const running = await startServer(target.serverEnv(port), 120_000);
  totals.restartMs.push(Date.now() - t0);
  return running;
}

/** Runs `step` up to six times, pausing longer each time, when the network (not the app) fails. */
async function withRetries(step: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 6 || !code || !["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT"].includes(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

/** Brings every slot to a known, in-progress attempt: re-reads unknown ones, replaces finished ones. */
async function prepare(slots: Slot[]): Promise<void> {
  const one = (slot: Slot, i: number) =>
    // A connection reset while the restarted server warms up is not what is being tested: try again, a few times.
    withRetries(async () => {
      if (slot.attemptId && !slot.view) slot.view = await slot.client.view(slot.attemptId);
      if (!slot.view || slot.view.attempt.status !== "in-progress" || slot.view.choices.length === 0) {
        slot.attemptId = await slot.client.startAttempt(scenarioIds[i % scenarioIds.length]!);
        slot.view = await slot.client.view(slot.attemptId);
      }
    });
  // Fifty at a time (each chunk is started only when the previous one has finished, so a failure is always awaited
  // and reported rather than left as an unhandled rejection): preparation is not what is being tested.
  for (let i = 0; i < slots.length; i += 50) {
    await Promise.all(slots.slice(i, i + 50).map((slot, k) => one(slot, i + k)));
  }
}

/**
 * Sends one choice per slot at once. With killAfterAnswers set, the server is killed -9 the moment that many of
 * them have been answered (a random point inside the burst, so hundreds are always still in flight).
 */
async function burst(slots: Slot[], killAfterAnswers: number | null): Promise<{ ms: number; pendingAtKill: number }> {
  let answered = 0;
  let pendingAtKill = 0;
  let reachKillPoint = () => {};
  const killPoint = new Promise<void>((resolve) => (reachKillPoint = resolve));
  const t0 = Date.now();
  const requests = slots.map(async (slot) => {
    const view = slot.view!;
    const choice = view.choices[Math.floor(random() * view.choices.length)]!;
    slot.view = null;
    totals.sent++;
    try {
      const reply = await slot.client.choose(view.attempt.id, choice.id, view.attempt.step, undefined, 20_000);
      if (reply.status === 200) {
        const next = (JSON.parse(reply.body) as { view: ApiView }).view;
        acknowledged.push({ attemptId: next.attempt.id, step: next.attempt.step, nodeId: next.history.at(-1)!.nodeId });
        totals.acknowledged++;
        slot.view = next;
      } else {
        totals.refused++;
      }
    } catch {
      totals.cutOff++;
    } finally {
      answered++;
      if (killAfterAnswers !== null && answered >= killAfterAnswers) reachKillPoint();
    }
  });
  if (killAfterAnswers !== null) {
    if (killAfterAnswers <= 0) await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 50)));
    else await killPoint;
    pendingAtKill = slots.length - answered;
    await server!.kill9();
  }
  await Promise.all(requests);
  return { ms: Date.now() - t0, pendingAtKill };
}

async function checkAfterKill(cycle: number): Promise<void> {
  try {
    const lost = missing(acknowledged, await readProgress(target, acknowledged));
    for (const line of lost.slice(0, 5)) problems.push(`kill ${cycle}: lost ${line}`);
    if (lost.length > 5) problems.push(`kill ${cycle}: ${lost.length - 5} more acknowledged choices lost`);
  } catch (error) {
    problems.push(`kill ${cycle}: the store could not be read after the kill: ${(error as Error).message}`);
  }
  if (kind === "lowdb") totals.tempFilesAfterKill += tempFilesIn(target.dir).length;
}

try {
  const store = await target.open();
  // Each slot is its own clinician and scenario pair: a clinician keeps one attempt in progress per scenario
  // (starting again ends the old one), so two slots sharing a pair would end each other's attempts.
  const org = await seedClinicians(store, Math.ceil(inFlight / scenarioIds.length));
  if (history > 0) {
    // Other people's past attempts, in another organisation, so the slots' own attempts are untouched by them.
    const past = await seedClinicians(store, 200, { orgName: "History NHS Trust", emailPrefix: "history" });
    await seedAttempts(store, { orgId: past.orgId, clinicians: past.clinicians, count: history });
    console.log(`${kind}: ${history.toLocaleString("en-GB")} attempts stored before the proof`);
  }
  await store.close();
  const port = await freePort();
  server = await restart(port);
  let clients: Awaited<ReturnType<typeof signIn>> = [];
  await withRetries(async () => {
    clients = await signIn(server!.url, org.clinicians);
  });
  const slots: Slot[] = Array.from({ length: inFlight }, (_, i) => ({
    client: clients[Math.floor(i / scenarioIds.length)]!,
    view: null,
    attemptId: null,
  }));
  await prepare(slots);

  // A whole burst first, not killed, for the record (and to warm the server up).
  const whole = await burst(slots, null);
  console.log(
    `${kind}: ${inFlight} concurrent choices take ${whole.ms} ms when nothing is killed; now ${kills} kills inside such bursts`,
  );

  for (let cycle = 1; cycle <= kills; cycle++) {
    await prepare(slots);
    const result = await burst(slots, Math.floor(random() * 0.9 * inFlight));
    totals.inFlightAtKill.push(result.pendingAtKill);
    await checkAfterKill(cycle);
    server = await restart(port);
    if (kind === "lowdb") {
      const left = tempFilesIn(target.dir);
      if (left.length > 0) problems.push(`kill ${cycle}: temp files left after restart: ${left.join(", ")}`);
    }
    if (cycle % 10 === 0)
      console.log(
        `  ${cycle}/${kills} kills, ${totals.acknowledged} acknowledged so far, ${((Date.now() - began) / 1000).toFixed(0)} s`,
      );
  }

  await server.stop();
  server = null;
  // The final word: open the store as the app does and look at every acknowledged choice once more.
  const final = await target.open();
  const stored = new Map<string, { path: string[] }>();
  for (const id of new Set(acknowledged.map((a) => a.attemptId))) {
    const attempt = await final.getAttempt(id);
    if (attempt) stored.set(id, attempt);
  }
  await final.close();
  const lost = missing(acknowledged, stored);
  for (const line of lost.slice(0, 10)) problems.push(`after the last restart: lost ${line}`);
  if (kind === "lowdb") {
    const left = tempFilesIn(target.dir);
    if (left.length > 0) problems.push(`temp files left at the end: ${left.join(", ")}`);
    if (existsSync(`${target.dataFile}.lock`)) problems.push("the lock file was left after a clean stop");
  }
} catch (error) {
  problems.push(`the run stopped early: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  if (server) await server.kill9();
  await target.remove().catch(() => undefined);
}

const sortedInFlight = [...totals.inFlightAtKill].sort((a, b) => a - b);
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;
console.log(`
Kill -9 proof on ${kind} (seed ${values.seed}), ${((Date.now() - began) / 1000).toFixed(0)} s
  attempts stored before:     ${history.toLocaleString("en-GB")}
  kills:                      ${totals.inFlightAtKill.length}
  choices sent:               ${totals.sent} (${inFlight} in flight per burst)
  acknowledged (HTTP 200):    ${totals.acknowledged}
  refused (4xx/5xx):          ${totals.refused}
  cut off by a kill:          ${totals.cutOff}
  in flight at each kill:     min ${sortedInFlight[0] ?? 0}, median ${median(sortedInFlight)}, max ${sortedInFlight.at(-1) ?? 0}
  temp files found after kills (removed at restart): ${totals.tempFilesAfterKill}
  restart time:               median ${median(totals.restartMs)} ms
  acknowledged choices lost:  ${problems.length === 0 ? 0 : "see below"}`);
if (problems.length > 0) {
  console.error(`\nFAILED:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log("PASSED: every acknowledged choice survived every kill.");
