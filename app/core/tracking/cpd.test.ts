import { describe, expect, it } from "vitest";
import { creditedMinutes, describeDuration, secondsTaken } from "./cpd";

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

describe("time actually spent", () => {
  it("counts whole seconds from start to finish, never negative", () => {
    expect(secondsTaken("2026-12-01T10:00:00.000Z", "2026-12-01T10:00:36.400Z")).toBe(36);
    expect(secondsTaken("2026-12-01T10:00:00.000Z", "2026-12-01T09:59:00.000Z")).toBe(0);
    expect(secondsTaken("not a date", "2026-12-01T09:59:00.000Z")).toBe(0);
  });

  it("says it as a person would", () => {
    expect(describeDuration(1)).toBe("1 second");
    expect(describeDuration(36)).toBe("36 seconds");
    expect(describeDuration(89)).toBe("1 minute");
    expect(describeDuration(90)).toBe("2 minutes");
    expect(describeDuration(3600)).toBe("1 hour");
    expect(describeDuration(3900)).toBe("1 hour 5 minutes");
    expect(describeDuration(7260)).toBe("2 hours 1 minute");
  });
});
