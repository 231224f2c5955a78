// Finding 3: after a correct password the login must send people only to a path on this site. A tab or newline after
// the slash used to produce a Location the browser resolved to another host, and CR/LF gave a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { safeRedirect } from "~/utils/auth.server";
import { PASSWORD, postForm, seedPeople } from "./support/people";
import { startAppServer, stopVite, type AppServer } from "./support/app-server";

describe("safeRedirect", () => {
  it.each([
    "/\t/127.0.0.1:3299/x",
    "/\n/evil.example/x",
    "/\r\n/evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "/a\\b",
    "https://evil.example/",
    "/x\u0000",
    "/x\u007f",
    " /x",
    "",
  ])("sends %j to the home page", (to) => {
    expect(safeRedirect(to)).toBe("/");
  });

  it.each(["/", "/history", "/attempts/abc/debrief?x=1#top", "/studio/a%20b"])("keeps the site path %j", (to) => {
    expect(safeRedirect(to)).toBe(to);
  });
});

describe("login redirect over HTTP", () => {
  let server: AppServer;
  beforeAll(async () => {
    server = await startAppServer();
    await seedPeople(server.store);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await stopVite();
  });

  const loginWith = (redirectTo: string) =>
    postForm(server.url, "/login", { email: "clinician-a@example.test", password: PASSWORD, redirectTo });

  it("a tab after the slash lands on the home page, not another host", async () => {
    const reply = await loginWith("/\t/127.0.0.1:3299/x");
    expect(reply.status).toBe(302);
    expect(reply.location).toBe("/");
  });

  it("CR/LF in redirectTo signs in and goes home instead of answering 500", async () => {
    const reply = await loginWith("/x\r\nSet-Cookie: stolen=1");
    expect(reply.status).toBe(302);
    expect(reply.location).toBe("/");
    expect(reply.setCookie.some((c) => c.startsWith("stolen="))).toBe(false);
  });

  it("an ordinary path on the site is kept", async () => {
    const reply = await loginWith("/history?page=2");
    expect(reply.location).toBe("/history?page=2");
  });
});
