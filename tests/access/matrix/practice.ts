// Access matrix: the catalogue, scenario overviews, the practice room, debriefs and history.
import { startAttempt } from "~/services/attempts.server";
import { getScenario } from "~/services/catalogue.server";
import { ownerOnly, signedIn, type MatrixArea } from "./types";

export const SCENARIO = "fixture-consultation";

export const area: MatrixArea = {
  async setup(harness) {
    const scenario = await getScenario(harness.context, harness.orgA, SCENARIO);
    if (!scenario) throw new Error("fixture scenario missing: is SCENARIOS_DIR set?");
    const viewer = await harness.viewer("clinician");
    const attempt = await startAttempt(harness.context, viewer, scenario, { mode: "learning", confidenceBefore: 3 });
    return { attemptId: attempt.id };
  },
  routes: {
    "scenarios._index": { url: () => "/scenarios", cases: [{ method: "GET", expect: signedIn(200) }] },
    "scenarios.$scenarioId": {
      url: () => `/scenarios/${SCENARIO}`,
      params: () => ({ scenarioId: SCENARIO }),
      cases: [
        { method: "GET", expect: signedIn(200) },
        { method: "POST", form: () => ({ confidence: "9" }), expect: signedIn(400) },
      ],
    },
    "attempts.$attemptId._index": {
      url: (fx) => `/attempts/${fx.attemptId}`,
      params: (fx) => ({ attemptId: fx.attemptId! }),
      cases: [
        { method: "GET", expect: ownerOnly(200) },
        {
          method: "POST",
          form: () => ({ intent: "choose", choiceId: "no-such-choice", step: "0" }),
          expect: ownerOnly(400),
        },
      ],
    },
    "attempts.$attemptId.debrief": {
      url: (fx) => `/attempts/${fx.attemptId}/debrief`,
      params: (fx) => ({ attemptId: fx.attemptId! }),
      cases: [
        // Still in progress, so its owner is sent back to the practice room.
        { method: "GET", expect: ownerOnly(302) },
        { method: "POST", form: () => ({ intent: "reflect", reflection: "x" }), expect: ownerOnly(400) },
      ],
    },
    history: { url: () => "/history", cases: [{ method: "GET", expect: signedIn(200) }] },
  },
};
