// Analytics and item statistics for a bundled scenario: the viewer's organisation's attempts only, first attempt per
// person on the version shown, a formula-safe CSV whose download is audit-logged, and a 404 for an unknown scenario.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Viewer } from "~/utils/auth.server";
import { newAttempt } from "../contract/contract-helpers";
import { FIXTURE_DIR, studioContext } from "./studio-helpers";

process.env.SCENARIOS_DIR = FIXTURE_DIR;
const { analyticsView, itemStatisticsCsv, requireAnalyticsScenario } =
  await import("~/services/studio-analytics.server");
const { rarelyChosenInPublished } = await import("~/services/item-statistics.server");

describe("analytics for a bundled scenario", () => {
  let env: Awaited<ReturnType<typeof studioContext>>;
  let viewer: Viewer;
  const request = new Request("http://localhost/studio/fixture-consultation/analytics");
  beforeEach(async () => {
    env = await studioContext();
    viewer = { user: env.educator, org: env.org } as Viewer;
  });
  afterEach(async () => env.close());

  async function completed(orgId: string, userId: string, choices: Array<[string, string]>, version = 1) {
    const created = await env.store.createAttempt(
      newAttempt({
        orgId,
        userId,
        scenarioId: "fixture-consultation",
        scenarioVersion: version,
        snapshot: { context: { transcript: choices.map(([nodeId, choiceId]) => ({ nodeId, choiceId })) } },
        path: [...choices.map(([nodeId]) => nodeId), "close-good"],
      }),
    );
    await env.store.updateAttempt(created.id, created.revision, {
      status: "completed",
      completedAt: new Date().toISOString(),
      result: { endingId: "close-good", outcome: "good", scores: { rapport: 80 }, overall: 80, passed: true },
    });
  }

  async function person(name: string, orgId = env.org.id) {
    const user = await env.store.createUser({ email: `${name}@example.test`, name, passwordHash: null });
    await env.store.setMembership({ userId: user.id, orgId, roles: ["clinician"], teamIds: [] });
    return user.id;
  }

  it("counts only the viewer's organisation's attempts on the version shown", async () => {
    const elsewhere = await env.store.createOrganisation({ name: "Elsewhere" });
    const [ana, ben, other] = [await person("ana"), await person("ben"), await person("other", elsewhere.id)];
    await completed(env.org.id, ana, [["hello", "warm"]]);
    await completed(env.org.id, ben, [["hello", "cold"]]);
    await completed(env.org.id, ben, [["hello", "warm"]], 99);
    await completed(elsewhere.id, other, [["hello", "cold"]]);

    const target = await requireAnalyticsScenario(request, env.context, viewer, "fixture-consultation");
    expect(target.bundled).toBe(true);
    const view = await analyticsView(env.context, viewer, target);
    expect(view.summary.attempts).toBe(3);
    expect(view.items.attempts).toBe(2);
    expect(view.items.smallSample).toBe(true);
    const hello = view.items.items.find((i) => i.nodeId === "hello");
    expect(hello?.facility).toBe(0.5);
    expect(hello?.responses.map((r) => [r.choiceId, r.count])).toEqual([
      ["warm", 1],
      ["cold", 1],
    ]);
  });

  it("exports a CSV with a header, one row per response, and logs the download", async () => {
    await completed(env.org.id, await person("ana"), [["hello", "warm"]]);
    const target = await requireAnalyticsScenario(request, env.context, viewer, "fixture-consultation");
    const { body, filename } = await itemStatisticsCsv(env.context, viewer, target);
    expect(filename).toBe("webside-item-statistics-fixture-consultation-v1.csv");
    const lines = body.trim().split("\n");
    expect(lines[0]).toBe(
      "node,decision,answered,facility %,discrimination,negative discrimination,response,response text,best," +
        "chosen,share %,non-functioning distractor",
    );
    expect(lines.some((l) => l.startsWith("hello,") && l.includes(",warm,"))).toBe(true);
    const events = await env.store.listAudit({ orgId: env.org.id, type: "export.item-statistics" });
    expect(events).toHaveLength(1);
  });

  it("tells the editor which distractors the organisation's learners almost never chose, once 20 have answered", async () => {
    const target = await requireAnalyticsScenario(request, env.context, viewer, "fixture-consultation");
    const rarely = () => rarelyChosenInPublished(env.context, env.org.id, target.id, target.scenario);
    for (let i = 0; i < 19; i += 1) await completed(env.org.id, await person(`p${i}`), [["hello", "warm"]]);
    expect(await rarely()).toEqual([]);
    await completed(env.org.id, await person("p19"), [["hello", "warm"]]);
    expect((await rarely()).map((r) => [r.nodeId, r.choiceId, r.share, r.answered, r.version])).toEqual([
      ["hello", "cold", 0, 20, 1],
    ]);
    expect(await rarelyChosenInPublished(env.context, env.org.id, target.id, null)).toEqual([]);
  });

  it("is a 404 for a scenario that is neither bundled nor the organisation's", async () => {
    const denied = await requireAnalyticsScenario(request, env.context, viewer, "no-such-scenario").catch((e) => e);
    expect(denied).toBeInstanceOf(Response);
    expect((denied as Response).status).toBe(404);
  });
});
