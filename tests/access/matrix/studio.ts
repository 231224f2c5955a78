// Access matrix: the authoring studio. Only educators and admins author; another organisation's scenarios are 404.
import { readFileSync } from "node:fs";
import path from "node:path";
import { rolesOnly, type MatrixArea } from "./types";

export const STUDIO_SCENARIO = "org-a-draft";

const authorsOfA = (status: number) => rolesOnly(["educator", "admin"], status, 404);
const noAction = {
  anonymous: 405,
  clinician: 405,
  educator: 405,
  admin: 405,
  "other-clinician": 405,
  "other-educator": 405,
  "other-admin": 405,
};

export const area: MatrixArea = {
  async setup(harness) {
    const draft = JSON.parse(
      readFileSync(path.resolve("tests/access/fixtures/scenarios/valid-consultation.json"), "utf8"),
    ) as Record<string, unknown>;
    await harness.store.createScenario({
      orgId: harness.orgA,
      id: STUDIO_SCENARIO,
      draft: { ...draft, id: STUDIO_SCENARIO },
      createdBy: harness.users.educator,
      source: { kind: "blank", detail: null },
    });
    return { scenarioId: STUDIO_SCENARIO };
  },
  routes: {
    "studio._index": {
      url: () => "/studio",
      cases: [
        { method: "GET", expect: rolesOnly(["educator", "admin"], 200, 200) },
        {
          method: "POST",
          form: () => ({ intent: "nothing-known" }),
          expect: rolesOnly(["educator", "admin"], 400, 400),
        },
      ],
    },
    "studio.$scenarioId._index": {
      url: (fx) => `/studio/${fx.scenarioId}`,
      params: (fx) => ({ scenarioId: fx.scenarioId! }),
      cases: [
        { method: "GET", expect: authorsOfA(200) },
        { method: "POST", form: () => ({ intent: "nothing-known", revision: "1" }), expect: authorsOfA(400) },
      ],
    },
    "studio.$scenarioId.preview": {
      url: (fx) => `/studio/${fx.scenarioId}/preview`,
      params: (fx) => ({ scenarioId: fx.scenarioId! }),
      cases: [
        { method: "GET", expect: authorsOfA(200) },
        { method: "POST", expect: noAction },
      ],
    },
    "studio.$scenarioId.analytics": {
      url: (fx) => `/studio/${fx.scenarioId}/analytics`,
      params: (fx) => ({ scenarioId: fx.scenarioId! }),
      cases: [
        { method: "GET", expect: authorsOfA(200) },
        { method: "POST", expect: noAction },
      ],
    },
    "studio.$scenarioId.item-statistics[.]csv": {
      url: (fx) => `/studio/${fx.scenarioId}/item-statistics.csv`,
      params: (fx) => ({ scenarioId: fx.scenarioId! }),
      cases: [
        { method: "GET", expect: authorsOfA(200) },
        { method: "POST", expect: noAction },
      ],
    },
    "studio.$scenarioId.export": {
      url: (fx) => `/studio/${fx.scenarioId}/export?format=twee`,
      params: (fx) => ({ scenarioId: fx.scenarioId! }),
      cases: [
        { method: "GET", expect: authorsOfA(200) },
        { method: "POST", expect: noAction },
      ],
    },
  },
};
