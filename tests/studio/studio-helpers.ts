// A lowdb-backed AppLoadContext and an organisation with an educator, for testing studio and catalogue helpers directly.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AppLoadContext } from "@remix-run/node";
import type { Scenario } from "~/core/scenario";
import { createLowdbStore } from "~/storage/lowdb.server";

export const FIXTURE_DIR = path.resolve("tests/access/fixtures/scenarios");

export function fixtureScenario(): Scenario {
  return JSON.parse(readFileSync(path.join(FIXTURE_DIR, "valid-consultation.json"), "utf8")) as Scenario;
}

export async function studioContext() {
  const dir = mkdtempSync(path.join(tmpdir(), "webside-studio-"));
  const store = await createLowdbStore({ file: path.join(dir, "webside.json"), backups: 0 });
  const context = {
    store,
    config: {} as AppLoadContext["config"],
    nonce: "test",
    clientIp: "127.0.0.1",
    now: () => new Date(),
  } as AppLoadContext;
  const org = await store.createOrganisation({ name: "Northgate" });
  const educator = await store.createUser({
    email: "educator@northgate.test",
    name: "Alex Educator",
    passwordHash: null,
  });
  await store.setMembership({ userId: educator.id, orgId: org.id, roles: ["educator"], teamIds: [] });
  return {
    context,
    store,
    org,
    educator,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
