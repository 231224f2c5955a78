import { describe, expect, it } from "vitest";
import { completionOf, daysUntil, isAssignedTo, type AssignmentFacts, type AttemptFacts } from "./completion";

const assignment: AssignmentFacts = {
  id: "as-1",
  scenarioId: "red-flags-chest-pain",
  scenarioVersion: 2,
  teamIds: ["physio"],
  userIds: ["named"],
  dueAt: "2030-03-01T00:00:00.000Z",
  assessment: false,
  createdAt: "2030-02-01T00:00:00.000Z",
  archivedAt: null,
};

let n = 0;
function attempt(overrides: Partial<AttemptFacts>): AttemptFacts {
  n += 1;
  return {
    id: `at-${n}`,
    userId: "u1",
    scenarioId: "red-flags-chest-pain",
    scenarioVersion: 2,
    mode: "learning",
    status: "completed",
    startedAt: "2030-02-10T09:00:00.000Z",
    completedAt: "2030-02-10T09:20:00.000Z",
    result: { overall: 80, passed: true },
    ...overrides,
  };
}
const before = new Date("2030-02-15T00:00:00.000Z");
const after = new Date("2030-03-02T00:00:00.000Z");

describe("who an assignment is for", () => {
  it("covers named people and members of named teams, nobody else", () => {
    expect(isAssignedTo(assignment, "named", [])).toBe(true);
    expect(isAssignedTo(assignment, "someone", ["physio", "gp"])).toBe(true);
    expect(isAssignedTo(assignment, "someone", ["gp"])).toBe(false);
  });
});

describe("completion", () => {
  it("is not started with no attempts, and overdue once the due date has passed", () => {
    expect(completionOf(assignment, [], "u1", before).status).toBe("not started");
    expect(completionOf(assignment, [], "u1", after).status).toBe("overdue");
  });

  it("is completed by a pass on the assigned version, with its time and score", () => {
    const pass = attempt({});
    expect(completionOf(assignment, [pass], "u1", after)).toEqual({
      status: "completed",
      attemptId: pass.id,
      completedAt: pass.completedAt,
      score: 80,
      passed: true,
      late: false,
    });
  });

  it("counts a pass on a later version but not on an earlier one (version pinning)", () => {
    expect(completionOf(assignment, [attempt({ scenarioVersion: 3 })], "u1", before).status).toBe("completed");
    expect(completionOf(assignment, [attempt({ scenarioVersion: 1 })], "u1", before).status).toBe("not started");
  });

  it("ignores a pass from before the assignment was made", () => {
    const old = attempt({ startedAt: "2030-01-10T09:00:00.000Z", completedAt: "2030-01-10T09:20:00.000Z" });
    expect(completionOf(assignment, [old], "u1", before).status).toBe("not started");
    expect(completionOf(assignment, [old], "u1", after).status).toBe("overdue");
  });

  it("ignores other people's attempts and other scenarios", () => {
    expect(completionOf(assignment, [attempt({ userId: "u2" })], "u1", before).status).toBe("not started");
    expect(completionOf(assignment, [attempt({ scenarioId: "sceptical-first-video" })], "u1", before).status).toBe(
      "not started",
    );
  });

  it("re-attempts: a fail then a pass completes at the pass; the best failed score shows until then", () => {
    const fail = attempt({ result: { overall: 40, passed: false }, completedAt: "2030-02-10T09:20:00.000Z" });
    const fail2 = attempt({ result: { overall: 55, passed: false }, completedAt: "2030-02-11T09:20:00.000Z" });
    expect(completionOf(assignment, [fail, fail2], "u1", before)).toMatchObject({
      status: "in progress",
      score: 55,
      passed: false,
      attemptId: null,
    });
    const pass = attempt({ completedAt: "2030-02-12T09:20:00.000Z", result: { overall: 75, passed: true } });
    const laterPass = attempt({ completedAt: "2030-02-13T09:20:00.000Z", result: { overall: 95, passed: true } });
    // The first pass completes it; a later, better pass does not move the completion date.
    expect(completionOf(assignment, [laterPass, fail, pass, fail2], "u1", before)).toMatchObject({
      status: "completed",
      attemptId: pass.id,
      score: 75,
    });
  });

  it("a pass after the due date completes it, marked late", () => {
    const late = attempt({ startedAt: "2030-03-05T09:00:00.000Z", completedAt: "2030-03-05T09:20:00.000Z" });
    expect(completionOf(assignment, [late], "u1", new Date("2030-03-06T00:00:00.000Z"))).toMatchObject({
      status: "completed",
      late: true,
    });
  });

  it("an attempt still in progress shows as in progress until the due date, then overdue", () => {
    const going = attempt({ status: "in-progress", completedAt: null, result: null });
    expect(completionOf(assignment, [going], "u1", before).status).toBe("in progress");
    expect(completionOf(assignment, [going], "u1", after).status).toBe("overdue");
    expect(
      completionOf(assignment, [attempt({ status: "abandoned", completedAt: null, result: null })], "u1", before)
        .status,
    ).toBe("not started");
  });

  it("an assessment is completed only by an attempt played in assessment mode", () => {
    const assessed = { ...assignment, assessment: true };
    expect(completionOf(assessed, [attempt({ mode: "learning" })], "u1", before).status).toBe("not started");
    expect(completionOf(assessed, [attempt({ mode: "assessment" })], "u1", before).status).toBe("completed");
  });

  it("a passed live role-play attempt never completes it (the actor chose the responses), even as an assessment", () => {
    const live = attempt({ mode: "assessment", liveSessionId: "live-1" });
    expect(completionOf(assignment, [live], "u1", before)).toMatchObject({ status: "not started", score: null });
    expect(completionOf({ ...assignment, assessment: true }, [live], "u1", after).status).toBe("overdue");
    expect(completionOf(assignment, [{ ...live, liveSessionId: null }], "u1", before).status).toBe("completed");
  });
});

describe("days until due", () => {
  it("counts whole days, negative when overdue", () => {
    expect(daysUntil("2030-03-01T00:00:00.000Z", new Date("2030-02-27T12:00:00.000Z"))).toBe(2);
    expect(daysUntil("2030-03-01T00:00:00.000Z", new Date("2030-03-03T00:00:00.000Z"))).toBe(-2);
  });
});
