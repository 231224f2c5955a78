// `webside migrate` carries the tracking records (assignments, invitations, certificates, LRS settings, xAPI queue)
// from a lowdb file into PostgreSQL, reading back exactly as lowdb returned them.
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { main } from "~/cli/main";
import { createLowdbStore } from "~/storage/lowdb.server";
import { createPostgresStore } from "~/storage/postgres.server";
import { DATABASE_URL, migrationScratch } from "./fresh-schema";

describe.skipIf(!DATABASE_URL)("webside migrate: tracking records", () => {
  const { url, schema, folder } = migrationScratch("webside-tracking-copy-");

  it("copies every tracking record and the store reads it back unchanged", async () => {
    const dir = await folder();
    const file = path.join(dir, "webside.json");
    const lowdb = await createLowdbStore({ file, backups: 0 });
    const org = await lowdb.createOrganisation({ name: "North Trust" });
    const team = await lowdb.createTeam({ orgId: org.id, name: "Physio" });
    const [user] = await lowdb.importStaff(org.id, [
      { email: "asha@north.nhs.uk", name: "Asha", roles: ["clinician"], teamIds: [team.id] },
    ]);
    const assignment = await lowdb.createAssignment({
      orgId: org.id,
      scenarioId: "first-call",
      scenarioVersion: 2,
      teamIds: [team.id],
      userIds: [user!.id],
      dueAt: "2030-03-01T00:00:00.000Z",
      assessment: true,
      createdBy: user!.id,
    });
    const archived = await lowdb.archiveAssignment(
      org.id,
      (await lowdb.createAssignment({ ...assignment })).id,
      "2030-02-01T00:00:00.000Z",
    );
    const invitation = await lowdb.createInvitation({
      id: "f".repeat(64),
      userId: user!.id,
      orgId: org.id,
      createdBy: user!.id,
      createdAt: "2030-01-01T00:00:00.000Z",
      expiresAt: "2030-01-15T00:00:00.000Z",
      usedAt: null,
    });
    const certificate = await lowdb.createCertificate({
      code: "WS-AAAA-BBBB-CCCC-DDDD",
      attemptId: "att-1",
      orgId: org.id,
      userId: user!.id,
      issuedAt: "2030-01-02T00:00:00.000Z",
    });
    const settings = await lowdb.setLrsSettings(
      org.id,
      { endpoint: "https://lrs.example/xapi", username: "k", password: "s" },
      "2030-01-01T00:00:00.000Z",
    );
    const [sent, failed] = await lowdb.enqueueXapi(
      org.id,
      [{ verb: "passed" }, { verb: "failed", result: { score: { scaled: 0.4 } } }],
      "2030-01-03T00:00:00.000Z",
    );
    await lowdb.markXapiSent(sent!.id, "2030-01-03T00:01:00.000Z");
    await lowdb.markXapiFailed(failed!.id, "LRS answered 503", "2030-01-03T00:02:00.000Z");
    const queue = await lowdb.listXapiQueue(org.id, {});
    await lowdb.close();

    vi.spyOn(console, "log").mockImplementation(() => undefined);
    expect(await main(["migrate", "--from", file, "--to", url, "--schema", schema])).toBe(0);
    vi.restoreAllMocks();

    const pg = await createPostgresStore({ connectionString: url, schema, poolSize: 2 });
    try {
      expect(await pg.getAssignment(org.id, assignment.id)).toEqual(assignment);
      expect(await pg.listAssignments(org.id, { includeArchived: true })).toEqual([assignment, archived]);
      expect(await pg.getInvitation(invitation.id)).toEqual(invitation);
      expect(await pg.getCertificate(certificate.code)).toEqual(certificate);
      expect(await pg.getOrgSettings(org.id)).toEqual(settings);
      expect(await pg.listXapiQueue(org.id, {})).toEqual(queue);
      expect(await pg.listMembersPage(org.id, { after: null, limit: 10 })).toHaveLength(1);
    } finally {
      await pg.close();
    }
  });
});
