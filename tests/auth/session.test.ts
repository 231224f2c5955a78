// Server-side sessions: idle and absolute expiry, revocation, and cookies that survive a secret rotation.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AppLoadContext } from "@remix-run/node";
import { afterEach, describe, expect, it } from "vitest";
import { createLowdbStore } from "~/storage/lowdb.server";
import type { Store } from "~/storage/types";
import { loadConfig } from "~/utils/env.server";
import { endSession, readSession, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, startSession } from "~/utils/session.server";

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function setup(secret = "a".repeat(40)) {
  const store = await createLowdbStore({
    file: path.join(mkdtempSync(path.join(tmpdir(), "webside-session-")), "d.json"),
    backups: 0,
  });
  stores.push(store);
  let now = new Date("2026-11-22T09:00:00Z");
  const makeContext = (secrets: string[]): AppLoadContext => ({
    store,
    config: { ...loadConfig({ SESSION_SECRET: secrets.join(","), NODE_ENV: "test" }) },
    nonce: "",
    clientIp: "127.0.0.1",
    now: () => now,
  });
  const context = makeContext([secret]);
  const org = await store.createOrganisation({ name: "Org" });
  const user = await store.createUser({ email: "a@example.org", name: "A", passwordHash: null });
  const cookie = (await startSession(context, user.id, org.id)).split(";")[0]!;
  const request = () => new Request("http://localhost/", { headers: { Cookie: cookie } });
  return { store, context, makeContext, request, user, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe("sessions", () => {
  it("stores only a hash of the token", async () => {
    const { store, request, context } = await setup();
    const session = await readSession(request(), context);
    expect(session).not.toBeNull();
    const token = decodeURIComponent(request().headers.get("Cookie")!.split("=")[1]!);
    expect(JSON.stringify(await store.getSession(session!.id))).not.toContain(token.split(".")[0]);
  });

  it("ends after the idle timeout, but activity keeps it alive", async () => {
    const { request, context, advance } = await setup();
    advance(SESSION_IDLE_MS - 60_000);
    expect(await readSession(request(), context)).not.toBeNull();
    advance(SESSION_IDLE_MS - 60_000);
    expect(await readSession(request(), context)).not.toBeNull();
    advance(SESSION_IDLE_MS + 1);
    expect(await readSession(request(), context)).toBeNull();
  });

  it("ends at the absolute timeout however active it is", async () => {
    const { request, context, advance } = await setup();
    for (let t = 0; t < SESSION_ABSOLUTE_MS; t += 30 * 60_000) {
      advance(30 * 60_000);
      await readSession(request(), context);
    }
    expect(await readSession(request(), context)).toBeNull();
  });

  it("is revoked on logout and by a password change elsewhere", async () => {
    const first = await setup();
    await endSession(first.request(), first.context);
    expect(await readSession(first.request(), first.context)).toBeNull();
    const second = await setup();
    expect(await second.store.deleteSessionsForUser(second.user.id)).toBe(1);
    expect(await readSession(second.request(), second.context)).toBeNull();
  });

  it("accepts cookies signed with the previous secret after a rotation, and refuses unknown secrets", async () => {
    const { request, makeContext } = await setup("old-secret-".padEnd(40, "x"));
    expect(
      await readSession(request(), makeContext(["new-secret-".padEnd(40, "y"), "old-secret-".padEnd(40, "x")])),
    ).not.toBeNull();
    expect(await readSession(request(), makeContext(["new-secret-".padEnd(40, "y")]))).toBeNull();
  });
});
