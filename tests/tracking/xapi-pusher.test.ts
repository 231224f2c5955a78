// The LRS pusher against a fake LRS on 127.0.0.1: success, retries with growing back-off, auth and version headers.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backoffDelay, createXapiPusher } from "~/services/xapi-pusher.server";
import { createLowdbStore } from "~/storage/lowdb.server";
import type { Store } from "~/storage/types";

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: unknown;
}

let server: Server;
let endpoint: string;
let received: Received[];
let answers: number[];
let store: Store;
let dir: string;
let clock: Date;

beforeEach(async () => {
  received = [];
  answers = [];
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body: JSON.parse(body) });
      const status = answers.shift() ?? 200;
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(status === 200 ? JSON.stringify(["id"]) : "LRS is having a bad day");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/xapi/`;
  dir = await mkdtemp(path.join(os.tmpdir(), "webside-pusher-"));
  clock = new Date("2030-01-01T09:00:00.000Z");
  store = await createLowdbStore({ file: path.join(dir, "webside.json"), now: () => clock });
});

afterEach(async () => {
  await store.close();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

async function orgWithLrs() {
  const org = await store.createOrganisation({ name: "Northgate Trust" });
  await store.setLrsSettings(org.id, { endpoint, username: "webside-key", password: "s3cret" }, clock.toISOString());
  return org;
}

// The fake LRS is on loopback, which only LRS_ALLOW_PRIVATE=true permits.
const pusher = () =>
  createXapiPusher({ store, allowPrivate: true, now: () => clock, baseDelayMs: 1000, maxDelayMs: 8000, log: () => {} });

describe("the xAPI pusher", () => {
  it("POSTs each due statement with basic auth and the xAPI version header, then marks it sent", async () => {
    const org = await orgWithLrs();
    await store.enqueueXapi(
      org.id,
      [
        { id: "s1", verb: { id: "v" } },
        { id: "s2", verb: { id: "v" } },
      ],
      clock.toISOString(),
    );
    expect(await pusher().runOnce()).toEqual({ sent: 2, failed: 0 });
    expect(received.map((r) => [r.method, r.url])).toEqual([
      ["POST", "/xapi/statements"],
      ["POST", "/xapi/statements"],
    ]);
    expect(received[0]!.headers["x-experience-api-version"]).toBe("1.0.3");
    expect(received[0]!.headers.authorization).toBe(`Basic ${Buffer.from("webside-key:s3cret").toString("base64")}`);
    expect(received.map((r) => (r.body as { id: string }).id)).toEqual(["s1", "s2"]);
    expect(await store.listXapiQueue(org.id, { pending: true })).toEqual([]);
    expect(await store.listDueXapi(clock.toISOString(), 10)).toEqual([]);
  });

  it("retries a failure later, backing off exponentially, and succeeds when the LRS recovers", async () => {
    const org = await orgWithLrs();
    await store.enqueueXapi(org.id, [{ id: "s1" }], clock.toISOString());
    answers = [503, 500, 200];
    const p = pusher();

    expect(await p.runOnce()).toEqual({ sent: 0, failed: 1 });
    let [item] = await store.listXapiQueue(org.id, { pending: true });
    expect(item).toMatchObject({ tries: 1, nextTryAt: "2030-01-01T09:00:01.000Z" });
    // The status and our own words only: the LRS's body is never kept.
    expect(item!.lastError).toMatch(/answered 503/);
    expect(item!.lastError).not.toMatch(/bad day/);

    // Not due yet: nothing is sent.
    expect(await p.runOnce()).toEqual({ sent: 0, failed: 0 });
    expect(received).toHaveLength(1);

    clock = new Date("2030-01-01T09:00:01.000Z");
    expect(await p.runOnce()).toEqual({ sent: 0, failed: 1 });
    [item] = await store.listXapiQueue(org.id, { pending: true });
    expect(item).toMatchObject({ tries: 2, nextTryAt: "2030-01-01T09:00:03.000Z" });

    clock = new Date("2030-01-01T09:00:03.000Z");
    expect(await p.runOnce()).toEqual({ sent: 1, failed: 0 });
    expect(received).toHaveLength(3);
    expect(await store.listXapiQueue(org.id, { pending: true })).toEqual([]);
  });

  it("records an unreachable LRS and a missing LRS as failures the admin can read", async () => {
    const org = await orgWithLrs();
    const other = await store.createOrganisation({ name: "No LRS Trust" });
    await store.setLrsSettings(
      org.id,
      { endpoint: "http://127.0.0.1:9/xapi", username: "k", password: "p" },
      clock.toISOString(),
    );
    await store.enqueueXapi(org.id, [{ id: "s1" }], clock.toISOString());
    await store.enqueueXapi(other.id, [{ id: "s2" }], clock.toISOString());
    expect(await pusher().runOnce()).toEqual({ sent: 0, failed: 2 });
    expect((await store.listXapiQueue(org.id, {}))[0]!.lastError).toMatch(
      /Could not reach the LRS at http:\/\/127\.0\.0\.1:9\/xapi/,
    );
    expect((await store.listXapiQueue(other.id, {}))[0]!.lastError).toBe(
      "No LRS is set up for this organisation any more.",
    );
  });

  it("treats 409 (the LRS already has this statement id) as sent", async () => {
    const org = await orgWithLrs();
    await store.enqueueXapi(org.id, [{ id: "s1" }], clock.toISOString());
    answers = [409];
    expect(await pusher().runOnce()).toEqual({ sent: 1, failed: 0 });
  });

  it("backs off 1, 2, 4, 8 and then stays at the cap", () => {
    expect([1, 2, 3, 4, 5, 9].map((t) => backoffDelay(t, 1000, 8000))).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
  });
});
