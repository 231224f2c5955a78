// The people the security suite signs in as: two organisations, an admin and a clinician in each, and one person who
// belongs to both (the case cross-organisation findings are about). Fast scrypt parameters keep the suite quick;
// verification reads the parameters from the stored hash, so the login path is the real one.
import type { Role, Store } from "~/storage/types";
import { hashPassword } from "~/utils/password.server";
import { httpRequest, type HttpReply } from "../../../scripts/bench/support/http-client";

export const PASSWORD = "correct horse battery staple";
const FAST_HASH = { log2N: 10, r: 8, p: 1 };

export interface People {
  orgA: string;
  orgB: string;
  adminA: string;
  adminB: string;
  clinicianA: string;
  /** A member of both organisations (clinician in A, clinician in B). */
  shared: string;
}

export async function seedPeople(store: Store): Promise<People> {
  const orgA = (await store.createOrganisation({ name: "Trust A" })).id;
  const orgB = (await store.createOrganisation({ name: "Trust B" })).id;
  const passwordHash = await hashPassword(PASSWORD, FAST_HASH);
  async function person(email: string, memberships: Array<[string, Role[]]>): Promise<string> {
    const user = await store.createUser({ email, name: email.split("@")[0]!, passwordHash });
    for (const [orgId, roles] of memberships) await store.setMembership({ userId: user.id, orgId, roles, teamIds: [] });
    return user.id;
  }
  return {
    orgA,
    orgB,
    adminA: await person("admin-a@example.test", [[orgA, ["admin"]]]),
    adminB: await person("admin-b@example.test", [[orgB, ["admin"]]]),
    clinicianA: await person("clinician-a@example.test", [[orgA, ["clinician"]]]),
    shared: await person("shared@example.test", [
      [orgA, ["clinician", "admin"]],
      [orgB, ["clinician"]],
    ]),
  };
}

/** A form POST as a browser sends it from the app's own pages. */
export function postForm(
  base: string,
  path: string,
  fields: Record<string, string> | URLSearchParams,
  headers: Record<string, string> = {},
): Promise<HttpReply> {
  return httpRequest(base + path, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Logs in and returns the session cookie (name=value). */
export async function login(
  base: string,
  email: string,
  password = PASSWORD,
  headers: Record<string, string> = {},
): Promise<string> {
  const reply = await postForm(base, "/login", { email, password }, headers);
  const cookie = reply.setCookie.find((c) => c.startsWith("webside_session=") || c.startsWith("__Host-webside="));
  if (reply.status !== 302 || !cookie)
    throw new Error(`login as ${email} answered ${reply.status}: ${reply.body.slice(0, 200)}`);
  return cookie.split(";")[0]!;
}
