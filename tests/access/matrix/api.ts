// Access matrix: the JSON practice API (current view and making a choice), owner only, like the practice room.
import { area as practice } from "./practice";
import { ownerOnly, type MatrixArea } from "./types";

export const area: MatrixArea = {
  // An attempt of its own (the practice area's setup makes one), so choices here touch no other area's records.
  setup: async (harness) => ({ apiAttemptId: (await practice.setup!(harness)).attemptId! }),
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
