// The catalogue: bundled plus the organisation's published scenarios; attempts stay pinned to the version they started on.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FIXTURE_DIR, fixtureScenario, studioContext } from "./studio-helpers";

process.env.SCENARIOS_DIR = FIXTURE_DIR;
const { getScenario, listScenarios, pinScenarioVersion, bundledScenario } = await import("~/services/catalogue.server");

describe("scenario catalogue", () => {
  let env: Awaited<ReturnType<typeof studioContext>>;
  beforeAll(() => {
    process.env.SCENARIOS_DIR = FIXTURE_DIR;
  });
  beforeEach(async () => {
    env = await studioContext();
  });
  afterEach(async () => env.close());

  async function authored(id: string, title: string) {
    const draft = { ...fixtureScenario(), id, title };
    await env.store.createScenario({
      orgId: env.org.id,
      id,
      draft,
      createdBy: env.educator.id,
      source: { kind: "blank", detail: null },
    });
    return draft;
  }

  it("lists bundled scenarios and the organisation's published ones, not drafts, archived ones or other organisations'", async () => {
    const published = await authored("our-first-call", "Our first call");
    await env.store.publishScenarioVersion({
      orgId: env.org.id,
      scenarioId: published.id,
      version: 1,
      content: published,
      publishedBy: env.educator.id,
      expectedRevision: 1,
    });
    await authored("still-a-draft", "Still a draft");
    const archived = await authored("old-one", "Old one");
    await env.store.publishScenarioVersion({
      orgId: env.org.id,
      scenarioId: archived.id,
      version: 1,
      content: archived,
      publishedBy: env.educator.id,
      expectedRevision: 1,
    });
    await env.store.setScenarioStatus(env.org.id, archived.id, "archived");
    const other = await env.store.createOrganisation({ name: "Elsewhere" });

    const mine = await listScenarios(env.context, env.org.id);
    expect(mine.map((e) => [e.scenario.id, e.source])).toEqual([
      ["fixture-consultation", "bundled"],
      ["our-first-call", "organisation"],
    ]);
    expect((await listScenarios(env.context, other.id)).map((e) => e.scenario.id)).toEqual(["fixture-consultation"]);
    expect(await getScenario(env.context, env.org.id, "still-a-draft")).toBeNull();
    expect(await getScenario(env.context, env.org.id, "old-one")).toBeNull();
    expect(await getScenario(env.context, other.id, "our-first-call")).toBeNull();
  });

  it("keeps an attempt's old version playable after the organisation publishes a new one", async () => {
    const v1 = await authored("our-first-call", "Version one");
    await env.store.publishScenarioVersion({
      orgId: env.org.id,
      scenarioId: v1.id,
      version: 1,
      content: v1,
      publishedBy: env.educator.id,
      expectedRevision: 1,
    });
    const v2 = { ...v1, version: 2, title: "Version two" };
    await env.store.saveScenarioDraft({
      orgId: env.org.id,
      id: v1.id,
      expectedRevision: 1,
      draft: v2,
      updatedBy: env.educator.id,
    });
    await env.store.publishScenarioVersion({
      orgId: env.org.id,
      scenarioId: v1.id,
      version: 2,
      content: v2,
      publishedBy: env.educator.id,
      expectedRevision: 2,
    });
    expect((await getScenario(env.context, env.org.id, v1.id))?.title).toBe("Version two");
    expect((await getScenario(env.context, env.org.id, v1.id, 1))?.title).toBe("Version one");
  });

  it("records the bundled version an attempt starts on, so it still plays once the file moves to a new version", async () => {
    const file = bundledScenario("fixture-consultation")!;
    await pinScenarioVersion(env.context, file);
    expect(await env.store.getScenarioVersion(null, file.id, file.version)).toMatchObject({
      orgId: null,
      content: file,
    });
    // Pretend an older version was recorded before the file changed.
    await env.store.ensureBundledVersion({
      scenarioId: file.id,
      version: 99,
      content: { ...file, version: 99, title: "The old wording" },
    });
    expect((await getScenario(env.context, env.org.id, file.id, 99))?.title).toBe("The old wording");
    expect(await getScenario(env.context, env.org.id, file.id, 7)).toBeNull();
  });
});
