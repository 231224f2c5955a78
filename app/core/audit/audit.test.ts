import { describe, expect, it } from "vitest";
import { auditScenario, decisionFigures, explorePaths, longestResponse, randomWalks, shortestResponse, walk } from ".";
import { knownAnswersScenario } from "./test-scenario";

// The fixture, worked by hand (lengths in characters; value = sum of effects):
//   a: a1 40ch {safety 2} | a2 10ch {safety -3} | a3 20ch {rapport 1}           -> best a1 (longest), ratio 40/15
//   b: b1 10ch {rapport 2} | b2 33ch {rapport -1} -> poor | b3 20ch {rapport 2}, critical -> best b1 and b3 (tie),
//      b1 the shortest; ratio max(10, 20)/33.
// Possible: safety 2 (at a), rapport 1 (a) + 2 (b) = 3. Pass mark 70. The nine paths' overall (mean of the two):
//   a1b1 (100+67)/2=84 good PASS | a1b2 50 poor | a1b3 84 good but critical
//   a2b1 (0+67)/2=34 | a2b2 0 poor | a2b3 34 critical
//   a3b1 (0+100)/2=50 | a3b2 0 poor | a3b3 50 critical
// So 9 paths, 1 passes, 1 more (a1b3) passes on score and is failed only by the critical rule; mean 386/9 = 42.9.
describe("the item-writing audit on a fixture with known answers", () => {
  it("finds the best responses, which is longest and shortest, and the length ratio", () => {
    expect(decisionFigures(knownAnswersScenario())).toEqual([
      {
        nodeId: "a",
        best: ["a1"],
        hasBest: true,
        bestIsLongest: true,
        bestIsShortest: false,
        lengthRatio: 40 / 15,
        ratioChoiceId: "a1",
      },
      {
        nodeId: "b",
        best: ["b1", "b3"],
        hasBest: true,
        bestIsLongest: false,
        bestIsShortest: true,
        lengthRatio: 20 / 33,
        ratioChoiceId: "b3",
      },
    ]);
  });

  it("plays the longest- and shortest-response bots", () => {
    const scenario = knownAnswersScenario();
    // Longest: a1 (40) then b2 (33) -> poor ending, safety 100, rapport 0 -> 50.
    expect(walk(scenario, longestResponse)).toMatchObject({ path: ["a/a1", "b/b2"], overall: 50, passed: false });
    // Shortest: a2 (10) then b1 (10, first of the shortest) -> good ending, safety 0, rapport 67 -> 34.
    expect(walk(scenario, shortestResponse)).toMatchObject({
      path: ["a/a2", "b/b1"],
      overall: 34,
      outcome: "good",
      passed: false,
    });
  });

  it("counts every path, the passing ones and those only the critical rule fails", () => {
    const paths = explorePaths(knownAnswersScenario());
    expect(paths).toMatchObject({ exhaustive: true, paths: 9, passing: 1, scorePassingWithCritical: 1 });
    expect(paths.passingWithCritical).toBe(0);
    expect([...paths.onPassingPath].sort()).toEqual(["a/a1", "b/b1"]);
    expect([...paths.onScorePassingPath].sort()).toEqual(["a/a1", "b/b1", "b/b3"]);
  });

  it("gives up on listing paths past the state cap and says so", () => {
    const paths = explorePaths(knownAnswersScenario(), 2);
    expect(paths.exhaustive).toBe(false);
    expect(paths.gaveUp).toMatch(/more than 2 distinct states/);
  });

  it("samples random walks near the exact figures, the same on every run for one seed", () => {
    const figures = randomWalks(knownAnswersScenario(), 9_000, 7);
    expect(figures.passRate).toBeGreaterThan(1 / 9 - 0.015);
    expect(figures.passRate).toBeLessThan(1 / 9 + 0.015);
    expect(figures.meanOverall).toBeGreaterThan(386 / 9 - 1.5);
    expect(figures.meanOverall).toBeLessThan(386 / 9 + 1.5);
    expect(figures.passedWithCritical).toBe(0);
    expect(randomWalks(knownAnswersScenario(), 9_000, 7)).toEqual(figures);
  });

  it("reports the figures, the thresholds broken and warnings with fix hints", () => {
    const report = auditScenario(knownAnswersScenario(), { walks: 2_000 });
    expect(report).toMatchObject({
      decisions: 2,
      scoredDecisions: 2,
      bestIsLongest: 1,
      bestIsShortest: 1,
      bestIsLongestShare: 0.5,
      largestLengthRatio: { ratio: 40 / 15, nodeId: "a", choiceId: "a1" },
      longestBot: { overall: 50, passed: false, outcome: "poor" },
      shortestBot: { overall: 34, passed: false, outcome: "good" },
      paths: { exhaustive: true, counted: 9, passing: 1, passingWithCritical: 0, heldBackByCritical: 1 },
      criticalChoices: 1,
    });
    // 1 of 9 paths pass (11%, above 2%) and the best is longest at 50% (above 45%).
    expect(report.failures).toHaveLength(2);
    expect(report.failures[0]).toMatch(/^Random choices pass 1\d\.\d% of the time \(at most 2%\)\.$/);
    expect(report.failures[1]).toBe("The best response is the longest at 1 of 2 decisions (50%; at most 45%).");
    const codes = report.findings.map((f) => `${f.code} ${f.nodeId ?? ""}/${f.choiceId ?? ""}`);
    expect(codes).toEqual([
      "audit-threshold /",
      "audit-threshold /",
      "length-cue a/a1",
      "absolute-wording b/b2",
      "critical-reaches-good-ending b/b3",
    ]);
    expect(report.findings.every((f) => f.severity === "warning" && (f.hint ?? "").length > 20)).toBe(true);
  });

  it("warns when a choice costing 3 or more is not critical and a path through it passes", () => {
    const scenario = { ...knownAnswersScenario(), passMark: 30 };
    // Pass mark 30: a2b1 (34, good ending) now passes, so a2 (-3, not critical) is on a passing path.
    const harmful = auditScenario(scenario, { walks: 100 }).findings.filter((f) => f.code === "harmful-not-critical");
    expect(harmful.map((f) => f.choiceId)).toEqual(["a2"]);
    expect(auditScenario(knownAnswersScenario(), { walks: 100 }).findings.map((f) => f.code)).not.toContain(
      "harmful-not-critical",
    );
  });
});
