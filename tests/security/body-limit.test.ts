// Finding 6: every form and JSON route reads at most a fixed number of bytes (64 KB unless an upload needs more) and
// answers 413 with a message a person can act on, whether the body declares its length or arrives in chunks.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyLimitFor, FORM_BODY_LIMIT } from "~/http/body-limit.server";
import { DRAFT_FORM_LIMIT, UPLOAD_FORM_LIMIT } from "~/services/studio.server";
import { login, PASSWORD, postForm, seedPeople } from "./support/people";
import { startAppServer, stopVite, type AppServer } from "./support/app-server";

interface Reply {
  status: number;
  body: string;
}

/** Sends `bytes` of form body, either with Content-Length or chunk by chunk (no length), and reads the answer. */
function sendBody(url: string, bytes: number, mode: "length" | "chunked", cookie?: string): Promise<Reply> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: target.origin,
      ...(cookie ? { Cookie: cookie } : {}),
      ...(mode === "length" ? { "Content-Length": String(bytes) } : {}),
    };
    const req = http.request(url, { method: "POST", headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error("timed out")));
    // A server that answers early may close while we still write; the answer is what counts.
    req.on("error", (error) => reject(error));
    const chunk = Buffer.alloc(16 * 1024, "a");
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        const size = Math.min(chunk.length, bytes - sent);
        sent += size;
        if (!req.write(size === chunk.length ? chunk : chunk.subarray(0, size))) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

describe("which routes may receive how much", () => {
  it("gives forms and JSON 64 KB and only the upload routes more", () => {
    expect(FORM_BODY_LIMIT).toBe(64 * 1024);
    expect(bodyLimitFor("/login")).toBe(FORM_BODY_LIMIT);
    expect(bodyLimitFor("/login.data")).toBe(FORM_BODY_LIMIT);
    expect(bodyLimitFor("/api/attempts/abc/choose")).toBe(FORM_BODY_LIMIT);
    expect(bodyLimitFor("/studio")).toBe(UPLOAD_FORM_LIMIT);
    expect(bodyLimitFor("/studio.data")).toBe(UPLOAD_FORM_LIMIT);
    expect(bodyLimitFor("/studio/my-scenario")).toBe(DRAFT_FORM_LIMIT);
    expect(bodyLimitFor("/studio/my-scenario.data")).toBe(DRAFT_FORM_LIMIT);
    expect(bodyLimitFor("/studio/my-scenario/analytics")).toBe(FORM_BODY_LIMIT);
    expect(bodyLimitFor("/admin/staff/import")).toBeGreaterThan(2 * 1024 * 1024);
  });
});

describe("body limits over HTTP", () => {
  let server: AppServer;
  let educator: string;
  beforeAll(async () => {
    server = await startAppServer();
    const people = await seedPeople(server.store);
    await server.store.setMembership({
      userId: people.adminA,
      orgId: people.orgA,
      roles: ["admin", "educator"],
      teamIds: [],
    });
    educator = await login(server.url, "admin-a@example.test");
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await stopVite();
  });

  it("refuses a 1 MB login form with Content-Length with 413 and a clear message", async () => {
    const reply = await sendBody(`${server.url}/login`, 1024 * 1024, "length");
    expect(reply.status).toBe(413);
    expect(reply.body).toMatch(/larger than 64 KB/);
  });

  it("refuses a chunked login form over the limit with 413, not a reset connection", async () => {
    const reply = await sendBody(`${server.url}/login`, 1024 * 1024, "chunked");
    expect(reply.status).toBe(413);
    expect(reply.body).toMatch(/larger than 64 KB/);
  });

  it("refuses a chunked 20 MB body without reading it into memory", async () => {
    const before = process.memoryUsage().rss;
    const replies = await Promise.all(
      [1, 2, 3, 4].map(() => sendBody(`${server.url}/login`, 20 * 1024 * 1024, "chunked")),
    );
    expect(replies.map((r) => r.status)).toEqual([413, 413, 413, 413]);
    // Four 20 MB bodies held in full would add 80 MB and more; the limit keeps the growth small.
    expect(process.memoryUsage().rss - before).toBeLessThan(60 * 1024 * 1024);
  });

  it("still accepts an ordinary login under the limit", async () => {
    const reply = await postForm(server.url, "/login", { email: "clinician-a@example.test", password: PASSWORD });
    expect(reply.status).toBe(302);
  });

  it("lets the studio draft route take more than 64 KB, up to its own limit", async () => {
    const over = await sendBody(`${server.url}/studio/no-such-scenario`, DRAFT_FORM_LIMIT + 1024, "chunked", educator);
    expect(over.status).toBe(413);
    const under = await sendBody(`${server.url}/studio/no-such-scenario`, 200 * 1024, "length", educator);
    expect(under.status).not.toBe(413);
  });
});
