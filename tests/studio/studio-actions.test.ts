// The studio's actions end to end in-process: conflicts are reported not overwritten, publishing needs a clean draft,
// uploads are capped before parsing and imports are audit-logged.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, makeRequest, type Harness } from "../access/harness";

process.env.SCENARIOS_DIR = path.resolve("tests/access/fixtures/scenarios");
const editor = await import("~/routes/studio.$scenarioId._index");
const library = await import("~/routes/studio._index");
const fixture = JSON.parse(readFileSync("tests/access/fixtures/scenarios/valid-consultation.json", "utf8")) as Record<
  string,
  unknown
>;

async function call(fn: (args: never) => unknown, request: Request, h: Harness, params: Record<string, string> = {}) {
  try {
    const result = (await fn({ request, context: h.context, params } as never)) as unknown;
    if (result instanceof Response) return { status: result.status, data: null as unknown, headers: result.headers };
    const r = result as { type?: string; data?: unknown; init?: { status?: number } };
    if (r?.type === "DataWithResponseInit")
      return { status: r.init?.status ?? 200, data: r.data, headers: new Headers() };
    return { status: 200, data: result, headers: new Headers() };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, data: null, headers: thrown.headers };
    throw thrown;
  }
}

describe("studio actions", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await h.store.createScenario({
      orgId: h.orgA,
      id: "shared-draft",
      draft: { ...fixture, id: "shared-draft" },
      createdBy: h.users.educator,
      source: { kind: "blank", detail: null },
    });
  });
  afterAll(async () => h.close());

  const post = (form: Record<string, string>) => makeRequest(h, "educator", "POST", "/studio/shared-draft", form);

  it("saves at the current revision, then reports a stale save as a conflict naming who saved and when", async () => {
    const first = await call(
      editor.action,
      post({ intent: "save", revision: "1", draft: JSON.stringify({ ...fixture, title: "First save" }) }),
      h,
      { scenarioId: "shared-draft" },
    );
    expect(first).toMatchObject({ status: 200, data: { ok: true, revision: 2 } });
    const stale = await call(
      editor.action,
      makeRequest(h, "admin", "POST", "/studio/shared-draft", {
        intent: "save",
        revision: "1",
        draft: JSON.stringify({ ...fixture, title: "Overwrite?" }),
      }),
      h,
      { scenarioId: "shared-draft" },
    );
    expect(stale.status).toBe(409);
    expect((stale.data as { message: string }).message).toMatch(
      /^educator person saved a newer version at \d\d:\d\d; reload to see their changes/,
    );
    expect(((await h.store.getScenarioRecord(h.orgA, "shared-draft"))!.draft as { title: string }).title).toBe(
      "First save",
    );
  });

  it("refuses a revision that is not a whole number with a 400 naming the field, not a conflict, storing nothing", async () => {
    const before = await h.store.getScenarioRecord(h.orgA, "shared-draft");
    const forms: Array<Record<string, string>> = [
      { intent: "save", revision: "NaN", draft: JSON.stringify({ ...fixture, title: "Lost?" }) },
      { intent: "save", draft: JSON.stringify({ ...fixture, title: "Lost?" }) },
      { intent: "publish", revision: "two" },
    ];
    for (const form of forms) {
      const refused = await call(editor.action, post(form), h, { scenarioId: "shared-draft" });
      expect(refused.status, JSON.stringify(form)).toBe(400);
      expect(refused.data).toMatchObject({ ok: false, fieldErrors: { revision: [expect.any(String)] } });
    }
    expect(await h.store.getScenarioRecord(h.orgA, "shared-draft")).toEqual(before);
  });

  it("saves a draft with errors but refuses to publish it, then publishes once fixed, with a change summary", async () => {
    const broken = { ...fixture, start: "nowhere" };
    expect(
      (
        await call(editor.action, post({ intent: "save", revision: "2", draft: JSON.stringify(broken) }), h, {
          scenarioId: "shared-draft",
        })
      ).status,
    ).toBe(200);
    const refused = await call(editor.action, post({ intent: "publish", revision: "3" }), h, {
      scenarioId: "shared-draft",
    });
    expect(refused.status).toBe(400);
    expect((refused.data as { message: string }).message).toMatch(/error.*before publishing/);
    await call(editor.action, post({ intent: "save", revision: "3", draft: JSON.stringify(fixture) }), h, {
      scenarioId: "shared-draft",
    });
    const published = await call(editor.action, post({ intent: "publish", revision: "4" }), h, {
      scenarioId: "shared-draft",
    });
    expect(published).toMatchObject({ status: 200, data: { ok: true, published: 1 } });
    expect(await h.store.getScenarioVersion(h.orgA, "shared-draft", 1)).toMatchObject({ version: 1 });
    const events = await h.store.listAudit({ orgId: h.orgA, type: "scenario.publish" });
    expect(events[0]!.detail).toMatchObject({ scenarioId: "shared-draft", version: 1 });
  });

  it("refuses an upload over 256 KB before parsing it, and imports a Twee file with an audit event", async () => {
    const big = new FormData();
    big.set("intent", "import");
    big.set("file", new File(["x".repeat(300 * 1024)], "big.twee"));
    const headers = new Headers({ Origin: "http://localhost", Cookie: h.cookie("educator")! });
    const tooBig = await call(
      library.action,
      new Request("http://localhost/studio", { method: "POST", headers, body: big }),
      h,
    );
    expect(tooBig.status).toBe(413);

    const form = new FormData();
    form.set("intent", "import");
    form.set(
      "file",
      new File([readFileSync("tests/fixtures/interchange/first-video-call.twee")], "first-video-call.twee"),
    );
    const imported = await call(
      library.action,
      new Request("http://localhost/studio", { method: "POST", headers, body: form }),
      h,
    );
    expect(imported.status).toBe(200);
    expect(imported.data).toMatchObject({
      created: { id: "first-video-call-with-maria" },
      filename: "first-video-call.twee",
    });
    expect((imported.data as { report: Array<{ message: string }> }).report.some((n) => /macros/.test(n.message))).toBe(
      true,
    );
    expect((await h.store.listAudit({ orgId: h.orgA, type: "scenario.import" }))[0]!.detail).toMatchObject({
      source: "twee",
    });
  });

  it("duplicates a bundled scenario under a new id, leaving the bundled one alone", async () => {
    const copy = await call(
      library.action,
      makeRequest(h, "educator", "POST", "/studio", { intent: "duplicate", scenarioId: "fixture-consultation" }),
      h,
    );
    expect(copy.headers.get("Location")).toBe("/studio/fixture-consultation-custom");
    expect(await h.store.getScenarioRecord(h.orgA, "fixture-consultation-custom")).toMatchObject({
      source: { kind: "bundled", detail: "fixture-consultation@1" },
    });
  });
});
