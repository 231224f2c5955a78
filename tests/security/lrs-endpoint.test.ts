// Finding 4: the LRS endpoint cannot be pointed at the server's own network. Saving refuses loopback, private,
// link-local and metadata addresses (after DNS resolution) unless LRS_ALLOW_PRIVATE=true; production takes https
// only; the pusher checks the address again when it connects, follows no redirect, and never keeps the remote body.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLrsEndpoint } from "~/services/lrs-endpoint.server";
import { createXapiPusher } from "~/services/xapi-pusher.server";
import { httpRequest } from "../../scripts/bench/support/http-client";
import { login, postForm, seedPeople, type People } from "./support/people";
import { startAppServer, stopVite, type AppServer } from "./support/app-server";

const open = { production: false, allowPrivate: false };

describe("which LRS endpoints may be saved", () => {
  it.each([
    ["http://127.0.0.1:8080/xapi/", /loopback|this server|internal/i],
    ["http://localhost/xapi/", /loopback|this server|internal/i],
    ["http://169.254.169.254/latest/meta-data/", /internal|link-local|metadata/i],
    ["http://10.1.2.3/xapi/", /internal|private/i],
    ["http://192.168.0.10/xapi/", /internal|private/i],
    ["http://[::1]/xapi/", /loopback|internal/i],
    ["http://[::ffff:127.0.0.1]/xapi/", /loopback|internal/i],
    ["http://0.0.0.0/xapi/", /internal/i],
    ["ftp://lrs.example.org/", /https/],
    ["https://user:pass@lrs.example.org/", /username|password/i],
  ])("refuses %s", async (endpoint, message) => {
    const problem = await checkLrsEndpoint(endpoint, open);
    expect(problem).toMatch(message);
  });

  it("takes only https in production", async () => {
    expect(await checkLrsEndpoint("http://93.184.215.14/xapi/", { production: true, allowPrivate: false })).toMatch(
      /https/,
    );
    expect(await checkLrsEndpoint("https://93.184.215.14/xapi/", { production: true, allowPrivate: false })).toBeNull();
  });

  it("allows internal addresses only when LRS_ALLOW_PRIVATE is set", async () => {
    expect(await checkLrsEndpoint("http://127.0.0.1:8080/xapi/", { production: false, allowPrivate: true })).toBeNull();
    expect(await checkLrsEndpoint("http://10.1.2.3/xapi/", { production: true, allowPrivate: true })).toMatch(/https/);
  });
});

describe("the LRS settings page over HTTP", () => {
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

  it("refuses to save the cloud metadata address and keeps nothing", async () => {
    const reply = await postForm(
      server.url,
      "/admin/lrs",
      { intent: "save", endpoint: "http://169.254.169.254/latest/meta-data/", username: "k", password: "p" },
      { Cookie: admin },
    );
    expect(reply.status).toBe(400);
    expect(reply.body).toMatch(/internal address/);
    expect((await server.store.getOrgSettings(people.orgA))?.lrs ?? null).toBeNull();
  });

  it("refuses a name that resolves to loopback", async () => {
    const reply = await postForm(
      server.url,
      "/admin/lrs",
      { intent: "save", endpoint: `http://localhost:${new URL(server.url).port}/`, username: "k", password: "p" },
      { Cookie: admin },
    );
    expect(reply.status).toBe(400);
    expect((await server.store.getOrgSettings(people.orgA))?.lrs ?? null).toBeNull();
  });

  it("shows a failure as status and a fixed message, never the remote body", async () => {
    await server.store.setLrsSettings(
      people.orgA,
      { endpoint: "https://lrs.invalid/xapi/", username: "k", password: "p" },
      new Date().toISOString(),
    );
    const [item] = await server.store.enqueueXapi(people.orgA, [{ id: "s1" }], new Date().toISOString());
    await server.store.markXapiFailed(
      item!.id,
      "The LRS answered 500 (Internal Server Error).",
      new Date().toISOString(),
    );
    const page = await httpRequest(`${server.url}/admin/lrs`, { headers: { Cookie: admin } });
    expect(page.status).toBe(200);
    expect(page.body).toContain("The LRS answered 500");
  });
});

describe("the pusher's connections", () => {
  let lrs: Server;
  let elsewhere: Server;
  let hits: string[];
  let lrsUrl: string;
  let elsewhereUrl: string;
  let answer: { status: number; headers?: Record<string, string>; body?: string };

  beforeAll(async () => {
    hits = [];
    elsewhere = createServer((req, res) => {
      hits.push(`elsewhere ${req.url}`);
      res.end("internal secrets");
    });
    lrs = createServer((req, res) => {
      hits.push(`lrs ${req.url}`);
      req.resume();
      req.on("end", () => {
        res.writeHead(answer.status, answer.headers ?? {});
        res.end(answer.body ?? "");
      });
    });
    for (const s of [lrs, elsewhere]) await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
    lrsUrl = `http://127.0.0.1:${(lrs.address() as AddressInfo).port}/xapi/`;
    elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/admin`;
  });
  afterAll(async () => {
    for (const s of [lrs, elsewhere]) await new Promise((resolve) => s.close(resolve));
  });

  async function pushOnce(allowPrivate: boolean) {
    const { createLowdbStore } = await import("~/storage/lowdb.server");
    const { mkdtemp, rm } = await import("node:fs/promises");
    const os = await import("node:os");
    const path = await import("node:path");
    const dir = await mkdtemp(path.join(os.tmpdir(), "webside-ssrf-"));
    const store = await createLowdbStore({ file: path.join(dir, "webside.json") });
    try {
      const org = await store.createOrganisation({ name: "Trust" });
      // Saved before the rules existed, or written straight into the store: the pusher must still refuse.
      await store.setLrsSettings(org.id, { endpoint: lrsUrl, username: "k", password: "p" }, new Date().toISOString());
      await store.enqueueXapi(org.id, [{ id: "s1" }], new Date().toISOString());
      const report = await createXapiPusher({ store, allowPrivate, log: () => {} }).runOnce();
      return { report, lastError: (await store.listXapiQueue(org.id, {}))[0]!.lastError };
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  }

  it("does not connect to a loopback LRS unless internal addresses are allowed", async () => {
    hits = [];
    answer = { status: 200 };
    const { report, lastError } = await pushOnce(false);
    expect(report).toEqual({ sent: 0, failed: 1 });
    expect(hits).toEqual([]);
    expect(lastError).toMatch(/internal address/);
  });

  it("follows no redirect", async () => {
    hits = [];
    answer = { status: 307, headers: { Location: elsewhereUrl } };
    const { report, lastError } = await pushOnce(true);
    expect(report).toEqual({ sent: 0, failed: 1 });
    expect(hits).toEqual(["lrs /xapi/statements"]);
    expect(lastError).toMatch(/307/);
  });

  it("keeps the status, never the remote body", async () => {
    answer = { status: 500, body: "stack trace with internal-hostname.local" };
    const { lastError } = await pushOnce(true);
    expect(lastError).toMatch(/500/);
    expect(lastError).not.toMatch(/internal-hostname/);
  });
});
