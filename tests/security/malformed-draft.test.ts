// Finding 8: a draft that is not scenario-shaped is refused at the form boundary with a 400 and never stored; a
// stored draft that cannot be read (written before the check, or by hand) opens a recovery view, not a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledScenario } from "~/services/catalogue.server";
import { httpRequest } from "../../scripts/bench/support/http-client";
import { login, postForm, seedPeople, type People } from "./support/people";
import { startAppServer, stopVite, type AppServer } from "./support/app-server";

describe("malformed scenario drafts over HTTP", () => {
  let server: AppServer;
  let people: People;
  let admin: string;
  const page = (path: string) => httpRequest(server.url + path, { headers: { Cookie: admin } });
  const seed = async (id: string, draft: unknown) =>
    server.store.createScenario({
      orgId: people.orgA,
      id,
      draft,
      createdBy: people.adminA,
      source: { kind: "blank", detail: null },
    });

  beforeAll(async () => {
    server = await startAppServer();
    people = await seedPeople(server.store);
    admin = await login(server.url, "admin-a@example.test");
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await stopVite();
  });

  it.each([
    ['{"nodes":"x","cast":5}', "nodes is text and cast a number"],
    ["[]", "an array"],
    ["42", "a number"],
    ["null", "null"],
    ['{"title":{"a":1},"nodes":{}}', "a title that is an object"],
    ['{"nodes":{"a":{"lines":[],"choices":"x"}}}', "choices that are text"],
    ['{"nodes":{"a":{"lines":[{"speaker":"narrator","text":{"x":1}}]}}}', "a line whose text is an object"],
    ["{nodes", "not JSON at all"],
  ])("refuses %s (%s) with 400 and stores nothing", async (draft) => {
    const record = await seed(`draft-${Math.random().toString(36).slice(2, 8)}`, { title: "Kept", nodes: {} });
    const reply = await postForm(
      server.url,
      `/studio/${record.id}`,
      { intent: "save", draft, revision: String(record.revision) },
      { Cookie: admin },
    );
    expect(reply.status).toBe(400);
    expect(reply.body).toContain("The draft could not be read");
    const stored = await server.store.getScenarioRecord(people.orgA, record.id);
    expect(stored?.revision).toBe(record.revision);
    expect(stored?.draft).toEqual({ title: "Kept", nodes: {} });
  });

  it("still saves a work-in-progress draft with validation errors", async () => {
    const record = await seed("work-in-progress", { title: "Kept", nodes: {} });
    const draft = JSON.stringify({
      title: "Half written",
      nodes: { start: { lines: [], choices: [{ id: "choice-1", text: "", next: "start", feedback: "" }] } },
    });
    const reply = await postForm(
      server.url,
      `/studio/${record.id}`,
      { intent: "save", draft, revision: String(record.revision) },
      { Cookie: admin },
    );
    expect(reply.status).toBe(200);
    expect((await server.store.getScenarioRecord(people.orgA, record.id))?.draft).toMatchObject({
      title: "Half written",
    });
  });

  describe("a stored draft that cannot be read", () => {
    const bad = { title: { not: "text" }, nodes: { a: { lines: "x", choices: 5 } }, cast: 5 };

    it("opens the editor's recovery view, which restores the last published version", async () => {
      const published = bundledScenario("red-flags-chest-pain")!;
      const record = await seed("recover-published", { ...published, id: "recover-published" });
      const content = { ...published, id: "recover-published", version: 1 };
      await server.store.publishScenarioVersion({
        orgId: people.orgA,
        scenarioId: record.id,
        version: 1,
        content,
        publishedBy: people.adminA,
        expectedRevision: record.revision,
      });
      const current = (await server.store.getScenarioRecord(people.orgA, record.id))!;
      const broken = await server.store.saveScenarioDraft({
        orgId: people.orgA,
        id: record.id,
        expectedRevision: current.revision,
        draft: bad,
        updatedBy: people.adminA,
      });
      const editor = await page(`/studio/${record.id}`);
      expect(editor.status).toBe(200);
      expect(editor.body).toContain("This draft cannot be opened");
      expect(editor.body).toMatch(/Restore version (<!-- -->)?1/);
      const analytics = await page(`/studio/${record.id}/analytics`);
      expect(analytics.status).toBe(200);

      const restored = await postForm(
        server.url,
        `/studio/${record.id}`,
        { intent: "restore", revision: String(broken.revision) },
        { Cookie: admin },
      );
      expect(restored.status).toBe(302);
      const after = (await server.store.getScenarioRecord(people.orgA, record.id))!;
      expect(after.draft).toEqual(content);
      expect((await page(`/studio/${record.id}`)).body).not.toContain("This draft cannot be opened");
      const log = await server.store.listAudit({ orgId: people.orgA, limit: 20 });
      expect(log.some((e) => e.type === "scenario.draft.recover")).toBe(true);
    });

    it("offers only a fresh start when nothing was published, and analytics says so instead of failing", async () => {
      const record = await seed("recover-never-published", bad);
      const editor = await page(`/studio/${record.id}`);
      expect(editor.status).toBe(200);
      expect(editor.body).toContain("This draft cannot be opened");
      expect(editor.body).not.toContain("Restore version");
      const analytics = await page(`/studio/${record.id}/analytics`);
      expect(analytics.status).toBe(200);
      expect(analytics.body).toContain("This draft cannot be opened");

      // Restoring is refused when there is no version to restore; discarding starts a blank draft.
      const refused = await postForm(
        server.url,
        `/studio/${record.id}`,
        { intent: "restore", revision: String(record.revision) },
        { Cookie: admin },
      );
      expect(refused.status).toBe(400);
      const discarded = await postForm(
        server.url,
        `/studio/${record.id}`,
        { intent: "discard", revision: String(record.revision) },
        { Cookie: admin },
      );
      expect(discarded.status).toBe(302);
      const after = (await server.store.getScenarioRecord(people.orgA, record.id))!;
      expect(after.draft).toMatchObject({ id: record.id, nodes: expect.any(Object) as object });
      expect((await page(`/studio/${record.id}`)).status).toBe(200);
    });

    it("will not discard a readable draft (the recovery actions only replace unreadable ones)", async () => {
      const record = await seed("readable-draft", { title: "Fine", nodes: {} });
      const reply = await postForm(
        server.url,
        `/studio/${record.id}`,
        { intent: "discard", revision: String(record.revision) },
        { Cookie: admin },
      );
      expect(reply.status).toBe(409);
      expect((await server.store.getScenarioRecord(people.orgA, record.id))?.draft).toEqual({
        title: "Fine",
        nodes: {},
      });
    });
  });
});
