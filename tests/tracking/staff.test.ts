// Staff management rules: deactivation signs a person out everywhere and keeps their history; role changes are
// audit-logged; an admin cannot lock themselves out; another organisation's member is out of reach.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../access/harness";
import { setStaffActive, updateStaffMember } from "~/services/staff.server";

process.env.SCENARIOS_DIR = path.resolve("tests/access/fixtures/scenarios");

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness();
});
afterAll(async () => harness.close());

describe("staff management", () => {
  it("deactivating revokes every session of the person and keeps their attempts", async () => {
    const { store, users, orgA } = harness;
    await store.createAttempt({
      orgId: orgA,
      userId: users.educator,
      scenarioId: "fixture-consultation",
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
    const admin = await harness.viewer("admin");
    expect(await store.getSession((await harness.viewer("educator")).session.id)).not.toBeNull();
    expect(await setStaffActive(harness.context, admin, users.educator, false)).toBeNull();
    expect((await store.getUser(users.educator))?.active).toBe(false);
    await expect(harness.viewer("educator")).rejects.toThrow(/no session/);
    expect(await store.listAttemptsForUser(users.educator, orgA)).toHaveLength(1);
    const [event] = await store.listAudit({ orgId: orgA, type: "user.deactivate" });
    expect(event?.detail).toMatchObject({ userId: users.educator, revokedSessions: 1 });
    expect(await setStaffActive(harness.context, admin, users.educator, true)).toBeNull();
  });

  it("refuses to deactivate yourself or reach another organisation's member", async () => {
    const admin = await harness.viewer("admin");
    expect(await setStaffActive(harness.context, admin, harness.users.admin, false)).toMatch(/your own account/);
    await expect(setStaffActive(harness.context, admin, harness.users["other-clinician"], false)).rejects.toMatchObject(
      { status: 404 },
    );
    expect((await harness.store.getUser(harness.users["other-clinician"]))?.active).toBe(true);
  });

  it("logs a role change as role.change with before and after, and keeps you an admin", async () => {
    const { store, users, orgA } = harness;
    await harness.refreshSessions();
    const admin = await harness.viewer("admin");
    const clinician = (await store.getUser(users.clinician))!;
    const outcome = await updateStaffMember(harness.context, admin, users.clinician, {
      email: clinician.email,
      name: clinician.name,
      roles: ["clinician", "educator"],
      teamIds: [],
    });
    expect(outcome).toEqual({ ok: true, userId: users.clinician });
    const [event] = await store.listAudit({ orgId: orgA, type: "role.change" });
    expect(event?.detail).toMatchObject({ userId: users.clinician, from: "clinician", to: "clinician,educator" });
    const self = (await store.getUser(users.admin))!;
    const refused = await updateStaffMember(harness.context, admin, users.admin, {
      email: self.email,
      name: self.name,
      roles: ["clinician"],
      teamIds: [],
    });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { roles: [expect.stringMatching(/own admin role/)] } });
  });
});
