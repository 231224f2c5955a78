import { describe, expect, it } from "vitest";
import { draftChecks } from "./draft-checks";
import { knownAnswersScenario } from "./test-scenario";

const codes = (findings: ReturnType<typeof draftChecks>["findings"]) =>
  findings.map((f) => `${f.code} ${f.nodeId ?? ""}/${f.choiceId ?? ""}`);

describe("the audit's checks on a draft in the studio", () => {
  it("gives the node-level warnings with fix hints, without the scenario-level thresholds", () => {
    const checks = draftChecks(knownAnswersScenario());
    expect(checks.pathsChecked).toBe(true);
    expect(codes(checks.findings)).toEqual([
      "length-cue a/a1",
      "absolute-wording b/b2",
      "critical-reaches-good-ending b/b3",
    ]);
    expect(checks.findings[0]?.message).toContain("2.7x the mean length of the others");
    expect(checks.findings.every((f) => f.severity === "warning" && (f.hint ?? "").length > 20)).toBe(true);
  });

  it("warns about a harmful choice that is not critical when its paths are few enough to list", () => {
    // Pass mark 30: a2b1 (34, good ending) passes, so a2 (-3, not critical) lies on a passing path.
    const scenario = { ...knownAnswersScenario(), passMark: 30 };
    expect(codes(draftChecks(scenario).findings)).toContain("harmful-not-critical a/a2");
  });

  it("leaves that check out, and says so, when the paths are too many to list here", () => {
    const scenario = { ...knownAnswersScenario(), passMark: 30 };
    const checks = draftChecks(scenario, 1);
    expect(checks.pathsChecked).toBe(false);
    expect(codes(checks.findings)).not.toContain("harmful-not-critical a/a2");
    expect(codes(checks.findings)).toContain("length-cue a/a1");
  });
});
