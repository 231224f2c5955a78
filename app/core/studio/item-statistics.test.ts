import { describe, expect, it } from "vitest";
import { knownAnswersScenario } from "../audit/test-scenario";
import { itemStatistics, itemStatisticsRows, pearson, type ItemAttempt } from "./item-statistics";

// The audit fixture: a: a1 {safety 2} best | a2 {safety -3} | a3 {rapport 1};
//                    b: b1 {rapport 2} best | b2 {rapport -1} | b3 {rapport 2} best (tie, critical).
const attempt = (personId: string, a: string, b: string, completedAt = "2026-01-01T10:00:00Z"): ItemAttempt => ({
  personId,
  completedAt,
  steps: [
    { nodeId: "a", choiceId: a },
    { nodeId: "b", choiceId: b },
  ],
});

// Worked by hand, one first attempt per person (p1's later attempt is left out):
//   person  a   b   value a  value b
//   p1      a1  b1     2        2
//   p2      a1  b2     2       -1
//   p3      a2  b2    -3       -1
//   p4      a3  b1     1        2
//   p5      a3  b1     1        2
// Decision a: chose best x = 1,1,0,0,0 (facility 2/5); rest of score = value b = 2,-1,-1,2,2 (mean 0.8).
//   dx = .6,.6,-.4,-.4,-.4; dy = 1.2,-1.8,-1.8,1.2,1.2; sum dx.dy = -0.6; sum dx² = 1.2; sum dy² = 10.8
//   r = -0.6 / sqrt(1.2 * 10.8) = -0.6 / 3.6 = -1/6: people who got a right did worse on the rest (flagged).
// Decision b: x = 1,0,0,1,1 (facility 3/5); rest = value a = 2,2,-3,1,1 (mean 0.6).
//   dx = .4,-.6,-.6,.4,.4; dy = 1.4,1.4,-3.6,.4,.4; sum dx.dy = 2.2; sum dx² = 1.2; sum dy² = 17.2
//   r = 2.2 / sqrt(20.64) = 0.4842.
const attempts = [
  attempt("p1", "a1", "b1"),
  attempt("p2", "a1", "b2"),
  attempt("p3", "a2", "b2"),
  attempt("p4", "a3", "b1"),
  attempt("p5", "a3", "b1"),
  attempt("p1", "a2", "b2", "2026-01-02T10:00:00Z"),
];

describe("item statistics on a fixture with hand-computed values", () => {
  const report = itemStatistics(knownAnswersScenario(), attempts);
  const [a, b] = report.items;

  it("uses each person's first completed attempt and notes the small sample", () => {
    expect(report.attempts).toBe(5);
    expect(report.smallSample).toBe(true);
  });

  it("gives the facility and the point-biserial discrimination per decision", () => {
    expect(a?.answered).toBe(5);
    expect(a?.facility).toBeCloseTo(0.4, 10);
    expect(a?.discrimination).toBeCloseTo(-1 / 6, 10);
    expect(a?.negativeDiscrimination).toBe(true);
    expect(b?.facility).toBeCloseTo(0.6, 10);
    expect(b?.discrimination).toBeCloseTo(2.2 / Math.sqrt(20.64), 10);
    expect(b?.negativeDiscrimination).toBe(false);
  });

  it("gives each response's share, marks the best, and never calls an unchosen best response a distractor", () => {
    expect(a?.responses.map((r) => [r.choiceId, r.count, r.share, r.best])).toEqual([
      ["a1", 2, 0.4, true],
      ["a2", 1, 0.2, false],
      ["a3", 2, 0.4, false],
    ]);
    expect(b?.responses.find((r) => r.choiceId === "b3")).toMatchObject({
      count: 0,
      best: true,
      nonFunctioning: false,
    });
  });

  it("flags a distractor fewer than 5% choose, and has no discrimination when everyone chooses the best", () => {
    const everyone = Array.from({ length: 30 }, (_, i) => attempt(`p${i}`, "a1", i < 29 ? "b1" : "b2"));
    const [allA, allB] = itemStatistics(knownAnswersScenario(), everyone).items;
    expect(allA?.facility).toBe(1);
    expect(allA?.discrimination).toBeNull();
    expect(allA?.responses.filter((r) => r.nonFunctioning).map((r) => r.choiceId)).toEqual(["a2", "a3"]);
    // b2: 1 of 30 = 3.3% is non-functioning; 30 attempts is no longer a small sample.
    expect(allB?.responses.find((r) => r.choiceId === "b2")?.nonFunctioning).toBe(true);
    expect(itemStatistics(knownAnswersScenario(), everyone).smallSample).toBe(false);
  });

  it("flags no distractor before 20 people have answered, when under 5% can only mean nobody yet", () => {
    const few = Array.from({ length: 19 }, (_, i) => attempt(`p${i}`, "a1", "b1"));
    const [fewA] = itemStatistics(knownAnswersScenario(), few).items;
    expect(fewA?.responses.map((r) => [r.choiceId, r.count, r.nonFunctioning])).toEqual([
      ["a1", 19, false],
      ["a2", 0, false],
      ["a3", 0, false],
    ]);
  });

  it("has no facility and flags nothing when nobody has answered", () => {
    const [empty] = itemStatistics(knownAnswersScenario(), []).items;
    expect(empty).toMatchObject({ answered: 0, facility: null, discrimination: null, negativeDiscrimination: false });
    expect(empty?.responses.some((r) => r.nonFunctioning)).toBe(false);
  });

  it("writes one CSV row per response with percentages and the discrimination to two places", () => {
    const rows = itemStatisticsRows(report);
    expect(rows).toHaveLength(6);
    expect(rows[0]).toEqual(["a", "a", 5, 40, -0.17, "yes", "a1", expect.any(String), "yes", 2, 40, "no"]);
    expect(rows[5]).toEqual(["b", "b", 5, 60, 0.48, "no", "b3", expect.any(String), "yes", 0, 0, "no"]);
  });
});

describe("pearson", () => {
  it("is null when a variable does not vary or there are fewer than two pairs", () => {
    expect(pearson([1, 1], [1, 2])).toBeNull();
    expect(pearson([1], [1])).toBeNull();
    expect(pearson([0, 1], [3, 5])).toBeCloseTo(1, 10);
  });
});
