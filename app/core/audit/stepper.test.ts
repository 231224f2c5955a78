import { describe, expect, it } from "vitest";
import { applyChoice, startRun } from "../scenario/engine";
import { scoreRun } from "../scenario/scoring";
import { parseScenario } from "../scenario/validate";
import { validFixture } from "../scenario/test-fixtures";
import type { Choice } from "../scenario/schema";
import { seededRandom, walk } from "./walks";

const bundled = import.meta.glob<string>("../../../scenarios/*.json", {
  query: "?raw",
  import: "default",
  eager: true,
});
const scenarios = [
  validFixture(),
  ...Object.entries(bundled)
    .filter(([file]) => !file.endsWith(".schema.json"))
    .map(([, text]) => parseScenario(text)),
];

// The audit plays scenarios with a fast stepper instead of the XState machine; its verdicts mean something only if
// they agree with the real engine's on the same choices, so replay random paths through both.
describe("the audit's stepper agrees with the attempt engine", () => {
  for (const scenario of scenarios) {
    it(`on 40 random paths through ${scenario.id}`, () => {
      const random = seededRandom(scenario.id.length);
      for (let i = 0; i < 40; i += 1) {
        const result = walk(scenario, (offered: Choice[]) => offered[Math.floor(random() * offered.length)] as Choice);
        let { snapshot } = startRun(scenario);
        for (const key of result.path) {
          const applied = applyChoice(scenario, snapshot, key.slice(key.indexOf("/") + 1));
          if (!applied.ok) throw new Error(applied.message);
          snapshot = applied.snapshot;
        }
        const score = scoreRun(scenario, snapshot);
        expect({ overall: result.overall, passed: result.passed, outcome: result.outcome }).toEqual({
          overall: score.overall,
          passed: score.passed,
          outcome: score.outcome,
        });
        expect(result.critical).toBe(score.criticalErrors.length);
      }
    });
  }
});
