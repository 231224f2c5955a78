// Access matrix: live role-play. Only members of the session's organisation reach it by code, only its participants
// see its page, stream and relay, and another organisation's people get the same 404 as an unknown code.
import { createLiveSessionFor } from "~/services/live.server";
import { SCENARIO } from "./practice";
import { signedIn, type Expect, type MatrixArea } from "./types";

/** The session's learner (the clinician of org A) gets `learner`; everyone else signed in gets 404. */
const learnerOnly = (learner: number): Expect => ({ ...signedIn(404), clinician: learner });

export const area: MatrixArea = {
  async setup(harness) {
    const session = await createLiveSessionFor(harness.context, await harness.viewer("clinician"), SCENARIO);
    if (!session) throw new Error("fixture scenario missing: is SCENARIOS_DIR set?");
    return { liveSessionId: session.id, liveCode: session.code };
  },
  routes: {
    "live.new.$scenarioId": {
      url: () => `/live/new/${SCENARIO}`,
      params: () => ({ scenarioId: SCENARIO }),
      // Any signed-in member may start a session on a scenario their organisation can play.
      cases: [{ method: "POST", expect: signedIn(302) }],
    },
    "live.join._index": {
      url: () => "/live/join",
      cases: [
        { method: "GET", expect: signedIn(200) },
        { method: "POST", form: () => ({ code: "NOT-A-CODE!" }), expect: signedIn(400) },
      ],
    },
    "live.join.$code": {
      url: (fx) => `/live/join/${fx.liveCode}`,
      params: (fx) => ({ code: fx.liveCode! }),
      cases: [
        // The learner is already in (sent to the session); colleagues see the join page; strangers a 404.
        {
          method: "GET",
          expect: { ...signedIn(404), clinician: 302, educator: 200, admin: 200 },
        },
        // Only the creator is the clinician: colleagues are refused (nothing stored), strangers get 404.
        {
          method: "POST",
          form: () => ({ role: "learner" }),
          expect: { ...signedIn(404), clinician: 302, educator: 409, admin: 409 },
        },
      ],
    },
    "live.$sessionId._index": {
      url: (fx) => `/live/${fx.liveSessionId}`,
      params: (fx) => ({ sessionId: fx.liveSessionId! }),
      cases: [
        { method: "GET", expect: learnerOnly(200) },
        // Nobody has the actor's part yet, so the learner's start is refused; non-participants get 404.
        { method: "POST", form: () => ({ intent: "start" }), expect: learnerOnly(409) },
      ],
    },
    "live.$sessionId.signal": {
      url: (fx) => `/live/${fx.liveSessionId}/signal`,
      params: (fx) => ({ sessionId: fx.liveSessionId! }),
      // A form body is not a signalling batch: refused with the reason, nothing relayed.
      cases: [{ method: "POST", form: () => ({ messages: "x" }), expect: learnerOnly(400) }],
    },
    "live.$sessionId.debrief": {
      url: (fx) => `/live/${fx.liveSessionId}/debrief`,
      params: (fx) => ({ sessionId: fx.liveSessionId! }),
      cases: [
        // Never started, so there is no debrief yet (409) even for the learner; strangers get 404.
        { method: "GET", expect: learnerOnly(409) },
        // The learner gives no observer rating (403); strangers 404; nothing stored either way.
        { method: "POST", form: () => ({ intent: "note", text: "A note" }), expect: learnerOnly(403) },
      ],
    },
    "live.$sessionId.events": {
      url: (fx) => `/live/${fx.liveSessionId}/events`,
      params: (fx) => ({ sessionId: fx.liveSessionId! }),
      cases: [{ method: "GET", expect: learnerOnly(200) }],
    },
  },
};
