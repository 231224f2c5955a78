// Live practice on the admin dashboard (issue 14): a consultation held in one organisation is counted there, by team
// and by person and role, never in another organisation's dashboard; only admins read it; and a passed live attempt
// neither completes an assignment nor enters the solo averages.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatJoinCode } from "~/core/live";
import { loader as dashboardLoader } from "~/routes/admin._index";
import { loadDashboard } from "~/services/dashboard.server";
import { createLiveSessionFor, joinByCode, startLiveConsultation } from "~/services/live.server";
import { createHarness, statusOf, type Harness } from "../access/harness";

process.env.SCENARIOS_DIR = path.resolve("tests/access/fixtures/scenarios");
const SCENARIO = "fixture-consultation";

describe("live practice on the admin dashboard", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
    const learner = await harness.viewer("clinician");
    const actor = await harness.viewer("educator");
    const session = (await createLiveSessionFor(harness.context, learner, SCENARIO))!;
    expect(await joinByCode(harness.context, actor, formatJoinCode(session.code), { role: "actor" })).toMatchObject({
      ok: true,
    });
    // A second lobby that never starts is not practice.
    await createLiveSessionFor(harness.context, actor, SCENARIO);
    const started = await startLiveConsultation(
      harness.context,
      learner,
      (await harness.store.getLiveSession(session.orgId, session.id))!,
    );
    expect(started).toMatchObject({ ok: true });
    // An assignment of the same scenario, made before the live attempt reaches a passing ending (as if the actor had
    // recorded a good path).
    await harness.store.createAssignment({
      orgId: harness.orgA,
      scenarioId: SCENARIO,
      scenarioVersion: 1,
      teamIds: [],
      userIds: [harness.users.clinician],
      dueAt: "2099-01-01T00:00:00.000Z",
      assessment: false,
      createdBy: harness.users.admin,
    });
    const attempt = (await harness.store.getAttempt(started.ok ? started.session.attemptId! : ""))!;
    await harness.store.updateAttempt(attempt.id, attempt.revision, {
      status: "completed",
      completedAt: new Date().toISOString(),
      result: { endingId: "end", outcome: "good", scores: { rapport: 100 }, overall: 100, passed: true },
    });
  });
  afterAll(async () => harness?.close());

  const get = (persona: "admin" | "other-admin" | "clinician" | "educator") =>
    new Request("http://localhost/admin", { headers: { Cookie: harness.cookie(persona)! } });

  it("counts the consultation for its organisation, by team and by person in each role", async () => {
    const { live, dashboard } = await loadDashboard(harness.context, harness.orgA, {});
    expect(live).toMatchObject({ held: 1, reachedEnding: 1, clinicians: 1, colleagues: 1 });
    expect(live.byTeam).toEqual([
      { id: expect.any(String), label: "Team A", asClinician: 1, asActor: 1, asObserver: 0 },
    ]);
    expect(live.byPerson.map((p) => [p.name, p.asClinician, p.asActor])).toEqual([
      ["clinician person", 1, 0],
      ["educator person", 0, 1],
    ]);
    // Practice, not training: the assignment is still open and the solo averages do not include the live scores.
    expect(dashboard.totals).toMatchObject({ assigned: 1, completed: 0 });
    expect(dashboard.completedAttempts).toBe(0);
    expect(dashboard.competencies).toEqual([]);
  });

  it("shows another organisation none of it, and only admins may read the dashboard", async () => {
    const { live } = await loadDashboard(harness.context, harness.orgB, {});
    expect(live).toMatchObject({ held: 0, clinicians: 0, colleagues: 0, byTeam: [], byPerson: [] });
    const page = (await dashboardLoader({ request: get("other-admin"), context: harness.context, params: {} })) as {
      live: { held: number };
    };
    expect(page.live.held).toBe(0);
    const own = (await dashboardLoader({ request: get("admin"), context: harness.context, params: {} })) as {
      live: { held: number };
    };
    expect(own.live.held).toBe(1);
    for (const persona of ["clinician", "educator"] as const) {
      expect(await statusOf(dashboardLoader as never, get(persona), harness.context, {})).toBe(403);
    }
  });
});
