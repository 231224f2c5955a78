import { describe, expect, it } from "vitest";
import { assignmentExportRow, safeCell } from "./export-rows";

describe("export rows", () => {
  it("defuse cells a spreadsheet would run as formulas", () => {
    expect(safeCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(safeCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(safeCell("Ann O'Neil")).toBe("Ann O'Neil");
    expect(safeCell(-5)).toBe("-5");
    expect(safeCell(null)).toBe("");
  });

  it("write one person's assignment with team names, status, due date and score", () => {
    const row = assignmentExportRow(
      {
        member: { userId: "u", name: "Ann One", email: "ann@t.nhs.uk", active: true, teamIds: ["t1", "t2"] },
        assignment: {
          id: "a",
          scenarioId: "s",
          scenarioVersion: 2,
          teamIds: ["t1"],
          userIds: [],
          dueAt: "2030-03-01T00:00:00.000Z",
          assessment: false,
          createdAt: "2030-02-01T00:00:00.000Z",
          archivedAt: null,
        },
        completion: {
          status: "completed",
          attemptId: "x",
          completedAt: "2030-03-02T10:00:00.000Z",
          score: 82,
          passed: true,
          late: true,
        },
      },
      new Map([
        ["t1", "Physio"],
        ["t2", "Nursing"],
      ]),
      () => "Chest pain",
    );
    expect(row).toEqual([
      "Ann One",
      "ann@t.nhs.uk",
      "Physio; Nursing",
      "Chest pain",
      "2",
      "completed late",
      "2030-03-01",
      "2030-03-02T10:00:00.000Z",
      "82",
      "yes",
    ]);
  });
});
