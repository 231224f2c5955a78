// The progress bar only moves forward and fills only at an ending: checked on every path of every bundled scenario.
import { describe, expect, it } from "vitest";
import { initialTransition, transition } from "xstate";
import { choiceEvent } from "./attempt-context";
import { compileScenario } from "./compile";
import { applyChoice, startRun } from "./engine";
import { progressPercent } from "./progress";
import type { Scenario } from "./schema";
import { validFixture } from "./test-fixtures";
import { parseScenario } from "./validate";

const files = import.meta.glob<string>("../../../scenarios/*.json", { query: "?raw", import: "default", eager: true });

function bundled(): Scenario[] {
  return Object.entries(files)
    .filter(([file]) => !file.endsWith("scenario.schema.json"))
    .map(([, text]) => parseScenario(text));
}

/** The most paths walked one by one; a scenario with more is checked on seeded random paths instead. */
const EXHAUSTIVE_LIMIT = 5_000;
const SAMPLED_PATHS = 1_500;

/**
 * Every path through the compiled machine, depth first, each as the percents the bar showed along it; or, when a
 * scenario has more than EXHAUSTIVE_LIMIT paths (rewritten scenarios offer 3-4 responses at most decisions, so the
 * count multiplies quickly), SAMPLED_PATHS random paths from a fixed seed. One machine and pure transitions (not the
 * engine's persist-and-restore per choice) keep this fast enough for every commit.
 */
function walkPaths(scenario: Scenario): number[][] {
  const machine = compileScenario(scenario);
  type Snapshot = ReturnType<typeof initialTransition<typeof machine>>[0];
  const percentAt = (snapshot: Snapshot) =>
    snapshot.status === "done" ? 100 : progressPercent(scenario, snapshot.context.visited);
  const taken = (snapshot: Snapshot) =>
    (scenario.nodes[String(snapshot.value)]?.choices ?? [])
      .map((choice) => transition(machine, snapshot, choiceEvent(choice.id))[0])
      .filter((next) => next.context.transcript.length > snapshot.context.transcript.length);

  const paths: number[][] = [];
  let tooMany = false;
  const walk = (snapshot: Snapshot, shown: number[]) => {
    if (tooMany) return;
    const here = [...shown, percentAt(snapshot)];
    if (snapshot.status === "done") {
      paths.push(here);
      tooMany = paths.length > EXHAUSTIVE_LIMIT;
      return;
    }
    // A loop back to an earlier node is a legitimate path; variables bound how often it can be taken.
    if (here.length > 60) throw new Error(`${scenario.id}: a path longer than 60 decisions`);
    for (const next of taken(snapshot)) walk(next, here);
  };
  walk(initialTransition(machine)[0], []);
  if (!tooMany) return paths;

  let seed = 20_240_611;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const sampled: number[][] = [];
  for (let i = 0; i < SAMPLED_PATHS; i += 1) {
    let snapshot = initialTransition(machine)[0];
    const shown = [percentAt(snapshot)];
    while (snapshot.status !== "done") {
      if (shown.length > 60) throw new Error(`${scenario.id}: a path longer than 60 decisions`);
      const options = taken(snapshot);
      snapshot = options[Math.floor(random() * options.length)]!;
      shown.push(percentAt(snapshot));
    }
    sampled.push(shown);
  }
  return sampled;
}

describe("progressPercent", () => {
  it("starts empty, is linear along a shortest path, and fills only on the ending", () => {
    // The fixture's shortest route: hello -> ask -> listen -> an ending, 3 decisions; shares worked out by hand.
    const scenario = validFixture();
    expect(progressPercent(scenario, ["hello"])).toBe(0);
    expect(progressPercent(scenario, ["hello", "ask"])).toBe(33);
    expect(progressPercent(scenario, ["hello", "ask", "listen"])).toBe(66);
    expect(progressPercent(scenario, ["hello", "ask", "listen", "close-mixed"])).toBe(100);
    // The engine's view carries the same figure to the practice room.
    const start = startRun(scenario);
    expect(start.view.progress.percent).toBe(0);
    const asked = applyChoice(scenario, start.snapshot, "cold");
    expect(asked.ok && asked.view.progress.percent).toBe(33);
  });

  it("moves forward, not back, when a choice lands on a longer branch", () => {
    // ask -> opens-up adds a decision: 1/3 + (2/3)/3 = 55%, then listen 55.6 + 44.4/2 = 77%; looping back from
    // listen to ask (2 left again) still moves on: 77.8 + 22.2/3 = 85%.
    const scenario = validFixture();
    expect(progressPercent(scenario, ["hello", "ask", "opens-up"])).toBe(55);
    expect(progressPercent(scenario, ["hello", "ask", "opens-up", "listen"])).toBe(77);
    expect(progressPercent(scenario, ["hello", "ask", "opens-up", "listen", "ask"])).toBe(85);
  });

  // The real engine decides which choices are on offer, so these are exactly the paths a learner can take.
  it.each(bundled().map((s) => [s.id, s] as const))(
    "%s: on every path (or 1,500 sampled ones) the bar never goes back, stays under 100 before the ending and is 100 at it",
    (_id, scenario) => {
      const paths = walkPaths(scenario);
      expect(paths.length).toBeGreaterThan(1);
      for (const shown of paths) {
        const path = shown.join(",");
        for (let i = 1; i < shown.length; i += 1) expect(shown[i]!, path).toBeGreaterThanOrEqual(shown[i - 1]!);
        expect(
          shown.slice(0, -1).every((p) => p < 100),
          path,
        ).toBe(true);
        expect(shown.at(-1), path).toBe(100);
      }
    },
    60_000,
  );

  it("covers every bundled scenario", () => {
    expect(bundled().length).toBeGreaterThanOrEqual(8);
  });
});
