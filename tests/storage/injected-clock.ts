// Both adapters stamp records with the clock they were given, never the machine's: run on lowdb and on PostgreSQL.
import { expect, it } from "vitest";
import type { Store } from "~/storage/types";

export type ClockedStoreFactory = (now: () => Date) => Promise<{ store: Store; cleanup: () => Promise<void> }>;

export function injectedClockSuite(open: ClockedStoreFactory): void {
  it("stamps every record group's times with the injected clock", async () => {
    let current = new Date("2031-02-03T04:05:06.789Z");
    const { store, cleanup } = await open(() => current);
    try {
      const at = current.toISOString();
      const org = await store.createOrganisation({ name: "Clocked Trust" });
      const team = await store.createTeam({ orgId: org.id, name: "Ward 1" });
      const user = await store.createUser({ email: "c@example.org", name: "C", passwordHash: null });
      const membership = await store.setMembership({ userId: user.id, orgId: org.id, roles: ["admin"], teamIds: [] });
      const [imported] = await store.importStaff(org.id, [
        { email: "d@example.org", name: "D", roles: ["clinician"], teamIds: [team.id] },
      ]);
      const audit = await store.appendAudit({ orgId: org.id, actorId: user.id, type: "test", detail: {} });
      const assignment = await store.createAssignment({
        orgId: org.id,
        scenarioId: "first-call",
        scenarioVersion: 1,
        teamIds: [team.id],
        userIds: [],
        dueAt: "2031-03-01T00:00:00.000Z",
        assessment: false,
        createdBy: user.id,
      });
      const attempt = await store.createAttempt({
        orgId: org.id,
        userId: user.id,
        scenarioId: "first-call",
        scenarioVersion: 1,
        mode: "learning",
        snapshot: null,
        path: [],
        confidenceBefore: null,
        confidenceAfter: null,
        reflection: null,
        result: null,
        presence: null,
        assignmentId: null,
      });
      const scenario = await store.createScenario({
        orgId: org.id,
        id: "clocked",
        draft: {},
        createdBy: user.id,
        source: { kind: "blank", detail: null },
      });
      expect([org.createdAt, team.createdAt, user.createdAt, user.updatedAt, membership.createdAt]).toEqual([
        at,
        at,
        at,
        at,
        at,
      ]);
      expect([imported!.createdAt, audit.at, assignment.createdAt, attempt.startedAt, scenario.createdAt]).toEqual([
        at,
        at,
        at,
        at,
        at,
      ]);

      current = new Date("2031-02-03T05:00:00.000Z");
      const later = current.toISOString();
      expect((await store.updateUser(user.id, { name: "C2" })).updatedAt).toBe(later);
      expect((await store.updateAttempt(attempt.id, attempt.revision, { path: ["a"] })).updatedAt).toBe(later);
      const saved = await store.saveScenarioDraft({
        orgId: org.id,
        id: "clocked",
        expectedRevision: scenario.revision,
        draft: { changed: true },
        updatedBy: user.id,
      });
      expect(saved.updatedAt).toBe(later);
    } finally {
      await cleanup();
    }
  });
}
