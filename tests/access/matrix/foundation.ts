// Access matrix: sign-in, home, account and organisation switching.
import { signedIn, type MatrixArea } from "./types";

export const area: MatrixArea = {
  setup: async (harness) => ({ orgA: harness.orgA }),
  routes: {
    _index: { url: () => "/", cases: [{ method: "GET", expect: signedIn(200) }] },
    login: {
      url: () => "/login",
      cases: [
        { method: "GET", expect: { ...signedIn(302), anonymous: 200 } },
        { method: "POST", expect: signedIn(400, 400) },
      ],
    },
    logout: {
      url: () => "/logout",
      cases: [
        { method: "GET", expect: signedIn(302, 302) },
        { method: "POST", expect: signedIn(302, 302) },
      ],
    },
    "org.switch": {
      url: () => "/org/switch",
      cases: [
        { method: "GET", expect: signedIn(302, 302) },
        {
          method: "POST",
          form: (fx) => ({ orgId: fx.orgA! }),
          expect: { ...signedIn(302), "other-clinician": 403, "other-educator": 403, "other-admin": 403 },
        },
      ],
    },
    account: {
      url: () => "/account",
      cases: [
        { method: "GET", expect: signedIn(200) },
        { method: "POST", expect: signedIn(400) },
      ],
    },
  },
};
