// Finding 11, run on each store: control characters and text-direction overrides are refused at the form boundary in
// names, titles, free text, drafts and imported scenario files, with a 400 that says why, and nothing is stored.
// PostgreSQL refuses NUL in text columns, so on that store a character reaching the database would be a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "~/storage/types";
import { httpRequest } from "../../../scripts/bench/support/http-client";
import { login, postForm, seedPeople, type People } from "./people";
import { startAppServer, stopVite, type AppServer } from "./app-server";

const HIDDEN = [
  ["NUL", "\u0000"],
  ["a bell (U+0007)", "\u0007"],
  ["a right-to-left override (U+202E)", "\u202E"],
  ["a left-to-right embedding (U+202A)", "\u202A"],
  ["a first-strong isolate (U+2068)", "\u2068"],
  ["a pop directional isolate (U+2069)", "\u2069"],
] as const;
const REFUSAL = "hidden control character or a text-direction override";

export function hiddenCharacterSuite(
  storeName: string,
  makeStore: () => Promise<Store>,
  closeStore: () => Promise<void>,
) {
  describe(`hidden characters at the form boundary (${storeName})`, () => {
    let server: AppServer;
    let people: People;
    let admin: string;

    beforeAll(async () => {
      server = await startAppServer({ store: await makeStore() });
      people = await seedPeople(server.store);
      admin = await login(server.url, "admin-a@example.test");
    }, 120_000);
    afterAll(async () => {
      await server?.close();
      await closeStore();
      await stopVite();
    });

    it.each(HIDDEN)("refuses %s in a new person's name with 400 and adds no one", async (_, character) => {
      const email = `hidden-${character.codePointAt(0)}@example.test`;
      const reply = await postForm(
        server.url,
        "/admin/staff",
        { intent: "add", email, name: `Dr ${character}Evil`, roles: "clinician" },
        { Cookie: admin },
      );
      expect(reply.status).toBe(400);
      expect(reply.body).toContain(REFUSAL);
      expect(await server.store.getUserByEmail(email)).toBeNull();
    });

    it("still accepts ordinary names, accents and right-to-left scripts", async () => {
      for (const [name, email] of [
        ["Siobhán Ní Bhriain", "siobhan@example.test"],
        ["نور الهدى", "nour@example.test"],
      ]) {
        const reply = await postForm(
          server.url,
          "/admin/staff",
          { intent: "add", email: email!, name: name!, roles: "clinician" },
          { Cookie: admin },
        );
        expect(reply.status).toBeLessThan(400);
        expect((await server.store.getUserByEmail(email!))?.name).toBe(name);
      }
    });

    it("refuses them in a team name and a new scenario's title", async () => {
      const team = await postForm(
        server.url,
        "/admin/staff",
        { intent: "create-team", name: "Ward\u202E 7" },
        { Cookie: admin },
      );
      expect(team.status).toBe(400);
      expect(await server.store.listTeams(people.orgA)).toEqual([]);
      const scenario = await postForm(
        server.url,
        "/studio",
        { intent: "new", title: "Chest\u0000pain" },
        { Cookie: admin },
      );
      expect(scenario.status).toBe(400);
      expect(scenario.body).toContain(REFUSAL);
      expect(await server.store.listScenarioRecords(people.orgA)).toEqual([]);
    });

    it("refuses them inside a saved draft's text, even when escaped in the JSON", async () => {
      const record = await server.store.createScenario({
        orgId: people.orgA,
        id: "hidden-draft",
        draft: { title: "Clean", nodes: {} },
        createdBy: people.adminA,
        source: { kind: "blank", detail: null },
      });
      for (const text of ["Line with \\u0000 NUL", "Line with \\u202e override"]) {
        const draft = `{"title":"Clean","nodes":{"start":{"lines":[{"speaker":"narrator","text":"${text}"}]}}}`;
        const reply = await postForm(
          server.url,
          `/studio/${record.id}`,
          { intent: "save", draft, revision: String(record.revision) },
          { Cookie: admin },
        );
        expect(reply.status).toBe(400);
        expect(reply.body).toContain("nodes.start.lines[0].text");
      }
      expect((await server.store.getScenarioRecord(people.orgA, record.id))?.draft).toEqual({
        title: "Clean",
        nodes: {},
      });
    });

    it("refuses an imported scenario file whose title hides an override", async () => {
      const file = JSON.stringify({
        id: "imported",
        title: "Imported \u202Egnp.exe",
        start: "a",
        nodes: { a: { lines: [] } },
      });
      const form = new FormData();
      form.set("intent", "import");
      form.set("format", "json");
      form.set("file", new Blob([file], { type: "application/json" }), "scenario.json");
      const reply = await fetch(`${server.url}/studio`, {
        method: "POST",
        headers: { Origin: server.url, Cookie: admin },
        body: form,
      });
      expect(reply.status).toBe(400);
      expect(await reply.text()).toContain(REFUSAL);
      expect((await server.store.listScenarioRecords(people.orgA)).map((r) => r.id)).not.toContain("imported");
    });

    it("refuses them in a clinician's free text (a reflection) and keeps the reflection unsaved", async () => {
      const clinician = await login(server.url, "clinician-a@example.test");
      const attempt = await server.store.createAttempt({
        orgId: people.orgA,
        userId: people.clinicianA,
        scenarioId: "red-flags-chest-pain",
        scenarioVersion: 1,
        mode: "learning",
        status: "completed",
        snapshot: null,
        path: [],
        confidenceBefore: 3,
        confidenceAfter: null,
        reflection: null,
        result: null,
        presence: null,
        assignmentId: null,
      });
      const reply = await postForm(
        server.url,
        `/attempts/${attempt.id}/debrief`,
        { intent: "reflect", reflection: "Next time I will\u0000 ask sooner\u202E", confidenceAfter: "4" },
        { Cookie: clinician },
      );
      expect(reply.status).toBe(400);
      expect(reply.body).toContain(REFUSAL);
      expect((await server.store.getAttempt(attempt.id))?.reflection).toBeNull();
    });

    it("refuses a raw url-encoded NUL exactly as a typed one", async () => {
      const reply = await httpRequest(`${server.url}/admin/staff`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, Cookie: admin },
        body: "intent=add&email=raw-nul%40example.test&name=Raw%00Nul&roles=clinician",
      });
      expect(reply.status).toBe(400);
      expect(await server.store.getUserByEmail("raw-nul@example.test")).toBeNull();
    });
  });
}
