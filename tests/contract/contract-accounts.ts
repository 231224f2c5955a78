// Storage contract, part 1: health, organisations, teams, users and memberships.
import { describe, expect, it } from "vitest";
import { NotFoundError, UniqueViolationError } from "~/storage/errors";
import type { Store } from "~/storage/types";
import { byId, expectIsoTimestamp, rejection } from "./contract-helpers";

export function accountsContract(store: () => Store): void {
  it("reports itself healthy and names its kind", async () => {
    const health = await store().health();
    expect(health.ok).toBe(true);
    expect(health.kind).toBe(store().kind);
  });

  describe("organisations and teams", () => {
    it("creates an organisation and reads it back; an unknown id reads as null", async () => {
      const org = await store().createOrganisation({ name: "Northgate Trust" });
      expect(org.name).toBe("Northgate Trust");
      expect(org.id).toEqual(expect.any(String));
      expectIsoTimestamp(org.createdAt);
      expect(await store().getOrganisation(org.id)).toEqual(org);
      expect(await store().getOrganisation("no-such-organisation")).toBeNull();
    });

    it("lists every organisation", async () => {
      const a = await store().createOrganisation({ name: "Northgate Trust" });
      const b = await store().createOrganisation({ name: "Southbay Health Board" });
      expect(byId(await store().listOrganisations())).toEqual(byId([a, b]));
    });

    it("keeps teams within their organisation", async () => {
      const north = await store().createOrganisation({ name: "Northgate Trust" });
      const south = await store().createOrganisation({ name: "Southbay Health Board" });
      const physio = await store().createTeam({ orgId: north.id, name: "Physiotherapy" });
      const gp = await store().createTeam({ orgId: north.id, name: "General practice" });
      const southTeam = await store().createTeam({ orgId: south.id, name: "Mental health" });
      expect(physio).toMatchObject({ orgId: north.id, name: "Physiotherapy" });
      expectIsoTimestamp(physio.createdAt);
      expect(byId(await store().listTeams(north.id))).toEqual(byId([physio, gp]));
      expect(await store().listTeams(south.id)).toEqual([southTeam]);
      expect(await store().getTeam(north.id, physio.id)).toEqual(physio);
      // A team id from another organisation must not be readable through this one.
      expect(await store().getTeam(south.id, physio.id)).toBeNull();
      expect(await store().getTeam(north.id, "no-such-team")).toBeNull();
    });

    it("refuses a team for an organisation that does not exist", async () => {
      await expect(store().createTeam({ orgId: "no-such-organisation", name: "Ghosts" })).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });

    it("renames a team only within its own organisation", async () => {
      const north = await store().createOrganisation({ name: "Northgate Trust" });
      const south = await store().createOrganisation({ name: "Southbay Health Board" });
      const team = await store().createTeam({ orgId: north.id, name: "Physio" });
      const renamed = await store().renameTeam(north.id, team.id, "Physiotherapy");
      expect(renamed).toEqual({ ...team, name: "Physiotherapy" });
      expect(await store().getTeam(north.id, team.id)).toEqual(renamed);
      await expect(store().renameTeam(south.id, team.id, "Taken over")).rejects.toBeInstanceOf(NotFoundError);
      await expect(store().renameTeam(north.id, "no-such-team", "Nobody")).rejects.toBeInstanceOf(NotFoundError);
      expect((await store().getTeam(north.id, team.id))?.name).toBe("Physiotherapy");
    });
  });

  describe("users", () => {
    it("stores the email lower-cased and starts active", async () => {
      const user = await store().createUser({
        email: "Rowan.Hale@Northgate.NHS.uk",
        name: "Dr Rowan Hale",
        passwordHash: "scrypt$x",
      });
      expect(user).toMatchObject({
        email: "rowan.hale@northgate.nhs.uk",
        name: "Dr Rowan Hale",
        passwordHash: "scrypt$x",
        active: true,
      });
      expectIsoTimestamp(user.createdAt);
      expectIsoTimestamp(user.updatedAt);
      expect(await store().getUser(user.id)).toEqual(user);
      expect(await store().getUser("no-such-user")).toBeNull();
      const invited = await store().createUser({
        email: "invitee@northgate.nhs.uk",
        name: "Invitee",
        passwordHash: null,
      });
      expect(invited.passwordHash).toBeNull();
    });

    it("refuses a second account with the same email in any letter case", async () => {
      await store().createUser({ email: "ann@example.org", name: "Ann", passwordHash: null });
      const clash = await rejection(
        store().createUser({ email: "ANN@Example.org", name: "Another Ann", passwordHash: null }),
      );
      expect(clash).toBeInstanceOf(UniqueViolationError);
      expect(clash).toMatchObject({ field: "email" });
      expect(await store().countUsers()).toBe(1);
    });

    it("finds a user by email in any letter case", async () => {
      const user = await store().createUser({ email: "ann@example.org", name: "Ann", passwordHash: null });
      expect(await store().getUserByEmail("ANN@EXAMPLE.ORG")).toEqual(user);
      expect(await store().getUserByEmail("nobody@example.org")).toBeNull();
    });

    it("updates name, password hash, active flag and email, and moves updatedAt on", async () => {
      const user = await store().createUser({ email: "ann@example.org", name: "Ann", passwordHash: null });
      const updated = await store().updateUser(user.id, {
        name: "Ann Okafor",
        passwordHash: "scrypt$new",
        active: false,
        email: "Ann.Okafor@Example.org",
      });
      expect(updated).toMatchObject({
        id: user.id,
        name: "Ann Okafor",
        passwordHash: "scrypt$new",
        active: false,
        email: "ann.okafor@example.org",
      });
      expect(updated.createdAt).toBe(user.createdAt);
      expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(user.updatedAt));
      expect(await store().getUser(user.id)).toEqual(updated);
      expect(await store().getUserByEmail("ann@example.org")).toBeNull();
    });

    it("changes only the fields given", async () => {
      const user = await store().createUser({ email: "ann@example.org", name: "Ann", passwordHash: "scrypt$old" });
      const updated = await store().updateUser(user.id, { active: false });
      expect(updated).toMatchObject({
        email: "ann@example.org",
        name: "Ann",
        passwordHash: "scrypt$old",
        active: false,
      });
    });

    it("refuses to change an email to one another account has, in any letter case", async () => {
      await store().createUser({ email: "ann@example.org", name: "Ann", passwordHash: null });
      const ben = await store().createUser({ email: "ben@example.org", name: "Ben", passwordHash: null });
      const clash = await rejection(store().updateUser(ben.id, { email: "ANN@example.org" }));
      expect(clash).toBeInstanceOf(UniqueViolationError);
      expect(clash).toMatchObject({ field: "email" });
      expect((await store().getUser(ben.id))?.email).toBe("ben@example.org");
      // Re-casing one's own address is not a clash.
      expect((await store().updateUser(ben.id, { email: "BEN@example.org" })).email).toBe("ben@example.org");
    });

    it("refuses to update a user that does not exist", async () => {
      await expect(store().updateUser("no-such-user", { name: "Nobody" })).rejects.toBeInstanceOf(NotFoundError);
    });

    it("counts users", async () => {
      expect(await store().countUsers()).toBe(0);
      await store().createUser({ email: "a@example.org", name: "A", passwordHash: null });
      await store().createUser({ email: "b@example.org", name: "B", passwordHash: null });
      expect(await store().countUsers()).toBe(2);
    });

    it("hands out copies: changing a returned user does not change the store", async () => {
      const user = await store().createUser({ email: "ann@example.org", name: "Ann", passwordHash: null });
      user.name = "Mallory";
      const read = await store().getUser(user.id);
      expect(read?.name).toBe("Ann");
      read!.active = false;
      expect((await store().getUser(user.id))?.active).toBe(true);
    });
  });

  describe("memberships", () => {
    async function twoOrgsOneUser() {
      const north = await store().createOrganisation({ name: "Northgate Trust" });
      const south = await store().createOrganisation({ name: "Southbay Health Board" });
      const user = await store().createUser({ email: "ann@example.org", name: "Ann", passwordHash: null });
      return { north, south, user };
    }

    it("puts a user in several organisations with roles and teams", async () => {
      const { north, south, user } = await twoOrgsOneUser();
      const team = await store().createTeam({ orgId: north.id, name: "Physiotherapy" });
      const inNorth = await store().setMembership({
        userId: user.id,
        orgId: north.id,
        roles: ["clinician", "educator"],
        teamIds: [team.id],
      });
      const inSouth = await store().setMembership({ userId: user.id, orgId: south.id, roles: ["admin"], teamIds: [] });
      expect(inNorth).toMatchObject({
        userId: user.id,
        orgId: north.id,
        roles: ["clinician", "educator"],
        teamIds: [team.id],
      });
      expectIsoTimestamp(inNorth.createdAt);
      expect(await store().getMembership(user.id, north.id)).toEqual(inNorth);
      const mine = await store().listMembershipsForUser(user.id);
      expect([...mine].sort((a, b) => a.orgId.localeCompare(b.orgId))).toEqual(
        [inNorth, inSouth].sort((a, b) => a.orgId.localeCompare(b.orgId)),
      );
      expect(await store().getMembership(user.id, "no-such-organisation")).toBeNull();
    });

    it("replaces a membership instead of adding a second one, keeping when it began", async () => {
      const { north, user } = await twoOrgsOneUser();
      const first = await store().setMembership({
        userId: user.id,
        orgId: north.id,
        roles: ["clinician"],
        teamIds: [],
      });
      const team = await store().createTeam({ orgId: north.id, name: "Physiotherapy" });
      const second = await store().setMembership({
        userId: user.id,
        orgId: north.id,
        roles: ["admin"],
        teamIds: [team.id],
      });
      expect(second).toEqual({ ...first, roles: ["admin"], teamIds: [team.id] });
      expect(await store().listMembershipsForUser(user.id)).toEqual([second]);
    });

    it("lists an organisation's members with their accounts, and no one else", async () => {
      const { north, south, user } = await twoOrgsOneUser();
      const ben = await store().createUser({ email: "ben@example.org", name: "Ben", passwordHash: null });
      const annNorth = await store().setMembership({
        userId: user.id,
        orgId: north.id,
        roles: ["clinician"],
        teamIds: [],
      });
      await store().setMembership({ userId: ben.id, orgId: south.id, roles: ["admin"], teamIds: [] });
      expect(await store().listMembers(north.id)).toEqual([{ user, membership: annNorth }]);
      expect((await store().listMembers(south.id)).map((m) => m.user.email)).toEqual(["ben@example.org"]);
    });

    it("refuses a membership for a user or organisation that does not exist", async () => {
      const { north, user } = await twoOrgsOneUser();
      await expect(
        store().setMembership({ userId: "no-such-user", orgId: north.id, roles: ["clinician"], teamIds: [] }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        store().setMembership({ userId: user.id, orgId: "no-such-organisation", roles: ["clinician"], teamIds: [] }),
      ).rejects.toBeInstanceOf(NotFoundError);
      expect(await store().listMembershipsForUser(user.id)).toEqual([]);
    });

    it("removes one membership and leaves the others; removing a missing one is not an error", async () => {
      const { north, south, user } = await twoOrgsOneUser();
      await store().setMembership({ userId: user.id, orgId: north.id, roles: ["clinician"], teamIds: [] });
      const inSouth = await store().setMembership({
        userId: user.id,
        orgId: south.id,
        roles: ["clinician"],
        teamIds: [],
      });
      await store().removeMembership(user.id, north.id);
      expect(await store().getMembership(user.id, north.id)).toBeNull();
      expect(await store().listMembershipsForUser(user.id)).toEqual([inSouth]);
      expect(await store().listMembers(north.id)).toEqual([]);
      await expect(store().removeMembership(user.id, north.id)).resolves.toBeUndefined();
    });
  });
}
