// Every route x persona (each role in the owning organisation, each role in another organisation, anonymous) has an
// expected status for each method, listed by area in tests/access/matrix/. A route file without an entry fails.
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHarness, makeRequest, PERSONAS, statusOf, type Harness } from "./harness";
import type { Expect, Fixtures, MatrixArea } from "./matrix/types";

process.env.SCENARIOS_DIR = path.resolve("tests/access/fixtures/scenarios");

const areas = Object.values(import.meta.glob<{ area: MatrixArea }>("./matrix/*.ts", { eager: true }))
  .map((m) => m.area)
  .filter(Boolean);
const entries = areas.flatMap((area) => Object.entries(area.routes).map(([route, entry]) => ({ area, route, entry })));

const routesDir = path.resolve("app/routes");
const routeFiles = readdirSync(routesDir)
  .filter((f) => /\.(tsx|ts)$/.test(f) && !f.includes(".test."))
  .map((f) => f.replace(/\.(tsx|ts)$/, ""));

async function importRoute(route: string): Promise<Record<string, unknown>> {
  const file = readdirSync(routesDir).find((f) => f.replace(/\.(tsx|ts)$/, "") === route);
  return (await import(/* @vite-ignore */ path.join(routesDir, file!))) as Record<string, unknown>;
}

describe("access matrix", () => {
  let harness: Harness;
  const fixtures = new Map<MatrixArea, Fixtures>();

  beforeAll(async () => {
    harness = await createHarness();
    for (const area of areas) fixtures.set(area, (await area.setup?.(harness)) ?? {});
  });
  beforeEach(async () => harness?.refreshSessions());
  afterAll(async () => harness?.close());

  it("has an entry for every route file, and no entry for a route that does not exist", () => {
    const listed = entries.map((e) => e.route);
    expect(
      routeFiles.filter((r) => !listed.includes(r)),
      "routes missing from the access matrix",
    ).toEqual([]);
    expect(
      listed.filter((r) => !routeFiles.includes(r)),
      "matrix entries with no route",
    ).toEqual([]);
    expect(new Set(listed).size, "a route listed twice").toBe(listed.length);
  });

  for (const { area, route, entry } of entries) {
    for (const testCase of entry.cases) {
      it(`${testCase.method} ${route}`, async () => {
        const fx = fixtures.get(area)!;
        const mod = await importRoute(route);
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

  it("records denials of other organisations' people in their audit log", async () => {
    const events = await harness.store.listAudit({ orgId: harness.orgB, type: "access.denied" });
    expect(events.length).toBeGreaterThan(0);
  });
});
