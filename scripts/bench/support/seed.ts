// Seeds stores for the benchmarks and reliability scripts through the Store interface only: an organisation,
// N clinicians who can log in, and any number of realistic attempts (random walks through bundled scenarios).
import { applyChoice, startRun, viewOf, type Scenario } from "~/core/scenario";
import type { Attempt, NewAttempt, Store } from "~/storage/types";
import { hashPassword } from "~/utils/password.server";
import { attemptResult } from "~/services/attempts.server";
import { loadBundledScenarios, scenariosDir } from "~/services/catalogue.server";

/** Only ever used for throw-away benchmark accounts. */
export const BENCH_PASSWORD = "bench-password-not-secret";
/** Cheap scrypt for throw-away accounts, so logging in 50 clinicians is not the benchmark (verify reads these from the hash). */
const BENCH_SCRYPT = { log2N: 10, r: 8, p: 1 };

export interface SeededClinician {
  id: string;
  email: string;
}

export interface SeededOrganisation {
  orgId: string;
  clinicians: SeededClinician[];
}

export async function seedClinicians(
  store: Store,
  count: number,
  options: { orgName?: string; emailPrefix?: string } = {},
): Promise<SeededOrganisation> {
  const org = await store.createOrganisation({ name: options.orgName ?? "Benchmark NHS Trust" });
  const passwordHash = await hashPassword(BENCH_PASSWORD, BENCH_SCRYPT);
  const prefix = options.emailPrefix ?? "clinician";
  const clinicians: SeededClinician[] = [];
  // In chunks: lowdb commits a burst of changes in one write, PostgreSQL runs them on several connections.
  for (let start = 0; start < count; start += 100) {
    const chunk = await Promise.all(
      Array.from({ length: Math.min(100, count - start) }, async (_, k) => {
        const email = `${prefix}-${String(start + k).padStart(5, "0")}@bench.example.org`;
        const user = await store.createUser({ email, name: `Bench clinician ${start + k}`, passwordHash });
        await store.setMembership({ userId: user.id, orgId: org.id, roles: ["clinician"], teamIds: [] });
        return { id: user.id, email };
      }),
    );
    clinicians.push(...chunk);
  }
  return { orgId: org.id, clinicians };
}

export function benchScenarios(): Scenario[] {
  const set = loadBundledScenarios(scenariosDir());
  if (set.byId.size === 0)
    throw new Error(`No bundled scenarios could be loaded from ${scenariosDir()}: ${set.problems.join("; ")}`);
  return [...set.byId.values()];
}

/** A deterministic pseudo-random sequence, so seeded stores are the same from run to run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

type AttemptShape = Pick<NewAttempt, "scenarioId" | "scenarioVersion" | "snapshot" | "path" | "result" | "status">;

/** Walks a scenario from its start, taking random offered choices, for at most `steps` choices (Infinity: to an ending). */
export function randomWalk(scenario: Scenario, random: () => number, steps = Infinity): AttemptShape {
  const run = startRun(scenario);
  let snapshot = run.snapshot;
  const path = [run.view.nodeId];
  let view = run.view;
  for (let i = 0; i < steps && !view.finished && view.choices.length > 0; i++) {
    const choice = view.choices[Math.floor(random() * view.choices.length)]!;
    const outcome = applyChoice(scenario, snapshot, choice.id);
    if (!outcome.ok) throw new Error(`Seeding walk failed in ${scenario.id}: ${outcome.message}`);
    snapshot = outcome.snapshot;
    view = outcome.view;
    path.push(view.nodeId);
  }
  const finished = viewOf(scenario, snapshot).finished;
  return {
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    snapshot,
    path,
    status: finished ? "completed" : "in-progress",
    // Scored as the app scores a choice that reaches an ending.
    result: finished ? attemptResult(scenario, snapshot) : null,
  };
}

/**
 * Creates `count` attempts spread round-robin over the clinicians: about four in five finished, the rest part-way.
 * A pool of distinct walks is reused, because the engine, not the store, would otherwise dominate the seeding time.
 */
export async function seedAttempts(
  store: Store,
  options: {
    orgId: string;
    clinicians: SeededClinician[];
    count: number;
    batch?: number;
    onProgress?: (done: number) => void;
  },
): Promise<number> {
  const scenarios = benchScenarios();
  const random = seededRandom(7);
  const shapes = Array.from({ length: 400 }, (_, i) =>
    randomWalk(scenarios[i % scenarios.length]!, random, random() < 0.8 ? Infinity : 1 + Math.floor(random() * 4)),
  );
  const batch = options.batch ?? (store.kind === "lowdb" ? 5_000 : 200);
  let done = 0;
  while (done < options.count) {
    const size = Math.min(batch, options.count - done);
    await Promise.all(
      Array.from({ length: size }, (_, k): Promise<Attempt> => {
        const i = done + k;
        const shape = shapes[i % shapes.length]!;
        return store.createAttempt({
          ...shape,
          orgId: options.orgId,
          userId: options.clinicians[i % options.clinicians.length]!.id,
          mode: i % 5 === 0 ? "assessment" : "learning",
          confidenceBefore: 1 + (i % 5),
          confidenceAfter: shape.status === "completed" ? 1 + ((i + 2) % 5) : null,
          reflection: null,
          presence: null,
          assignmentId: null,
        });
      }),
    );
    done += size;
    options.onProgress?.(done);
  }
  return done;
}
