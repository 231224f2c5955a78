import { describe, expect, it } from "vitest";
import type { AssignmentFacts } from "./completion";
import {
  trainingExportRow,
  trainingReport,
  type TrainingAttempt,
  type TrainingInput,
  type TrainingMember,
} from "./training-status";

const now = new Date("2030-03-10T00:00:00.000Z");
const assignment = (id: string, scenarioId: string, teamIds: string[], dueAt: string): AssignmentFacts => ({
  id,
  scenarioId,
  scenarioVersion: 1,
  teamIds,
  userIds: [],
  dueAt,
  assessment: false,
  createdAt: "2030-02-01T00:00:00.000Z",
  archivedAt: null,
});
const member = (userId: string, teamIds: string[], extra: Partial<TrainingMember> = {}): TrainingMember => ({
  userId,
  name: `Person ${userId}`,
  email: `${userId}@t.nhs.uk`,
  active: true,
  teamIds,
  invited: false,
  ...extra,
});
let n = 0;
const attempt = (userId: string, scenarioId: string, overrides: Partial<TrainingAttempt> = {}): TrainingAttempt => ({
  id: `a${++n}`,
  userId,
  scenarioId,
  scenarioVersion: 1,
  mode: "learning",
  status: "completed",
  startedAt: "2030-02-05T09:00:00.000Z",
  updatedAt: "2030-02-05T09:15:00.000Z",
  completedAt: "2030-02-05T09:15:00.000Z",
  result: { overall: 80, passed: true },
  ...overrides,
});

const input: TrainingInput = {
  teams: [
    { id: "physio", name: "Physiotherapy" },
    { id: "nursing", name: "Nursing" },
  ],
  members: [
    member("passed", ["physio"]),
    member("busy", ["physio"]),
    member("idle", ["nursing"]),
    member("new", ["nursing"], { invited: true }),
    member("left", ["physio"], { active: false }),
  ],
  assignments: [
    assignment("due-later", "chest-pain", ["physio", "nursing"], "2030-04-01T00:00:00.000Z"),
    assignment("past-due", "first-video", ["nursing"], "2030-03-01T00:00:00.000Z"),
  ],
  attempts: [
    attempt("passed", "chest-pain"),
    attempt("busy", "chest-pain", {
      status: "in-progress",
      startedAt: "2030-03-08T10:00:00.000Z",
      updatedAt: "2030-03-08T10:05:00.000Z",
      completedAt: null,
      result: null,
    }),
    // Another scenario's attempt is not activity on this assignment.
    attempt("idle", "other-scenario", { updatedAt: "2030-03-09T10:00:00.000Z" }),
    attempt("left", "chest-pain", { status: "in-progress", completedAt: null, result: null }),
  ],
  scenarioTitles: new Map([
    ["chest-pain", "Red flags: chest pain"],
    ["first-video", "A sceptical first video"],
  ]),
  filter: {},
  now,
};

const statusOf = (report: ReturnType<typeof trainingReport>, userId: string, assignmentId: string) =>
  report.rows.find((r) => r.userId === userId && r.assignmentId === assignmentId)?.status;

describe("who is missing training", () => {
  it("gives each active person's status per assignment, overdue first, with their last activity", () => {
    const report = trainingReport(input);
    expect(statusOf(report, "passed", "due-later")).toBe("passed");
    expect(statusOf(report, "busy", "due-later")).toBe("in progress");
    expect(statusOf(report, "idle", "due-later")).toBe("not started");
    expect(statusOf(report, "idle", "past-due")).toBe("overdue");
    expect(report.rows.some((r) => r.userId === "left")).toBe(false);
    expect(report.rows[0]!.status).toBe("overdue");
    expect(report.rows.find((r) => r.userId === "busy")!.lastActivity).toBe("2030-03-08T10:05:00.000Z");
    expect(report.rows.find((r) => r.userId === "idle" && r.assignmentId === "due-later")!.lastActivity).toBeNull();
    expect(report.counts).toEqual({ overdue: 2, "not started": 2, "in progress": 1, passed: 1 });
  });

  it("counts invited people who never signed in apart from active staff, and still lists them", () => {
    const report = trainingReport(input);
    expect(report.activeStaff).toBe(3);
    expect(report.invited).toBe(1);
    const invitedRows = report.rows.filter((r) => r.userId === "new");
    expect(invitedRows.map((r) => [r.assignmentId, r.status, r.invited])).toEqual([
      ["past-due", "overdue", true],
      ["due-later", "not started", true],
    ]);
  });

  it("counts statuses per team", () => {
    expect(trainingReport(input).byTeam).toEqual([
      { id: "nursing", name: "Nursing", counts: { overdue: 2, "not started": 2, "in progress": 0, passed: 0 } },
      { id: "physio", name: "Physiotherapy", counts: { overdue: 0, "not started": 0, "in progress": 1, passed: 1 } },
    ]);
  });

  it("filters by status, team and assignment", () => {
    expect(trainingReport({ ...input, filter: { status: "overdue" } }).rows.map((r) => r.userId)).toEqual([
      "idle",
      "new",
    ]);
    const physio = trainingReport({ ...input, filter: { teamId: "physio" } });
    expect(physio.rows.map((r) => r.userId).sort()).toEqual(["busy", "passed"]);
    expect(physio.byTeam.map((t) => t.id)).toEqual(["physio"]);
    expect(physio.activeStaff).toBe(2);
    const one = trainingReport({ ...input, filter: { assignmentId: "past-due" } });
    expect(new Set(one.rows.map((r) => r.assignmentId))).toEqual(new Set(["past-due"]));
    // The status filter narrows the list, not the counts an admin compares it against.
    expect(trainingReport({ ...input, filter: { status: "passed" } }).counts.overdue).toBe(2);
  });

  it("exports rows with formula-looking cells made safe", () => {
    const [row] = trainingReport({
      ...input,
      members: [member("x", ["physio"], { name: '=HYPERLINK("http://evil")', invited: true })],
      attempts: [],
      filter: { assignmentId: "due-later" },
    }).rows;
    expect(trainingExportRow(row!)).toEqual([
      '\'=HYPERLINK("http://evil")',
      "x@t.nhs.uk",
      "Physiotherapy",
      "no (invited)",
      "Red flags: chest pain",
      "2030-04-01",
      "not started",
      "",
    ]);
  });
});
