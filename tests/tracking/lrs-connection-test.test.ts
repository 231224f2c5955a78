// Saving an LRS tests it: one statement fetch with the credentials, reported as a sentence built from the status
// alone (never the remote body), against a local LRS stub (loopback is allowed here, as LRS_ALLOW_PRIVATE does).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testLrsConnection } from "~/services/lrs-endpoint.server";

const allowed = { production: false, allowPrivate: true };
let lrs: Server;
let endpoint: string;
let seen: Array<{ method?: string; url?: string; auth?: string; version?: string }>;

beforeAll(async () => {
  seen = [];
  lrs = createServer((req, res) => {
    seen.push({
      method: req.method,
      url: req.url,
      auth: req.headers.authorization,
      version: req.headers["x-experience-api-version"] as string | undefined,
    });
    const good = `Basic ${Buffer.from("key:secret").toString("base64")}`;
    if (req.url?.startsWith("/broken/")) {
      res.writeHead(500).end("stack trace from internal-host.local");
    } else if (req.headers.authorization !== good) {
      res.writeHead(401).end("bad credentials for tenant 42");
    } else {
      res.writeHead(200, { "Content-Type": "application/json" }).end('{"statements":[],"more":""}');
    }
  });
  await new Promise<void>((resolve) => lrs.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(lrs.address() as AddressInfo).port}/xapi/`;
});
afterAll(async () => {
  await new Promise((resolve) => lrs.close(resolve));
});

describe("testing an LRS connection", () => {
  it("fetches one statement with the credentials and says it worked", async () => {
    seen = [];
    const result = await testLrsConnection({ endpoint, username: "key", password: "secret" }, allowed);
    expect(result).toEqual({ ok: true, message: "The LRS accepted the key and secret (it answered 200)." });
    expect(seen).toEqual([
      {
        method: "GET",
        url: "/xapi/statements?limit=1",
        auth: `Basic ${Buffer.from("key:secret").toString("base64")}`,
        version: "1.0.3",
      },
    ]);
  });

  it("says plainly that wrong credentials were refused, without the LRS's own words", async () => {
    const result = await testLrsConnection({ endpoint, username: "key", password: "wrong" }, allowed);
    expect(result.ok).toBe(false);
    expect(result.message).toBe("The LRS answered 401 (Unauthorized). Check the key and secret.");
  });

  it("reports a server error by status only", async () => {
    const result = await testLrsConnection(
      { endpoint: endpoint.replace("/xapi/", "/broken/"), username: "key", password: "secret" },
      allowed,
    );
    expect(result).toEqual({ ok: false, message: "The LRS answered 500 (Internal Server Error)." });
  });

  it("says when nothing answers at that address", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await testLrsConnection(
      { endpoint: `http://127.0.0.1:${port}/xapi/`, username: "key", password: "secret" },
      allowed,
    );
    expect(result).toEqual({
      ok: false,
      message:
        "Webside could not reach the LRS: the connection was refused (nothing is listening at that address and port).",
    });
  });

  it("never connects to an internal address when they are not allowed", async () => {
    seen = [];
    const result = await testLrsConnection(
      { endpoint, username: "key", password: "secret" },
      { production: false, allowPrivate: false },
    );
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^Webside could not reach the LRS: The LRS endpoint points at an internal address/);
    expect(seen).toEqual([]);
  });
});
