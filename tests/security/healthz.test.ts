// Finding 10: /healthz answers without login, so it says only whether the store works and which kind it is: no
// data-file path, no user or attempt counts, no write times.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpRequest } from "../../scripts/bench/support/http-client";
import { seedPeople } from "./support/people";
import { startAppServer, stopVite, type AppServer } from "./support/app-server";

describe("/healthz", () => {
  let server: AppServer;
  beforeAll(async () => {
    server = await startAppServer();
    await seedPeople(server.store);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await stopVite();
  });

  it("answers status and store kind only", async () => {
    const reply = await httpRequest(`${server.url}/healthz`);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ status: "ok", store: { ok: true, kind: "lowdb" } });
    expect(reply.body).not.toContain(server.config.dataFile);
    expect(reply.body).not.toMatch(/users|attempts|last write/);
  });
});
