// Simulated clinicians practising at once: each makes choices through the JSON practice API as fast as answers
// come back, starts a new attempt when one ends, and records the round trip of every choice it makes.
import { ClinicianClient, type ApiView } from "./http-client";
import { BENCH_PASSWORD, seededRandom, type SeededClinician } from "./seed";
import { elapsedMs } from "./stats";

export interface LoadResult {
  /** Round trip of each acknowledged choice (POST -> persisted -> new view), in ms. */
  latencies: number[];
  /** Choices refused or failed, by HTTP status or error name. */
  errors: Record<string, number>;
  attemptsStarted: number;
  seconds: number;
}

export async function signIn(baseUrl: string, clinicians: SeededClinician[]): Promise<ClinicianClient[]> {
  const clients = clinicians.map((c) => new ClinicianClient(baseUrl, c.email));
  // Ten at a time: each login runs scrypt on the server's two cores.
  for (let i = 0; i < clients.length; i += 10)
    await Promise.all(clients.slice(i, i + 10).map((c) => c.login(BENCH_PASSWORD)));
  return clients;
}

/** Runs every client for warmupMs (not recorded) and then durationMs (recorded). */
export async function runChoiceLoad(
  clients: ClinicianClient[],
  options: {
    scenarioIds: string[];
    warmupMs: number;
    durationMs: number;
    /** Mean pause between a view arriving and the next choice (0: as fast as possible, a stress test). */
    thinkMs?: number;
    seed?: number;
  },
): Promise<LoadResult> {
  const random = seededRandom(options.seed ?? 11);
  const result: LoadResult = { latencies: [], errors: {}, attemptsStarted: 0, seconds: options.durationMs / 1000 };
  const start = Date.now();
  const recordFrom = start + options.warmupMs;
  const stopAt = recordFrom + options.durationMs;
  const countError = (key: string) => {
    if (Date.now() >= recordFrom) result.errors[key] = (result.errors[key] ?? 0) + 1;
  };

  async function practise(client: ClinicianClient, index: number) {
    let view: ApiView | null = null;
    while (Date.now() < stopAt) {
      if (!view || view.attempt.status !== "in-progress" || view.choices.length === 0) {
        const scenarioId = options.scenarioIds[(index + result.attemptsStarted) % options.scenarioIds.length]!;
        view = await client.view(await client.startAttempt(scenarioId));
        result.attemptsStarted++;
        continue;
      }
      const choice = view.choices[Math.floor(random() * view.choices.length)]!;
      const sent = process.hrtime.bigint();
      const sentAt = Date.now();
      let reply;
      try {
        reply = await client.choose(view.attempt.id, choice.id, view.attempt.step);
      } catch (error) {
        countError((error as NodeJS.ErrnoException).code ?? "network error");
        view = null;
        continue;
      }
      const took = elapsedMs(sent);
      if (reply.status === 200) {
        view = (JSON.parse(reply.body) as { view: ApiView }).view;
        if (sentAt >= recordFrom && Date.now() <= stopAt) result.latencies.push(took);
        // A person reads the reply before answering; jittered so the clinicians do not move in lock-step.
        if (options.thinkMs) await new Promise((resolve) => setTimeout(resolve, options.thinkMs! * (0.5 + random())));
      } else {
        countError(`HTTP ${reply.status}`);
        view = await client.view(view.attempt.id);
      }
    }
  }

  await Promise.all(clients.map((client, i) => practise(client, i)));
  return result;
}
