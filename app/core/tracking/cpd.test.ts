import { describe, expect, it } from "vitest";
import { creditedMinutes } from "./cpd";

describe("creditedMinutes", () => {
  it("credits only the earliest passed attempt on each scenario version", () => {
    const at = (day: number) => `2026-12-0${day}T10:00:00.000Z`;
    const rows = [
      { scenarioId: "chest", version: 1, completedAt: at(4), passed: true, minutes: 15 }, // repeat pass: 0
      { scenarioId: "chest", version: 1, completedAt: at(2), passed: false, minutes: 15 }, // failed: 0
      { scenarioId: "chest", version: 1, completedAt: at(3), passed: true, minutes: 15 }, // first pass: 15
      { scenarioId: "chest", version: 2, completedAt: at(5), passed: true, minutes: 20 }, // new version: 20
      { scenarioId: "group", version: 1, completedAt: at(1), passed: false, minutes: 30 }, // failed: 0
    ];
    expect(creditedMinutes(rows)).toEqual([0, 0, 15, 20, 0]);
  });
});
