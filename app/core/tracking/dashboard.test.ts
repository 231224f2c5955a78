import { describe, expect, it } from "vitest";
import type { MemberFacts } from "./assignment-rows";
import type { AssignmentFacts } from "./completion";
import { buildDashboard, type DashboardAttempt, type DashboardInput } from "./dashboard";

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
const member = (userId: string, teamIds: string[], active = true): MemberFacts => ({
  userId,
  name: `Person ${userId}`,
  email: `${userId}@t.nhs.uk`,
  active,
  teamIds,
});

function shares(ms: number, ok: number) {
  return {
    ms,
    ok,
    "off-centre": 1 - ok,
    "eye-line": 0,
    "too-close": 0,
    "too-far": 0,
    "cut-off": 0,
    turned: 0,
    "no-face": 0,
  };
}
function presence(framedOk: number, looking: number) {
  const light = { ms: 60_000, ok: 1, "too-dark": 0, "too-bright": 0, backlit: 0 };
  const eyes = { ms: 30_000, looking, away: 1 - looking };
  return {
    version: 1,
    durationMs: 60_000,
    overall: {
      ms: 60_000,
      framing: shares(60_000, framedOk),
      lighting: light,
      eyeContactSpeaking: eyes,
      eyeContactListening: eyes,
    },
    nodes: {},
    timeline: { stepMs: 1000, nodes: [], node: [], framing: [], eyeContact: [], lighting: [], speaking: [] },
  };
}
let n = 0;
const attempt = (userId: string, scenarioId: string, overrides: Partial<DashboardAttempt> = {}): DashboardAttempt => ({
  id: `a${++n}`,
  userId,
  scenarioId,
  scenarioVersion: 1,
  mode: "learning",
  status: "completed",
  startedAt: "2030-02-05T09:00:00.000Z",
  completedAt: "2030-02-05T09:15:00.000Z",
  result: { overall: 80, passed: true, scores: { rapport: 80, empathy: 60 } },
  confidenceBefore: 2,
  confidenceAfter: 4,
  presence: null,
  ...overrides,
});

const input: DashboardInput = {
  teams: [
    { id: "physio", name: "Physiotherapy" },
    { id: "nursing", name: "Nursing" },
  ],
  members: [
    member("p1", ["physio"]),
    member("p2", ["physio"]),
    member("n1", ["nursing"]),
    member("gone", ["physio"], false),
    member("solo", []),
  ],
  assignments: [
    assignment("as1", "chest-pain", ["physio", "nursing"], "2030-03-01T00:00:00.000Z"),
    assignment("as2", "first-video", ["physio"], "2030-04-01T00:00:00.000Z"),
  ],
  attempts: [
    attempt("p1", "chest-pain", { presence: presence(0.8, 0.5) }),
    attempt("p1", "first-video", {
      result: { overall: 50, passed: false, scores: { rapport: 40 } },
      confidenceBefore: 3,
      confidenceAfter: 3,
      presence: presence(0.6, 0.7),
    }),
    attempt("n1", "chest-pain", { completedAt: "2030-03-05T10:00:00.000Z" }),
    attempt("gone", "chest-pain"),
  ],
  scenarioTitles: new Map([
    ["chest-pain", "Red flags: chest pain"],
    ["first-video", "A sceptical first video"],
  ]),
  filter: {},
  now,
};

describe("the admin dashboard", () => {
  it("counts person-assignment pairs of active members, by team and by scenario", () => {
    const d = buildDashboard(input);
    // physio: p1, p2 x 2 assignments = 4 pairs; nursing: n1 x 1 = 1; deactivated and unassigned people are not counted.
    expect(d.totals).toEqual({ people: 4, invited: 0, assigned: 5, completed: 2, overdue: 1, percent: 40 });
    expect(d.byTeam).toEqual([
      { id: "nursing", label: "Nursing", assigned: 1, completed: 1, percent: 100 },
      { id: "physio", label: "Physiotherapy", assigned: 4, completed: 1, percent: 25 },
    ]);
    expect(d.byScenario).toEqual([
      { id: "first-video", label: "A sceptical first video", assigned: 2, completed: 0, percent: 0 },
      { id: "chest-pain", label: "Red flags: chest pain", assigned: 3, completed: 2, percent: 66.7 },
    ]);
    expect(d.overdue).toEqual([
      {
        userId: "p2",
        name: "Person p2",
        email: "p2@t.nhs.uk",
        teams: "Physiotherapy",
        scenario: "Red flags: chest pain",
        dueAt: "2030-03-01T00:00:00.000Z",
        daysOverdue: 9,
      },
    ]);
  });

  it("averages competency scores, confidence and presence over completed attempts of active members", () => {
    const d = buildDashboard(input);
    expect(d.completedAttempts).toBe(3);
    expect(d.competencies).toEqual([
      { competency: "empathy", label: "Empathy", average: 60, attempts: 2 },
      { competency: "rapport", label: "Rapport", average: 66.7, attempts: 3 },
    ]);
    expect(d.confidence).toEqual({ attempts: 3, before: 2.3, after: 3.7 });
    expect(d.presence).toEqual({
      attempts: 2,
      minutesObserved: 2,
      wellFramed: 70,
      wellLit: 100,
      eyeContactSpeaking: 60,
      eyeContactListening: 60,
    });
  });

  it("filters by team, scenario and date range", () => {
    expect(buildDashboard({ ...input, filter: { teamId: "nursing" } }).totals).toEqual({
      people: 1,
      invited: 0,
      assigned: 1,
      completed: 1,
      overdue: 0,
      percent: 100,
    });
    const byScenario = buildDashboard({ ...input, filter: { scenarioId: "first-video" } });
    expect(byScenario.totals.assigned).toBe(2);
    expect(byScenario.completedAttempts).toBe(1);
    const march = buildDashboard({ ...input, filter: { from: "2030-03-01", to: "2030-03-31" } });
    expect(march.byScenario.map((b) => b.id)).toEqual(["chest-pain"]);
    expect(march.completedAttempts).toBe(1);
    expect(buildDashboard({ ...input, filter: { to: "2030-03-01" } }).byScenario.map((b) => b.id)).toEqual([
      "chest-pain",
    ]);
  });

  it("counts invited people who never signed in apart from active staff", () => {
    const members = input.members.map((m) => (m.userId === "p2" ? { ...m, invited: true } : m));
    const d = buildDashboard({ ...input, members });
    expect(d.totals.people).toBe(3);
    expect(d.totals.invited).toBe(1);
    // Their assignments still count: they are expected to train.
    expect(d.totals.assigned).toBe(5);
  });

  it("ignores presence summaries that are not valid", () => {
    const d = buildDashboard({
      ...input,
      attempts: [attempt("p1", "chest-pain", { presence: { frames: [1, 2, 3] } })],
    });
    expect(d.presence.attempts).toBe(0);
    expect(d.presence.wellFramed).toBeNull();
  });
});
