// Access matrix: the JSON practice API (current view and making a choice), owner only, like the practice room.
import { startAttempt } from "~/utils/attempts.server";
import { getScenario } from "~/utils/scenario-catalogue.server";
import { ownerOnly, type MatrixArea } from "./types";
import { SCENARIO } from "./practice";

export const area: MatrixArea = {
  async setup(harness) {
    const scenario = await getScenario(harness.context, harness.orgA, SCENARIO);
    if (!scenario) throw new Error("fixture scenario missing: is SCENARIOS_DIR set?");
    const viewer = await harness.viewer("clinician");
    const attempt = await startAttempt(harness.context, viewer, scenario, { mode: "learning", confidenceBefore: 3 });
    return { apiAttemptId: attempt.id };
  },
  routes: {
    "api.attempts.$attemptId.choose": {
      url: (fx) => `/api/attempts/${fx.apiAttemptId}/choose`,
      params: (fx) => ({ attemptId: fx.apiAttemptId! }),
      cases: [
        { method: "GET", expect: ownerOnly(200) },
        // An unknown choice stores nothing, so every case runs against the same attempt.
        { method: "POST", form: () => ({ choiceId: "no-such-choice", step: "0" }), expect: ownerOnly(400) },
        // A stale step is refused as a conflict.
        { method: "POST", form: () => ({ choiceId: "warm", step: "7" }), expect: ownerOnly(409) },
      ],
    },
  },
};
