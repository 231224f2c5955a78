// Finding 9: adding a person whose email belongs to another organisation must not say so, or an admin could probe
// other trusts' staff lists: the refusal reads the same whoever holds the address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login, postForm, seedPeople } from "./support/people";
import { startAppServer, stopVite, type AppServer } from "./support/app-server";

describe("adding staff over HTTP", () => {
  let server: AppServer;
  let adminA: string;
  beforeAll(async () => {
    server = await startAppServer();
    await seedPeople(server.store);
    adminA = await login(server.url, "admin-a@example.test");
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await stopVite();
  });

  const add = (email: string) =>
    postForm(
      server.url,
      "/admin/staff",
      { intent: "add", email, name: "Someone", roles: "clinician" },
      { Cookie: adminA },
    );

  it("refuses an address from another organisation without naming where it is", async () => {
    const reply = await add("admin-b@example.test");
    expect(reply.status).toBe(400);
    expect(reply.body).not.toMatch(/another organisation|already has a Webside account/);
    expect(reply.body).toContain("This email address cannot be added here.");
  });

  it("refuses an address in the admin's own organisation with the same words", async () => {
    const reply = await add("clinician-a@example.test");
    expect(reply.status).toBe(400);
    expect(reply.body).toContain("This email address cannot be added here.");
  });
});
