// Invitations by email (issue 15, item 13): with SMTP_URL set, adding a person and making a new set-password link
// send an email through a real SMTP server (a local one started here); the message reaches the right person with a
// link that works. When the mail server cannot be reached the admin is told so and gets the link to copy: never a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpRequest } from "../../scripts/bench/support/http-client";
import { startSmtpSink, type SmtpSink } from "../e2e/support/smtp-sink";
import { login, postForm, seedPeople, type People } from "../security/support/people";
import { startAppServer, stopVite, type AppServer } from "../security/support/app-server";

/** The page as read: React puts a comment between neighbouring pieces of text. */
const read = (body: string) => body.replace(/<!-- -->/g, "");
const LINK = /http:\/\/127\.0\.0\.1:\d+\/invite\/[A-Za-z0-9_-]{43}/;

describe("invitation emails through SMTP", () => {
  let sink: SmtpSink;
  let server: AppServer;
  let people: People;
  let admin: string;
  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startAppServer({ config: { smtpUrl: sink.url, smtpFrom: "Webside <webside@trust-a.example>" } });
    people = await seedPeople(server.store);
    admin = await login(server.url, "admin-a@example.test");
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await sink?.close();
    await stopVite();
  });

  const add = (email: string, name: string) =>
    postForm(server.url, "/admin/staff", { intent: "add", name, email, roles: "clinician" }, { Cookie: admin });

  it("emails a new person a set-password link that works", async () => {
    const reply = await add("new.person@trust-a.example", "New Person");
    expect(reply.status).toBe(200);
    expect(read(reply.body)).toContain("Invitation emailed to New Person");
    const message = await sink.waitFor("new.person@trust-a.example");
    expect(message.to).toEqual(["new.person@trust-a.example"]);
    expect(message.from).toBe("webside@trust-a.example");
    expect(message.subject).toBe("Your Webside account at Trust A");
    expect(message.text).toMatch(/^Hello New Person,/);
    const link = LINK.exec(message.text)?.[0];
    expect(link).toBeDefined();
    const page = await httpRequest(`${server.url}${new URL(link!).pathname}`);
    expect(page.status).toBe(200);
    expect(read(page.body)).toContain("Welcome to Webside, New Person");
    const sent = await server.store.listAudit({ orgId: people.orgA, type: "invitation.email" });
    expect(sent).toHaveLength(1);
  });

  it("emails a new link from the person's page", async () => {
    const user = (await server.store.getUserByEmail("new.person@trust-a.example"))!;
    const reply = await postForm(server.url, `/admin/staff/${user.id}`, { intent: "invite" }, { Cookie: admin });
    expect(reply.status).toBe(200);
    expect(read(reply.body)).toContain("Invitation emailed to New Person");
    await expect.poll(() => sink.messages.filter((m) => m.to.includes(user.email)).length).toBe(2);
    const message = sink.messages.filter((m) => m.to.includes(user.email))[1]!;
    expect(message.subject).toBe("Set your Webside password");
    expect(message.text).toMatch(LINK);
  });

  it("tells the admin plainly when the mail server cannot be reached, and gives the link to copy", async () => {
    await sink.close();
    const reply = await add("second.person@trust-a.example", "Second Person");
    expect(reply.status).toBe(200);
    expect(read(reply.body)).toContain("Second Person was added, but the email was not sent");
    expect(read(reply.body)).toContain("Webside could not connect to the mail server (check SMTP_URL)");
    expect(reply.body).toMatch(/\/invite\/[A-Za-z0-9_-]{43}/);
    const failed = await server.store.listAudit({ orgId: people.orgA, type: "invitation.email-failed" });
    expect(failed).toHaveLength(1);
  }, 30_000);
});
