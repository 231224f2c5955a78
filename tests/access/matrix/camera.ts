// Access matrix: the camera check page and the presence summary endpoint.
import { area as practice, SCENARIO } from "./practice";
import { ownerOnly, signedIn, type MatrixArea } from "./types";

export const area: MatrixArea = {
  // An attempt of its own (the practice area's setup makes one), so storing a summary here touches no other area's records.
  setup: async (harness) => ({ presenceAttemptId: (await practice.setup!(harness)).attemptId! }),
  routes: {
    check: { url: () => `/check?scenario=${SCENARIO}`, cases: [{ method: "GET", expect: signedIn(200) }] },
    "api.attempts.$attemptId.presence": {
      url: (fx) => `/api/attempts/${fx.presenceAttemptId}/presence`,
      params: (fx) => ({ attemptId: fx.presenceAttemptId! }),
      cases: [
        // No loader: only POST is served.
        { method: "GET", expect: { ...signedIn(405), anonymous: 405 } },
        // A form body is not a presence summary: its owner gets 400, everyone else the usual 404.
        { method: "POST", form: () => ({ version: "1" }), expect: ownerOnly(400) },
      ],
    },
  },
};
