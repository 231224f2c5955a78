import { describe, expect, it } from "vitest";
import type { MemberFacts } from "./assignment-rows";
import { livePractice, type LiveSessionFacts } from "./live-practice";

const member = (userId: string, teamIds: string[], active = true): MemberFacts => ({
  userId,
  name: userId.toUpperCase(),
  email: `${userId}@example.org`,
  active,
  teamIds,
});
const members = [member("ann", ["gp"]), member("bob", ["physio"]), member("cat", []), member("gone", ["gp"], false)];
const teams = [
  { id: "gp", name: "GPs" },
  { id: "physio", name: "Physios" },
];
const session = (
  startedAt: string | null,
  people: Array<[string, "learner" | "actor" | "observer"]>,
  extra: Partial<LiveSessionFacts> = {},
): LiveSessionFacts => ({
  scenarioId: "s1",
  startedAt,
  attemptId: startedAt ? `at-${startedAt}` : null,
  participants: people.map(([userId, role]) => ({ userId, role })),
  ...extra,
});
const sessions = [
  session("2030-01-10T10:00:00.000Z", [
    ["ann", "learner"],
    ["bob", "actor"],
    ["cat", "observer"],
  ]),
  session("2030-02-10T10:00:00.000Z", [
    ["ann", "learner"],
    ["gone", "actor"],
  ]),
  session("2030-02-11T10:00:00.000Z", [
    ["bob", "learner"],
    ["ann", "actor"],
  ]),
  // Never left the lobby: not practice.
  session(null, [
    ["cat", "learner"],
    ["bob", "actor"],
  ]),
];
const completedAttemptIds = new Set(["at-2030-01-10T10:00:00.000Z"]);

describe("live practice on the dashboard", () => {
  it("counts consultations held, endings reached and who took part in which role, by team and by person", () => {
    const live = livePractice({ sessions, members, teams, completedAttemptIds, filter: {} });
    expect(live).toMatchObject({ held: 3, reachedEnding: 1, clinicians: 2, colleagues: 3 });
    expect(live.byTeam).toEqual([
      { id: "gp", label: "GPs", asClinician: 2, asActor: 1, asObserver: 0 },
      { id: "", label: "No team", asClinician: 0, asActor: 0, asObserver: 1 },
      { id: "physio", label: "Physios", asClinician: 1, asActor: 1, asObserver: 0 },
    ]);
    const ann = live.byPerson.find((p) => p.userId === "ann");
    expect(ann).toMatchObject({ asClinician: 2, asActor: 1, asObserver: 0, teams: "GPs" });
    expect(ann!.lastAt).toBe("2030-02-11T10:00:00.000Z");
    // Someone deactivated has left: not counted, though their sessions stay in the store.
    expect(live.byPerson.map((p) => p.userId)).not.toContain("gone");
  });

  it("follows the team, scenario and date filters", () => {
    const gp = livePractice({ sessions, members, teams, completedAttemptIds, filter: { teamId: "gp" } });
    expect(gp).toMatchObject({ held: 2, clinicians: 1, colleagues: 1 });
    expect(gp.byTeam.map((t) => t.id)).toEqual(["gp"]);
    const february = livePractice({
      sessions,
      members,
      teams,
      completedAttemptIds,
      filter: { from: "2030-02-01", to: "2030-02-10" },
    });
    expect(february).toMatchObject({ held: 1, reachedEnding: 0 });
    const other = livePractice({ sessions, members, teams, completedAttemptIds, filter: { scenarioId: "s2" } });
    expect(other).toMatchObject({ held: 0, byPerson: [] });
  });
});
