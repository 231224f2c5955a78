// Finding 12: /verify/<code> shows what a verifier compares with the certificate in front of them (holder, scenario
// and version, date, result), so a genuine code pasted onto a forged certificate is caught; and nothing more.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpRequest } from "../../scripts/bench/support/http-client";
import { seedPeople, type People } from "./support/people";
import { startAppServer, stopVite, type AppServer } from "./support/app-server";

describe("certificate verification over HTTP", () => {
  let server: AppServer;
  let people: People;
  let code: string;

  beforeAll(async () => {
    server = await startAppServer();
    people = await seedPeople(server.store);
    await server.store.updateUser(people.clinicianA, { name: "Dr Amara Okafor" });
    const attempt = await server.store.createAttempt({
      orgId: people.orgA,
      userId: people.clinicianA,
      scenarioId: "red-flags-chest-pain",
      scenarioVersion: 2,
      mode: "learning",
      status: "completed",
      snapshot: null,
      path: [],
      confidenceBefore: 2,
      confidenceAfter: 4,
      reflection: "I would ask about radiation of the pain sooner.",
      result: { endingId: "end", outcome: "good", scores: { rapport: 87 }, overall: 83, passed: true },
      presence: null,
      assignmentId: null,
    });
    await server.store.updateAttempt(attempt.id, attempt.revision, { completedAt: "2026-03-14T10:20:00.000Z" });
    code = (
      await server.store.createCertificate({
        code: "WS-ABCD-EFGH-JKMN-PQRS",
        attemptId: attempt.id,
        orgId: people.orgA,
        userId: people.clinicianA,
        issuedAt: "2026-03-14T10:25:00.000Z",
      })
    ).code;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await stopVite();
  });

  /** The page's text without markup, as a verifier reads it. */
  const text = (html: string) =>
    html
      .replace(/<script[\s\S]*?<\/script>/g, "")
      .replace(/<!-- -->/g, "")
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ");

  it("shows the holder, scenario and version, date and result, without signing in", async () => {
    const holder = (await server.store.getUser(people.clinicianA))!.name;
    const reply = await httpRequest(`${server.url}/verify/${code.toLowerCase()}`);
    expect(reply.status).toBe(200);
    const page = text(reply.body);
    expect(page).toContain("Valid certificate");
    expect(page).toContain(`Awarded to ${holder}`);
    expect(page).toContain("Scenario Routine review, red flags: chest pain on a video call (version 2)");
    expect(page).toContain("Completed on 14 Mar 2026");
    expect(page).toContain("Result Passed");
  });

  it("shows nothing more: no email, organisation, scores or reflection, in the page or its data", async () => {
    for (const reply of [
      await httpRequest(`${server.url}/verify/${code}`),
      await httpRequest(`${server.url}/verify/${code}.data`),
    ]) {
      expect(reply.status).toBe(200);
      expect(reply.body).not.toContain("clinician-a@example.test");
      expect(reply.body).not.toContain("Trust A");
      expect(reply.body).not.toMatch(/\b8[37]\b|%/);
      expect(reply.body).not.toContain("radiation of the pain");
      expect(reply.body).not.toContain(people.clinicianA);
    }
  });

  it("an unknown or malformed code is not valid and reveals nothing", async () => {
    for (const wrong of ["WS-0000-0000-0000-0000", "not-a-code"]) {
      const reply = await httpRequest(`${server.url}/verify/${wrong}`);
      expect(reply.status).toBe(404);
      expect(text(reply.body)).toContain("Not a valid certificate");
      expect(reply.body).not.toContain("Awarded to");
    }
  });
});
