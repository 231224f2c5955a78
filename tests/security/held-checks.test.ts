// The checks the probe found holding (issue 12's first paragraph), kept held: a cross-site POST to every route with
// an action is refused, stored names and titles are escaped, session cookies carry their flags, a login always starts
// a fresh session and logout ends it, and HSTS is sent only in production. Role and organisation checks on every
// route are the access matrix (tests/access); CSV formula prefixes, prototype keys and deep nesting are unit-tested
// beside their code (export-rows, validate, upload.fuzz); body limits are body-limit.test.ts; invite reuse is e2e.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpRequest } from "../../scripts/bench/support/http-client";
import { login, PASSWORD, postForm, seedPeople, type People } from "./support/people";
import { startAppServer, stopVite, type AppServer } from "./support/app-server";

const ROUTES = path.resolve(import.meta.dirname, "../../app/routes");

/** Every route module that exports an action, as a URL (each `$param` filled with a placeholder). */
function mutatingRoutes(): string[] {
  return readdirSync(ROUTES)
    .filter((file) => /export (async )?function action\b/.test(readFileSync(path.join(ROUTES, file), "utf8")))
    .map(
      (file) =>
        "/" +
        file
          .replace(/\.tsx?$/, "")
          .replace(/\[\.\]/g, "~dot~")
          .split(".")
          .filter((part) => part !== "_index")
          .map((part) => (part.startsWith("$") ? "placeholder" : part))
          .join("/")
          .replace(/~dot~/g, "."),
    );
}

describe("checks that held, over HTTP", () => {
  let server: AppServer;
  let people: People;
  let admin: string;

  beforeAll(async () => {
    server = await startAppServer();
    people = await seedPeople(server.store);
    admin = await login(server.url, "admin-a@example.test");
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await stopVite();
  });

  it("refuses a cross-site or Origin-less POST to every route with an action, signed in or not", async () => {
    const routes = mutatingRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(17);
    expect(routes).toContain("/login");
    for (const route of routes) {
      const variants: Array<Record<string, string>> = [
        { Origin: "http://evil.example", Cookie: admin },
        { Origin: "null", Cookie: admin },
        { Cookie: admin },
      ];
      for (const headers of variants) {
        const reply = await httpRequest(server.url + route, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
          body: "intent=add&email=forged%40example.test&name=Forged&roles=admin",
        });
        expect(reply.status, `${route} with ${headers.Origin ?? "no Origin"}`).toBe(403);
      }
    }
    expect(await server.store.getUserByEmail("forged@example.test")).toBeNull();
  });

  it("escapes markup stored in names and titles wherever it is shown", async () => {
    const payload = `<img src=x onerror="alert(1)"><script>alert(2)</script>`;
    await server.store.updateUser(people.clinicianA, { name: `Dr ${payload}` });
    await server.store.createScenario({
      orgId: people.orgA,
      id: "markup-title",
      draft: { title: `Sepsis ${payload}`, nodes: {} },
      createdBy: people.adminA,
      source: { kind: "blank", detail: null },
    });
    for (const page of ["/admin/staff", "/studio", "/studio/markup-title"]) {
      const reply = await httpRequest(server.url + page, { headers: { Cookie: admin } });
      expect(reply.status, page).toBe(200);
      expect(reply.body, page).not.toContain("<img src=x");
      expect(reply.body, page).not.toContain("<script>alert(2)");
      expect(reply.body, page).toContain("&lt;img src=x");
    }
  });

  it("never renders raw HTML from data: no dangerouslySetInnerHTML anywhere in the app", () => {
    const files = readdirSync(path.resolve(import.meta.dirname, "../../app"), { recursive: true, encoding: "utf8" });
    const sources = files.filter((f) => /\.tsx?$/.test(f));
    expect(sources.length).toBeGreaterThan(100);
    const raw = sources.filter((f) =>
      readFileSync(path.resolve(import.meta.dirname, "../../app", f), "utf8").includes("dangerouslySetInnerHTML"),
    );
    expect(raw).toEqual([]);
  });

  it("sets the session cookie HttpOnly, SameSite=Lax and Path=/, and not Secure over plain HTTP in development", async () => {
    const reply = await postForm(server.url, "/login", { email: "admin-b@example.test", password: PASSWORD });
    const cookie = reply.setCookie.find((c) => c.startsWith("webside_session="))!;
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//i);
    expect(cookie).not.toMatch(/; Secure/i);
  });

  it("starts a fresh session at login whatever cookie came with it, and logout ends the old one", async () => {
    const first = await login(server.url, "admin-b@example.test");
    const second = await login(server.url, "admin-b@example.test", PASSWORD, { Cookie: first });
    expect(second).not.toBe(first);
    const planted = "webside_session=planted-by-someone-else";
    const fresh = await login(server.url, "admin-b@example.test", PASSWORD, { Cookie: planted });
    expect(fresh).not.toBe(planted);
    expect((await httpRequest(`${server.url}/admin`, { headers: { Cookie: second } })).status).toBe(200);
    expect((await postForm(server.url, "/logout", {}, { Cookie: second })).status).toBe(302);
    const after = await httpRequest(`${server.url}/admin`, { headers: { Cookie: second } });
    expect(after.status).toBe(302);
    expect(after.location).toMatch(/^\/login/);
  });

  it("does not send HSTS outside production", async () => {
    const reply = await fetch(`${server.url}/login`);
    expect(reply.headers.get("strict-transport-security")).toBeNull();
  });
});

describe("checks that held, in production", () => {
  let server: AppServer;
  beforeAll(async () => {
    server = await startAppServer({ config: { nodeEnv: "production", isProduction: true } });
    await seedPeople(server.store);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await stopVite();
  });

  it("sends HSTS and a __Host- cookie that is Secure", async () => {
    const page = await fetch(`${server.url}/login`);
    expect(page.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    const reply = await postForm(server.url, "/login", { email: "admin-a@example.test", password: PASSWORD });
    const cookie = reply.setCookie.find((c) => c.startsWith("__Host-webside="));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; Path=\//i);
    expect(cookie).not.toMatch(/; Domain=/i);
  });
});
