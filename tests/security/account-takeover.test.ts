// Finding 1: an admin could re-invite anyone in their organisation, including a person who also belongs to another
// organisation, and the link set a new password, signed the real person out and let the new session switch to the
// other organisation. Now a set-password link is issued only for a person who has never set a password and whose
// memberships are all in the admin's organisation, every refusal is audit-logged, and a link that no longer fits
// (the person set a password or joined another organisation since) cannot be used.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvitationLink } from "~/services/invitations.server";
import { httpRequest } from "../../scripts/bench/support/http-client";
import { login, PASSWORD, postForm, seedPeople, type People } from "./support/people";
import { startAppServer, stopVite, type AppServer } from "./support/app-server";

describe("set-password links over HTTP", () => {
  let server: AppServer;
  let people: People;
  let adminA: string;
  let adminB: string;
  beforeAll(async () => {
    server = await startAppServer();
    people = await seedPeople(server.store);
    adminA = await login(server.url, "admin-a@example.test");
    adminB = await login(server.url, "admin-b@example.test");
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await stopVite();
  });

  const invite = (cookie: string, userId: string) =>
    postForm(server.url, `/admin/staff/${userId}`, { intent: "invite" }, { Cookie: cookie });

  it("B's admin cannot issue a link for a person who also belongs to A", async () => {
    const reply = await invite(adminB, people.shared);
    expect(reply.status).toBe(400);
    expect(reply.body).not.toMatch(/\/invite\/[A-Za-z0-9_-]{20,}/);
    expect(reply.body).toMatch(/another organisation/);
    // The shared person's password still works.
    expect((await postForm(server.url, "/login", { email: "shared@example.test", password: PASSWORD })).status).toBe(
      302,
    );
    const refused = await server.store.listAudit({ orgId: people.orgB, type: "invitation.refused" });
    expect(refused[0]?.detail).toMatchObject({ userId: people.shared });
  });

  it("an admin cannot take over an active account in their own organisation with a new link", async () => {
    const reply = await invite(adminA, people.clinicianA);
    expect(reply.status).toBe(400);
    expect(reply.body).not.toMatch(/\/invite\/[A-Za-z0-9_-]{20,}/);
    expect(reply.body).toMatch(/already set a password/);
  });

  it("a person who has not set a password yet, only in this organisation, still gets a link that works", async () => {
    const user = await server.store.createUser({ email: "new@example.test", name: "New Person", passwordHash: null });
    await server.store.setMembership({ userId: user.id, orgId: people.orgA, roles: ["clinician"], teamIds: [] });
    const reply = await invite(adminA, user.id);
    expect(reply.status).toBe(200);
    const token = /\/invite\/([A-Za-z0-9_-]{20,})/.exec(reply.body)?.[1];
    expect(token).toBeTruthy();
    const accepted = await postForm(server.url, `/invite/${token}`, {
      password: "a fresh password for me",
      confirm: "a fresh password for me",
    });
    expect(accepted.status).toBe(302);
  });

  it("a link issued before the person set a password or joined another organisation cannot be used", async () => {
    const user = await server.store.createUser({ email: "later@example.test", name: "Later", passwordHash: null });
    await server.store.setMembership({ userId: user.id, orgId: people.orgB, roles: ["clinician"], teamIds: [] });
    const viewer = {
      user: (await server.store.getUser(people.adminB))!,
      org: (await server.store.getOrganisation(people.orgB))!,
    } as Parameters<typeof createInvitationLink>[1];
    const context = { store: server.store, config: server.config, now: () => new Date() } as Parameters<
      typeof createInvitationLink
    >[0];
    const issued = await createInvitationLink(context, viewer, user.id, server.url);
    expect(typeof issued).toBe("string");
    const token = String(issued).split("/invite/")[1]!;
    // Since the link was issued, the person joined organisation A too.
    await server.store.setMembership({ userId: user.id, orgId: people.orgA, roles: ["admin"], teamIds: [] });
    const page = await httpRequest(`${server.url}/invite/${token}`);
    expect(page.status).toBe(410);
    const used = await postForm(server.url, `/invite/${token}`, {
      password: "takeover attempt 123",
      confirm: "takeover attempt 123",
    });
    expect(used.status).toBe(410);
    expect((await server.store.getUser(user.id))?.passwordHash).toBeNull();
  });
});
