import { describe, expect, it } from "vitest";
import { itemStatistics, type ItemAttempt } from "../studio/item-statistics";
import { rarelyChosenFindings, rarelyChosenResponses } from "./rarely-chosen";
import { knownAnswersScenario } from "./test-scenario";

// 25 learners: at decision a, 24 chose a1 (best), one chose a2 (4%) and nobody a3 (0%): both distractors are under
// the 5% mark with at least 20 answers. At b, 13 chose b1 and 12 b2 (48%): b2 works as a distractor.
const attempts: ItemAttempt[] = Array.from({ length: 25 }, (_, i) => ({
  personId: `p${i}`,
  completedAt: "2026-01-01T10:00:00Z",
  steps: [
    { nodeId: "a", choiceId: i === 0 ? "a2" : "a1" },
    { nodeId: "b", choiceId: i < 13 ? "b1" : "b2" },
  ],
}));

describe("responses learners almost never choose, as warnings on the draft", () => {
  const scenario = knownAnswersScenario();
  const rarelyChosen = rarelyChosenResponses(itemStatistics(scenario, attempts), 3);

  it("takes the item statistics' non-functioning distractors, with their share, sample and version", () => {
    expect(rarelyChosen.map((r) => [r.nodeId, r.choiceId, r.share, r.answered, r.version])).toEqual([
      ["a", "a2", 0.04, 25, 3],
      ["a", "a3", 0, 25, 3],
    ]);
  });

  it("warns at the response, with the figures and a fix hint", () => {
    const findings = rarelyChosenFindings(scenario, rarelyChosen);
    expect(findings.map((f) => `${f.code} ${f.nodeId}/${f.choiceId}`)).toEqual([
      "rarely-chosen a/a2",
      "rarely-chosen a/a3",
    ]);
    expect(findings[0]?.message).toMatch(
      /^Choice 2 of .* was chosen by 4% of the 25 learners who reached this decision in version 3/,
    );
    expect(findings[1]?.message).toContain("chosen by none of the 25 learners");
    expect(findings.every((f) => f.severity === "warning" && (f.hint ?? "").includes("well-meant"))).toBe(true);
  });

  it("stops warning once the author rewrites or removes the response", () => {
    const edited = structuredClone(scenario);
    const a = edited.nodes.a!;
    a.choices = (a.choices ?? [])
      .filter((c) => c.id !== "a3")
      .map((c) => (c.id === "a2" ? { ...c, text: "A fuller, well-meant but flawed response." } : c));
    expect(rarelyChosenFindings(edited, rarelyChosen)).toEqual([]);
  });

  it("says nothing before 20 learners have answered", () => {
    const few = rarelyChosenResponses(itemStatistics(scenario, attempts.slice(0, 19)), 3);
    expect(few).toEqual([]);
  });
});
