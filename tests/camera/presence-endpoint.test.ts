// POST /api/attempts/:id/presence: the owner's numbers-only summary is stored; images, extra fields, other shapes,
// oversized bodies, unknown nodes and other people are refused.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPresenceRecorder, type PresenceSummary } from "~/core/feedback";
import { frameAt } from "~/core/feedback/test-support";
import { action } from "~/routes/api.attempts.$attemptId.presence";
import { startAttempt } from "~/services/attempts.server";
import { getScenario } from "~/services/catalogue.server";
import { createHarness, type Harness, type Persona } from "../access/harness";

process.env.SCENARIOS_DIR = path.resolve("tests/access/fixtures/scenarios");

let harness: Harness;
let attemptId: string;

function summaryOf(nodes: string[], seconds = 6): PresenceSummary {
  const recorder = createPresenceRecorder();
  for (let t = 0; t <= seconds * 1000; t += 100)
    recorder.record(
      frameAt(t, t > 3000 ? { lighting: "too-dark" } : {}, t % 2000 < 1000),
      nodes[Math.floor(t / 2000) % nodes.length]!,
    );
  return recorder.summary();
}

async function post(
  body: string,
  options: { persona?: Persona; type?: string; id?: string; length?: string } = {},
): Promise<Response> {
  const headers = new Headers({ Origin: "http://localhost", "Content-Type": options.type ?? "application/json" });
  const cookie = harness.cookie(options.persona ?? "clinician");
  if (cookie) headers.set("Cookie", cookie);
  if (options.length) headers.set("Content-Length", options.length);
  const id = options.id ?? attemptId;
  const request = new Request(`http://localhost/api/attempts/${id}/presence`, { method: "POST", headers, body });
  try {
    return await action({ request, context: harness.context, params: { attemptId: id } });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

beforeAll(async () => {
  harness = await createHarness();
  const scenario = await getScenario(harness.context, harness.orgA, "fixture-consultation");
  const attempt = await startAttempt(harness.context, await harness.viewer("clinician"), scenario!, {
    mode: "learning",
    confidenceBefore: null,
  });
  attemptId = attempt.id;
});
afterAll(async () => harness?.close());

describe("storing a presence summary", () => {
  it("stores the owner's summary without changing the choices made, which the page's step counts", async () => {
    const before = (await harness.store.getAttempt(attemptId))!;
    const summary = summaryOf(["hello", "ask"]);
    const response = await post(JSON.stringify(summary));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, from: before.path.length - 1, step: before.path.length - 1 });
    const stored = (await harness.store.getAttempt(attemptId))!;
    expect(stored.presence).toEqual(summary);
    expect(stored.path).toEqual(before.path);
  });

  it("replaces the summary with a newer one", async () => {
    const newer = summaryOf(["hello", "ask", "opens-up"], 9);
    expect((await post(JSON.stringify(newer))).status).toBe(200);
    expect((await harness.store.getAttempt(attemptId))!.presence).toEqual(newer);
  });
});

describe("refusals", () => {
  const valid = () => summaryOf(["hello"]);

  it.each([
    [
      "an image in place of a number",
      () => ({ ...valid(), durationMs: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==" }),
    ],
    ["an extra field", () => ({ ...valid(), frame: "iVBORw0KGgo" })],
    [
      "an extra field in the shares",
      () => ({ ...valid(), overall: { ...valid().overall, faceLandmarks: [0.1, 0.2] } }),
    ],
    [
      "a share above 1",
      () => ({ ...valid(), overall: { ...valid().overall, framing: { ...valid().overall.framing, ok: 3 } } }),
    ],
    ["another version", () => ({ ...valid(), version: 2 })],
    ["a list instead of a summary", () => [valid()]],
  ])("refuses %s with 400", async (_label, make) => {
    const before = (await harness.store.getAttempt(attemptId))!;
    const response = await post(JSON.stringify(make()));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/refused/);
    expect((await harness.store.getAttempt(attemptId))!.revision).toBe(before.revision);
  });

  it("refuses a node that is not in the scenario", async () => {
    const response = await post(JSON.stringify(summaryOf(["hello", "not-a-node"])));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toContain("'not-a-node'");
  });

  it("refuses bodies that are not JSON", async () => {
    expect((await post("version=1", { type: "application/x-www-form-urlencoded" })).status).toBe(400);
    expect((await post("{not json")).status).toBe(400);
  });

  it("refuses a body over 64 KB, whether or not Content-Length says so", async () => {
    const big = JSON.stringify({ ...valid(), padding: "x".repeat(70_000) });
    expect((await post(big)).status).toBe(413);
    expect((await post(big, { length: "100" })).status).toBe(413);
    expect((await post("{}", { length: String(10_000_000) })).status).toBe(413);
  });

  it("hides the attempt from everyone but its owner", async () => {
    const body = JSON.stringify(valid());
    expect((await post(body, { persona: "educator" })).status).toBe(404);
    expect((await post(body, { persona: "other-clinician" })).status).toBe(404);
    expect((await post(body, { persona: "anonymous" })).status).toBe(302);
    expect((await post(body, { id: "no-such-attempt" })).status).toBe(404);
  });
});
