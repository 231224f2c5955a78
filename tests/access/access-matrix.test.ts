// Every route x persona (each role in the owning organisation, each role in another organisation, anonymous) has an
// expected status for each method. A route file without an entry here fails the suite, so new routes get checked.
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHarness, makeRequest, PERSONAS, statusOf, type Harness, type Persona } from "./harness";

process.env.SCENARIOS_DIR = path.resolve("tests/access/fixtures/scenarios");
const SCENARIO = "fixture-consultation";

interface Fixtures {
  attemptId: string;
  orgA: string;
}

type Expect = Record<Persona, number>;
interface Case {
  method: "GET" | "POST";
  form?: (fx: Fixtures) => Record<string, string>;
  expect: Expect;
}
interface Entry {
  url: (fx: Fixtures) => string;
  params?: (fx: Fixtures) => Record<string, string>;
  cases: Case[];
}

/** The same status for every signed-in persona, and a redirect to login for anonymous visitors. */
const signedIn = (status: number, anonymous = 302): Expect => ({
  anonymous,
  clinician: status,
  educator: status,
  admin: status,
  "other-clinician": status,
  "other-educator": status,
  "other-admin": status,
});
/** Only the owner of the record (the clinician in org A) gets `owner`; everyone else signed in gets 404. */
const ownerOnly = (owner: number): Expect => ({ ...signedIn(404), clinician: owner });

const MATRIX: Record<string, Entry> = {
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
      { method: "POST", form: (fx) => ({ orgId: fx.orgA }), expect: { ...signedIn(302), "other-clinician": 403, "other-educator": 403, "other-admin": 403 } },
    ],
  },
  account: {
    url: () => "/account",
    cases: [
      { method: "GET", expect: signedIn(200) },
      { method: "POST", expect: signedIn(400) },
    ],
  },
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
    params: (fx) => ({ attemptId: fx.attemptId }),
    cases: [
      { method: "GET", expect: ownerOnly(200) },
      { method: "POST", form: () => ({ intent: "choose", choiceId: "no-such-choice", step: "0" }), expect: ownerOnly(400) },
    ],
  },
  "attempts.$attemptId.debrief": {
    url: (fx) => `/attempts/${fx.attemptId}/debrief`,
    params: (fx) => ({ attemptId: fx.attemptId }),
    cases: [
      // The attempt is still in progress, so its owner is sent back to the practice room.
      { method: "GET", expect: ownerOnly(302) },
      { method: "POST", form: () => ({ intent: "reflect", reflection: "x" }), expect: ownerOnly(400) },
    ],
  },
  history: { url: () => "/history", cases: [{ method: "GET", expect: signedIn(200) }] },
};

const routesDir = path.resolve("app/routes");
const routeFiles = readdirSync(routesDir)
  .filter((f) => /\.(tsx|ts)$/.test(f) && !f.includes(".test."))
  .map((f) => f.replace(/\.(tsx|ts)$/, ""));

describe("access matrix", () => {
  let harness: Harness;
  let fx: Fixtures;

  beforeAll(async () => {
    harness = await createHarness();
    const { startAttempt } = await import("~/utils/attempts.server");
    const { getScenario } = await import("~/utils/scenario-catalogue.server");
    const scenario = await getScenario(harness.context, harness.orgA, SCENARIO);
    if (!scenario) throw new Error("fixture scenario missing");
    const owner = await harness.store.getUser(harness.users.clinician);
    const membership = await harness.store.getMembership(harness.users.clinician, harness.orgA);
    const org = await harness.store.getOrganisation(harness.orgA);
    const attempt = await startAttempt(
      harness.context,
      { user: owner!, membership: membership!, org: org!, orgs: [org!], session: null as never },
      scenario,
      { mode: "learning", confidenceBefore: 3 },
    );
    fx = { attemptId: attempt.id, orgA: harness.orgA };
  });
  beforeEach(async () => harness?.refreshSessions());
  afterAll(async () => harness?.close());

  it("has an entry for every route file, and no entry for a route that does not exist", () => {
    expect(routeFiles.filter((r) => !(r in MATRIX)), "routes missing from the access matrix").toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !routeFiles.includes(r)), "matrix entries with no route").toEqual([]);
  });

  for (const [route, entry] of Object.entries(MATRIX)) {
    for (const testCase of entry.cases) {
      it(`${testCase.method} ${route}`, async () => {
        const mod = (await import(/* @vite-ignore */ path.join(routesDir, `${route}.tsx`)).catch(() => import(/* @vite-ignore */ path.join(routesDir, `${route}.ts`)))) as Record<string, unknown>;
        const fn = (testCase.method === "GET" ? mod.loader : mod.action) as Parameters<typeof statusOf>[0] | undefined;
        const actual: Partial<Expect> = {};
        for (const persona of PERSONAS) {
          if (!fn) {
            actual[persona] = 405;
            continue;
          }
          const request = makeRequest(harness, persona, testCase.method, entry.url(fx), testCase.form?.(fx));
          actual[persona] = await statusOf(fn, request, harness.context, entry.params?.(fx) ?? {});
        }
        expect(actual).toEqual(testCase.expect);
      });
    }
  }

  it("records denials in the audit log", async () => {
    const events = await harness.store.listAudit({ orgId: harness.orgB, type: "access.denied" });
    expect(events.length).toBeGreaterThan(0);
  });

  it("stored nothing for refused choices: the attempt has not moved", async () => {
    const attempt = await harness.store.getAttempt(fx.attemptId);
    expect(attempt?.step).toBe(0);
    expect(attempt?.path).toHaveLength(1);
  });
});
