// An in-process harness for calling route loaders and actions as a given person, with a real store on a temp file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AppLoadContext } from "@remix-run/node";
import { createLowdbStore } from "~/storage/lowdb.server";
import type { Role, Store } from "~/storage/types";
import type { AppConfig } from "~/utils/env.server";
import { hashPassword } from "~/utils/password.server";
import { getViewer, type Viewer } from "~/utils/auth.server";
import { startSession } from "~/utils/session.server";

export type Persona = "anonymous" | Role | `other-${Role}`;
export const PERSONAS: Persona[] = [
  "anonymous",
  "clinician",
  "educator",
  "admin",
  "other-clinician",
  "other-educator",
  "other-admin",
];

export interface Harness {
  store: Store;
  context: AppLoadContext;
  orgA: string;
  orgB: string;
  users: Record<Exclude<Persona, "anonymous">, string>;
  cookie(persona: Persona): string | null;
  /** The Viewer a require... helper would build for this persona (for calling server helpers directly). */
  viewer(persona: Exclude<Persona, "anonymous">): Promise<Viewer>;
  /** Fresh sessions for everyone, because a logout case revokes them. */
  refreshSessions(): Promise<void>;
  close(): Promise<void>;
}

const FAST_HASH = { log2N: 10, r: 8, p: 1 };

export async function createHarness(): Promise<Harness> {
  const dir = mkdtempSync(path.join(tmpdir(), "webside-access-"));
  const store = await createLowdbStore({ file: path.join(dir, "webside.json") });
  const config: AppConfig = {
    nodeEnv: "test",
    isProduction: false,
    port: 0,
    host: "127.0.0.1",
    dataFile: path.join(dir, "webside.json"),
    databaseUrl: undefined,
    databasePoolSize: 1,
    sessionSecrets: ["test-secret-that-is-long-enough-000000"],
    backups: 2,
    trustProxy: false,
  };
  const context: AppLoadContext = {
    store,
    config,
    nonce: "test",
    clientIp: "127.0.0.1",
    now: () => new Date(),
  };
  const orgA = (await store.createOrganisation({ name: "Org A" })).id;
  const orgB = (await store.createOrganisation({ name: "Org B" })).id;
  const teamA = (await store.createTeam({ orgId: orgA, name: "Team A" })).id;
  const teamB = (await store.createTeam({ orgId: orgB, name: "Team B" })).id;
  const passwordHash = await hashPassword("password-for-tests", FAST_HASH);
  const users = {} as Harness["users"];
  const orgOf = new Map<Persona, string>();
  const cookies = new Map<Persona, string>();
  for (const persona of PERSONAS) {
    if (persona === "anonymous") continue;
    const other = persona.startsWith("other-");
    const role = persona.replace("other-", "") as Role;
    const orgId = other ? orgB : orgA;
    const user = await store.createUser({ email: `${persona}@example.test`, name: `${persona} person`, passwordHash });
    await store.setMembership({ userId: user.id, orgId, roles: [role], teamIds: [other ? teamB : teamA] });
    users[persona] = user.id;
    orgOf.set(persona, orgId);
  }
  async function refreshSessions() {
    for (const [persona, orgId] of orgOf) {
      const setCookie = await startSession(context, users[persona as Exclude<Persona, "anonymous">], orgId);
      cookies.set(persona, setCookie.split(";")[0]!);
    }
  }
  await refreshSessions();
  return {
    store,
    context,
    orgA,
    orgB,
    users,
    cookie: (persona) => cookies.get(persona) ?? null,
    refreshSessions,
    async viewer(persona) {
      const viewer = await getViewer(
        new Request("http://localhost/", { headers: { Cookie: cookies.get(persona)! } }),
        context,
      );
      if (!viewer) throw new Error(`no session for ${persona}`);
      return viewer;
    },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

type RouteFn = (args: { request: Request; context: AppLoadContext; params: Record<string, string> }) => unknown;

/** Calls a loader or action and reduces whatever it returns or throws to an HTTP status. */
export async function statusOf(
  fn: RouteFn,
  request: Request,
  context: AppLoadContext,
  params: Record<string, string>,
): Promise<number> {
  try {
    const result = await fn({ request, context, params });
    if (result instanceof Response) return result.status;
    if (
      result &&
      typeof result === "object" &&
      "type" in result &&
      (result as { type: string }).type === "DataWithResponseInit"
    ) {
      return (result as { init?: { status?: number } }).init?.status ?? 200;
    }
    return 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    if (
      thrown &&
      typeof thrown === "object" &&
      "type" in thrown &&
      (thrown as { type: string }).type === "DataWithResponseInit"
    ) {
      return (thrown as { init?: { status?: number } }).init?.status ?? 500;
    }
    throw thrown;
  }
}

export function makeRequest(
  harness: Harness,
  persona: Persona,
  method: string,
  url: string,
  form?: Record<string, string>,
): Request {
  const headers = new Headers({ Origin: "http://localhost" });
  const cookie = harness.cookie(persona);
  if (cookie) headers.set("Cookie", cookie);
  const body = form ? new URLSearchParams(form) : method === "GET" ? undefined : new URLSearchParams();
  return new Request(new URL(url, "http://localhost"), { method, headers, body });
}
