// Prepares the end-to-end data file before the server starts: the demo organisation, plus a second organisation
// ("Riverside Community Trust") whose people must never see the demo trust's records.
// Usage: DATA_FILE=... node --import tsx tests/e2e/support/prepare-store.ts
import { seedDemo } from "~/services/demo-organisation.server";
import { createLowdbStore } from "~/storage/lowdb.server";
import { hashPassword } from "~/utils/password.server";
import { LEARNERS, OTHER_ACCOUNTS, OTHER_ORG, TRAINING_GAPS, UNREADABLE_DRAFT } from "./organisations";

const file = process.env.DATA_FILE;
if (!file) throw new Error("Set DATA_FILE to the end-to-end data file.");
const store = await createLowdbStore({ file, backups: 1 });

async function prepareTrainingGaps(orgId: string) {
  const team = await store.createTeam({ orgId, name: TRAINING_GAPS.team });
  const learner = (await store.getUserByEmail(LEARNERS.trainingGaps))!;
  await store.setMembership({ userId: learner.id, orgId, roles: ["clinician"], teamIds: [team.id] });
  const invited = await store.createUser({ ...TRAINING_GAPS.invited, passwordHash: null });
  await store.setMembership({ userId: invited.id, orgId, roles: ["clinician"], teamIds: [team.id] });
  const admin = (await store.getUserByEmail("admin@example.org"))!;
  const day = 86_400_000;
  for (const [scenarioId, dueAt] of [
    [TRAINING_GAPS.overdueScenario, new Date(Date.now() - 3 * day)],
    [TRAINING_GAPS.dueLaterScenario, new Date(Date.now() + 30 * day)],
  ] as const) {
    await store.createAssignment({
      orgId,
      scenarioId,
      scenarioVersion: 1,
      teamIds: [team.id],
      userIds: [],
      dueAt: dueAt.toISOString(),
      assessment: false,
      createdBy: admin.id,
    });
  }
}
try {
  if (await seedDemo(store)) {
    const passwordHash = await hashPassword("webside-demo");
    const [demo] = await store.listOrganisations();
    for (const [spec, email] of Object.entries(LEARNERS)) {
      const user = await store.createUser({ email, name: `Learner ${spec}`, passwordHash });
      await store.setMembership({ userId: user.id, orgId: demo!.id, roles: ["clinician"], teamIds: [] });
    }
    await prepareTrainingGaps(demo!.id);
    const org = await store.createOrganisation({ name: OTHER_ORG });
    const team = await store.createTeam({ orgId: org.id, name: "District Nursing" });
    for (const [role, email] of Object.entries(OTHER_ACCOUNTS)) {
      const user = await store.createUser({ email, name: `Riverside ${role}`, passwordHash });
      await store.setMembership({
        userId: user.id,
        orgId: org.id,
        roles: [role as "clinician" | "admin"],
        teamIds: [team.id],
      });
      if (role === "admin")
        await store.createScenario({
          orgId: org.id,
          id: UNREADABLE_DRAFT.id,
          draft: structuredClone(UNREADABLE_DRAFT.draft),
          createdBy: user.id,
          source: { kind: "blank", detail: null },
        });
    }
  }
} finally {
  await store.close();
}
