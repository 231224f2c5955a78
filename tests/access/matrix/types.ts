// The shape of an access-matrix area file: fixtures it needs and the expected status per route, method and persona.
import type { Harness, Persona } from "../harness";

export type Expect = Record<Persona, number>;
/** Whatever an area's setup made (ids of records in org A), handed to its url/params/form builders. */
export type Fixtures = Record<string, string>;

export interface Case {
  method: "GET" | "POST";
  form?: (fx: Fixtures) => Record<string, string>;
  expect: Expect;
}

export interface RouteEntry {
  url: (fx: Fixtures) => string;
  params?: (fx: Fixtures) => Record<string, string>;
  cases: Case[];
}

export interface MatrixArea {
  /** Creates the records this area's routes act on, owned by org A (personas without "other-"). */
  setup?: (harness: Harness) => Promise<Fixtures>;
  /** Keyed by route file name without extension, e.g. "attempts.$attemptId._index". */
  routes: Record<string, RouteEntry>;
}

/** The same status for every signed-in persona, and a redirect to login for anonymous visitors. */
export const signedIn = (status: number, anonymous = 302): Expect => ({
  anonymous,
  clinician: status,
  educator: status,
  admin: status,
  "other-clinician": status,
  "other-educator": status,
  "other-admin": status,
});

/** Only the owner of the record (the clinician in org A) gets `owner`; everyone else signed in gets 404. */
export const ownerOnly = (owner: number): Expect => ({ ...signedIn(404), clinician: owner });

/** Given roles of org A get `allowed`; other roles of org A get 403; other organisations' people get `otherOrg`. */
export const rolesOnly = (
  roles: Array<"clinician" | "educator" | "admin">,
  allowed: number,
  otherOrg = 403,
): Expect => ({
  anonymous: 302,
  clinician: roles.includes("clinician") ? allowed : 403,
  educator: roles.includes("educator") ? allowed : 403,
  admin: roles.includes("admin") ? allowed : 403,
  "other-clinician": roles.includes("clinician") ? otherOrg : 403,
  "other-educator": roles.includes("educator") ? otherOrg : 403,
  "other-admin": roles.includes("admin") ? otherOrg : 403,
});
