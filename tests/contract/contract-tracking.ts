// Storage contract, tracking: assignments, staff import (all or nothing), member pages, invitations, certificates,
// LRS settings and the xAPI queue, each kept within its organisation.
import { describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, UniqueViolationError } from "~/storage/errors";
import type { NewStaffMember, Store } from "~/storage/types";
import { byId, expectIsoTimestamp, iso, orgWithMember, rejection } from "./contract-helpers";

const staff = (email: string, teamIds: string[] = []): NewStaffMember => ({
  email,
  name: `Name of ${email}`,
  roles: ["clinician"],
  teamIds,
});

export function trackingContract(store: () => Store): void {
  describe("assignments", () => {
    it("creates, lists and archives assignments within their organisation only", async () => {
      const { org, user } = await orgWithMember(store());
      const other = await store().createOrganisation({ name: "Southbay Health Board" });
      const team = await store().createTeam({ orgId: org.id, name: "Physiotherapy" });
      const input = {
        orgId: org.id,
        scenarioId: "breaking-bad-news",
        scenarioVersion: 2,
        teamIds: [team.id],
        userIds: [user.id],
        dueAt: iso(60 * 24),
        assessment: true,
        createdBy: user.id,
      };
      const assignment = await store().createAssignment(input);
      expect(assignment).toMatchObject({ ...input, archivedAt: null });
      expectIsoTimestamp(assignment.createdAt);
      expect(await store().getAssignment(org.id, assignment.id)).toEqual(assignment);
      expect(await store().getAssignment(other.id, assignment.id)).toBeNull();
      expect(await store().listAssignments(other.id)).toEqual([]);
      await expect(store().archiveAssignment(other.id, assignment.id, iso(5))).rejects.toBeInstanceOf(NotFoundError);

      const archived = await store().archiveAssignment(org.id, assignment.id, iso(5));
      expect(archived.archivedAt).toBe(iso(5));
      expect(await store().listAssignments(org.id)).toEqual([]);
      expect(await store().listAssignments(org.id, { includeArchived: true })).toEqual([archived]);
      // Archiving again keeps the first time.
      expect((await store().archiveAssignment(org.id, assignment.id, iso(9))).archivedAt).toBe(iso(5));
    });
  });

  describe("staff import", () => {
    it("creates every user with a membership, without passwords, in one go", async () => {
      const { org } = await orgWithMember(store());
      const team = await store().createTeam({ orgId: org.id, name: "Physiotherapy" });
      const users = await store().importStaff(org.id, [
        staff("A.One@Trust.nhs.uk", [team.id]),
        { ...staff("b.two@trust.nhs.uk"), roles: ["clinician", "admin"] },
      ]);
      expect(users.map((u) => u.email)).toEqual(["a.one@trust.nhs.uk", "b.two@trust.nhs.uk"]);
      expect(users.every((u) => u.passwordHash === null && u.active)).toBe(true);
      expect(await store().getMembership(users[0]!.id, org.id)).toMatchObject({
        roles: ["clinician"],
        teamIds: [team.id],
      });
      expect((await store().getMembership(users[1]!.id, org.id))?.roles).toEqual(["clinician", "admin"]);
      expect(await store().countUsers()).toBe(3);
    });

    it("writes nothing when the batch repeats an email (in any case)", async () => {
      const { org } = await orgWithMember(store());
      const error = await rejection(
        store().importStaff(org.id, [staff("a@trust.nhs.uk"), staff("b@trust.nhs.uk"), staff("A@TRUST.nhs.uk")]),
      );
      expect(error).toBeInstanceOf(UniqueViolationError);
      expect(error.message).toMatch(/a@trust\.nhs\.uk/);
      expect(await store().countUsers()).toBe(1);
      expect(await store().getUserByEmail("b@trust.nhs.uk")).toBeNull();
    });

    it("writes nothing when one email already has an account, even in another organisation", async () => {
      const { org } = await orgWithMember(store(), "Northgate Trust", "taken@trust.nhs.uk");
      const error = await rejection(
        store().importStaff(org.id, [staff("new@trust.nhs.uk"), staff("Taken@trust.nhs.uk")]),
      );
      expect(error).toBeInstanceOf(UniqueViolationError);
      expect((error as UniqueViolationError).field).toBe("email");
      expect(await store().getUserByEmail("new@trust.nhs.uk")).toBeNull();
      expect((await store().listMembers(org.id)).length).toBe(1);
    });

    it("refuses a team of another organisation and writes nothing", async () => {
      const { org } = await orgWithMember(store());
      const other = await store().createOrganisation({ name: "Southbay Health Board" });
      const foreign = await store().createTeam({ orgId: other.id, name: "Theirs" });
      await expect(
        store().importStaff(org.id, [staff("x@trust.nhs.uk"), staff("y@trust.nhs.uk", [foreign.id])]),
      ).rejects.toBeInstanceOf(NotFoundError);
      expect(await store().getUserByEmail("x@trust.nhs.uk")).toBeNull();
    });
  });

  describe("member pages", () => {
    it("walks an organisation's members by user id, page by page, with nobody missed or repeated", async () => {
      const { org, user } = await orgWithMember(store());
      const other = await store().createOrganisation({ name: "Southbay Health Board" });
      const imported = await store().importStaff(
        org.id,
        Array.from({ length: 7 }, (_, i) => staff(`p${i}@trust.nhs.uk`)),
      );
      await store().importStaff(other.id, [staff("outsider@south.nhs.uk")]);
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: Awaited<ReturnType<Store["listMembersPage"]>> = await store().listMembersPage(org.id, {
          after,
          limit: 3,
        });
        if (page.length === 0) break;
        expect(page.length).toBeLessThanOrEqual(3);
        expect(page.every((m) => m.membership.orgId === org.id && m.user.id === m.membership.userId)).toBe(true);
        seen.push(...page.map((m) => m.user.id));
        after = page.at(-1)!.user.id;
      }
      const expected = [user.id, ...imported.map((u) => u.id)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(seen).toEqual(expected);
    });
  });

  describe("invitations", () => {
    it("can be used once; a second use is a conflict; an unknown one is not found", async () => {
      const { org, user } = await orgWithMember(store());
      const invitation = {
        id: "a".repeat(64),
        userId: user.id,
        orgId: org.id,
        createdBy: user.id,
        createdAt: iso(0),
        expiresAt: iso(60),
        usedAt: null,
      };
      expect(await store().createInvitation(invitation)).toEqual(invitation);
      expect(await store().getInvitation(invitation.id)).toEqual(invitation);
      expect(await store().useInvitation(invitation.id, iso(5))).toEqual({ ...invitation, usedAt: iso(5) });
      await expect(store().useInvitation(invitation.id, iso(6))).rejects.toBeInstanceOf(ConflictError);
      expect((await store().getInvitation(invitation.id))?.usedAt).toBe(iso(5));
      await expect(store().useInvitation("b".repeat(64), iso(6))).rejects.toBeInstanceOf(NotFoundError);
      expect(await store().getInvitation("b".repeat(64))).toBeNull();
    });
  });

  describe("certificates", () => {
    it("are found by code and by attempt, issued once per attempt, codes unique", async () => {
      const { org, user } = await orgWithMember(store());
      const certificate = {
        code: "WS-7K3M-9QPX",
        attemptId: "attempt-1",
        orgId: org.id,
        userId: user.id,
        issuedAt: iso(1),
      };
      expect(await store().createCertificate(certificate)).toEqual(certificate);
      expect(await store().getCertificate("WS-7K3M-9QPX")).toEqual(certificate);
      expect(await store().getCertificateForAttempt("attempt-1")).toEqual(certificate);
      expect(await store().getCertificate("WS-0000-0000")).toBeNull();
      expect(await store().getCertificateForAttempt("attempt-2")).toBeNull();
      await expect(store().createCertificate({ ...certificate, code: "WS-OTHER-CODE" })).rejects.toBeInstanceOf(
        UniqueViolationError,
      );
      await expect(store().createCertificate({ ...certificate, attemptId: "attempt-2" })).rejects.toBeInstanceOf(
        UniqueViolationError,
      );
    });
  });

  describe("LRS settings and the xAPI queue", () => {
    it("keeps LRS settings per organisation and clears them", async () => {
      const { org } = await orgWithMember(store());
      const other = await store().createOrganisation({ name: "Southbay Health Board" });
      expect(await store().getOrgSettings(org.id)).toBeNull();
      const lrs = { endpoint: "https://lrs.example.test/xapi/", username: "key", password: "secret" };
      expect(await store().setLrsSettings(org.id, lrs, iso(1))).toEqual({ orgId: org.id, lrs, updatedAt: iso(1) });
      expect(await store().getOrgSettings(org.id)).toEqual({ orgId: org.id, lrs, updatedAt: iso(1) });
      expect(await store().getOrgSettings(other.id)).toBeNull();
      expect(await store().setLrsSettings(org.id, null, iso(2))).toEqual({
        orgId: org.id,
        lrs: null,
        updatedAt: iso(2),
      });
    });

    it("hands out due statements oldest first, then records sends and failures", async () => {
      const { org } = await orgWithMember(store());
      const other = await store().createOrganisation({ name: "Southbay Health Board" });
      const [first, second] = await store().enqueueXapi(
        org.id,
        [{ verb: "initialized" }, { verb: "completed" }],
        iso(0),
      );
      const [theirs] = await store().enqueueXapi(other.id, [{ verb: "passed" }], iso(1));
      expect(first).toMatchObject({
        orgId: org.id,
        statement: { verb: "initialized" },
        tries: 0,
        nextTryAt: iso(0),
        lastError: null,
        sentAt: null,
      });
      expect((await store().listDueXapi(iso(0), 10)).map((q) => q.id)).toEqual([first!.id, second!.id]);
      expect((await store().listDueXapi(iso(1), 10)).map((q) => q.id)).toEqual([first!.id, second!.id, theirs!.id]);
      expect((await store().listDueXapi(iso(1), 1)).map((q) => q.id)).toEqual([first!.id]);

      await store().markXapiSent(first!.id, iso(2));
      await store().markXapiFailed(second!.id, "LRS answered 503", iso(10));
      expect((await store().listDueXapi(iso(5), 10)).map((q) => q.id)).toEqual([theirs!.id]);
      expect((await store().listDueXapi(iso(10), 10)).map((q) => q.id)).toEqual([second!.id, theirs!.id]);

      const pending = await store().listXapiQueue(org.id, { pending: true });
      expect(pending).toEqual([{ ...second!, tries: 1, lastError: "LRS answered 503", nextTryAt: iso(10) }]);
      const all = await store().listXapiQueue(org.id, {});
      expect(byId(all)).toEqual(byId([{ ...first!, tries: 1, sentAt: iso(2) }, pending[0]!]));
      expect((await store().listXapiQueue(org.id, { limit: 1 })).length).toBe(1);
      expect(await store().enqueueXapi(org.id, [], iso(3))).toEqual([]);
      await expect(store().markXapiSent("no-such-item", iso(3))).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}
