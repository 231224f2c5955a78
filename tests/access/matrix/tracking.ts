// Access matrix: the admin area (completion, who is missing training, staff, import, assignments, LRS, exports), invitations, certificates,
// certificate checks and the learning record. Org A owns an assignment, a passed attempt and its certificate.
import { rolesOnly, ownerOnly, signedIn, type Expect, type MatrixArea } from "./types";
import { SCENARIO } from "./practice";

/** Admins of org A get `status`; admins of org B reach the same page for their own organisation (`otherAdmin`). */
const adminsOnly = (status: number, otherAdmin = status): Expect => rolesOnly(["admin"], status, otherAdmin);
const everyone = (status: number): Expect => signedIn(status, status);

export const area: MatrixArea = {
  async setup(harness) {
    const { store, orgA, users } = harness;
    const assignment = await store.createAssignment({
      orgId: orgA,
      scenarioId: SCENARIO,
      scenarioVersion: 1,
      teamIds: [],
      userIds: [users.clinician],
      dueAt: "2099-01-01T00:00:00.000Z",
      assessment: false,
      createdBy: users.admin,
    });
    const toArchive = await store.createAssignment({ ...assignment, dueAt: "2099-02-01T00:00:00.000Z" });
    const attempt = await store.createAttempt({
      orgId: orgA,
      userId: users.clinician,
      scenarioId: SCENARIO,
      scenarioVersion: 1,
      mode: "learning",
      status: "completed",
      snapshot: null,
      path: [],
      confidenceBefore: 2,
      confidenceAfter: null,
      reflection: null,
      result: { endingId: "end", outcome: "good", scores: { rapport: 90 }, overall: 90, passed: true },
      presence: null,
      assignmentId: assignment.id,
    });
    await store.updateAttempt(attempt.id, attempt.revision, { completedAt: new Date().toISOString() });
    const certificate = await store.createCertificate({
      code: "WS-ABCD-EFGH-JKMN-PQRS",
      attemptId: attempt.id,
      orgId: orgA,
      userId: users.clinician,
      issuedAt: new Date().toISOString(),
    });
    return {
      assignmentId: assignment.id,
      toArchiveId: toArchive.id,
      attemptId: attempt.id,
      code: certificate.code,
      clinicianId: users.clinician,
    };
  },
  routes: {
    "admin._index": { url: () => "/admin?team=x&from=2020-01-01", cases: [{ method: "GET", expect: adminsOnly(200) }] },
    "admin.staff._index": {
      url: () => "/admin/staff",
      cases: [
        { method: "GET", expect: adminsOnly(200) },
        { method: "POST", form: () => ({ intent: "create-team", name: "" }), expect: adminsOnly(400) },
      ],
    },
    "admin.staff.$userId": {
      url: (fx) => `/admin/staff/${fx.clinicianId}`,
      params: (fx) => ({ userId: fx.clinicianId! }),
      cases: [
        // Another organisation's admin cannot even learn that this person exists.
        { method: "GET", expect: adminsOnly(200, 404) },
        { method: "POST", form: () => ({ intent: "save", name: "" }), expect: adminsOnly(400, 404) },
      ],
    },
    "admin.staff.import": {
      url: () => "/admin/staff/import",
      cases: [
        { method: "GET", expect: adminsOnly(200) },
        { method: "POST", form: () => ({ intent: "preview" }), expect: adminsOnly(400) },
      ],
    },
    "admin.assignments": {
      url: () => "/admin/assignments",
      cases: [
        { method: "GET", expect: adminsOnly(200) },
        // Org A's admin archives its own assignment; org B's admin gets "not found" for the same id.
        {
          method: "POST",
          form: (fx) => ({ intent: "archive", assignmentId: fx.toArchiveId! }),
          expect: adminsOnly(200, 404),
        },
      ],
    },
    "admin.lrs": {
      url: () => "/admin/lrs",
      cases: [
        { method: "GET", expect: adminsOnly(200) },
        {
          method: "POST",
          form: () => ({ intent: "save", endpoint: "not a url", username: "", password: "" }),
          expect: adminsOnly(400),
        },
      ],
    },
    "admin.training": {
      url: () => "/admin/training?status=overdue&team=x&assignment=y",
      cases: [{ method: "GET", expect: adminsOnly(200) }],
    },
    "admin.training[.]csv": {
      url: () => "/admin/training.csv?status=bogus",
      cases: [{ method: "GET", expect: adminsOnly(200) }],
    },
    "admin.export[.]csv": { url: () => "/admin/export.csv", cases: [{ method: "GET", expect: adminsOnly(200) }] },
    "admin.export[.]xapi[.]json": {
      url: () => "/admin/export.xapi.json",
      cases: [{ method: "GET", expect: adminsOnly(200) }],
    },
    "invite.$token": {
      url: () => `/invite/${"x".repeat(43)}`,
      params: () => ({ token: "x".repeat(43) }),
      cases: [
        { method: "GET", expect: everyone(410) },
        {
          method: "POST",
          form: () => ({ password: "long-enough-password", confirm: "long-enough-password" }),
          expect: everyone(410),
        },
      ],
    },
    "certificates.$attemptId": {
      url: (fx) => `/certificates/${fx.attemptId}`,
      params: (fx) => ({ attemptId: fx.attemptId! }),
      cases: [{ method: "GET", expect: ownerOnly(200) }],
    },
    "verify.$code": {
      url: (fx) => `/verify/${fx.code}`,
      params: (fx) => ({ code: fx.code! }),
      cases: [{ method: "GET", expect: everyone(200) }],
    },
    "learning-record": { url: () => "/learning-record", cases: [{ method: "GET", expect: signedIn(200) }] },
    "learning-record[.]csv": { url: () => "/learning-record.csv", cases: [{ method: "GET", expect: signedIn(200) }] },
  },
};
