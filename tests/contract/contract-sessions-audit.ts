// Storage contract, part 2: login sessions (revocation, expiry) and the audit log (ordering, organisation filter).
import { describe, expect, it } from "vitest";
import { NotFoundError, UniqueViolationError } from "~/storage/errors";
import type { Session, Store } from "~/storage/types";
import { expectIsoTimestamp, iso } from "./contract-helpers";

function session(id: string, userId: string, orgId: string, lastSeenMinute = 0, expiresMinute = 720): Session {
  return { id, userId, orgId, createdAt: iso(0), lastSeenAt: iso(lastSeenMinute), expiresAt: iso(expiresMinute) };
}

export function sessionsAndAuditContract(store: () => Store): void {
  describe("sessions", () => {
    it("stores a session exactly as given; an unknown id reads as null", async () => {
      const s = session("a".repeat(64), "user-1", "org-1");
      expect(await store().createSession(s)).toEqual(s);
      expect(await store().getSession(s.id)).toEqual(s);
      expect(await store().getSession("b".repeat(64))).toBeNull();
    });

    it("refuses a second session with the same id", async () => {
      await store().createSession(session("s1", "user-1", "org-1"));
      await expect(store().createSession(session("s1", "user-2", "org-1"))).rejects.toBeInstanceOf(
        UniqueViolationError,
      );
      expect((await store().getSession("s1"))?.userId).toBe("user-1");
    });

    it("touches lastSeenAt; touching a session that has gone is not an error", async () => {
      await store().createSession(session("s1", "user-1", "org-1"));
      await store().touchSession("s1", iso(30));
      expect(await store().getSession("s1")).toEqual(session("s1", "user-1", "org-1", 30));
      await expect(store().touchSession("gone", iso(31))).resolves.toBeUndefined();
      expect(await store().getSession("gone")).toBeNull();
    });

    it("switches the organisation a session acts in; a missing session is NotFound", async () => {
      await store().createSession(session("s1", "user-1", "org-1"));
      await store().switchSessionOrg("s1", "org-2");
      expect((await store().getSession("s1"))?.orgId).toBe("org-2");
      await expect(store().switchSessionOrg("gone", "org-2")).rejects.toBeInstanceOf(NotFoundError);
    });

    it("deletes one session; deleting a missing one is not an error", async () => {
      await store().createSession(session("s1", "user-1", "org-1"));
      await store().createSession(session("s2", "user-1", "org-1"));
      await store().deleteSession("s1");
      expect(await store().getSession("s1")).toBeNull();
      expect(await store().getSession("s2")).not.toBeNull();
      await expect(store().deleteSession("s1")).resolves.toBeUndefined();
    });

    it("revokes every session of a user and counts them, leaving other users signed in", async () => {
      for (const id of ["a1", "a2", "a3"]) await store().createSession(session(id, "ann", "org-1"));
      await store().createSession(session("b1", "ben", "org-1"));
      expect(await store().deleteSessionsForUser("ann")).toBe(3);
      for (const id of ["a1", "a2", "a3"]) expect(await store().getSession(id)).toBeNull();
      expect(await store().getSession("b1")).not.toBeNull();
      expect(await store().deleteSessionsForUser("ann")).toBe(0);
    });

    it("keeps the one session named as the exception (the one that changed the password)", async () => {
      for (const id of ["a1", "a2", "a3"]) await store().createSession(session(id, "ann", "org-1"));
      expect(await store().deleteSessionsForUser("ann", "a2")).toBe(2);
      expect(await store().getSession("a1")).toBeNull();
      expect(await store().getSession("a2")).not.toBeNull();
      expect(await store().getSession("a3")).toBeNull();
    });

    it("deletes sessions past their absolute expiry or idle since before the cutoff, and counts them", async () => {
      // now = minute 600; idle cutoff = minute 540 (an hour of idleness).
      await store().createSession(session("live", "ann", "org-1", 590, 720));
      await store().createSession(session("expired", "ann", "org-1", 595, 599));
      await store().createSession(session("idle", "ben", "org-1", 500, 720));
      await store().createSession(session("both", "ben", "org-1", 100, 200));
      expect(await store().deleteExpiredSessions(iso(600), iso(540))).toBe(3);
      expect(await store().getSession("live")).not.toBeNull();
      for (const id of ["expired", "idle", "both"]) expect(await store().getSession(id)).toBeNull();
      expect(await store().deleteExpiredSessions(iso(600), iso(540))).toBe(0);
    });
  });

  describe("audit log", () => {
    it("appends an event with an id and a time (now, unless given) and keeps its detail", async () => {
      const before = Date.now();
      const event = await store().appendAudit({
        orgId: "org-1",
        actorId: "ann",
        type: "login.success",
        detail: { ip: "192.0.2.1", attempt: 1, remembered: false, note: null },
      });
      expect(event).toMatchObject({ orgId: "org-1", actorId: "ann", type: "login.success" });
      expect(event.detail).toEqual({ ip: "192.0.2.1", attempt: 1, remembered: false, note: null });
      expectIsoTimestamp(event.at);
      expect(Date.parse(event.at)).toBeGreaterThanOrEqual(before - 5_000);
      const given = await store().appendAudit({
        orgId: null,
        actorId: null,
        type: "login.failure",
        detail: {},
        at: iso(5),
      });
      expect(given.at).toBe(iso(5));
      expect(given.id).not.toBe(event.id);
    });

    it("lists newest first, by time and then by the order they were appended", async () => {
      const append = (type: string, minute: number) =>
        store().appendAudit({ orgId: "org-1", actorId: null, type, detail: {}, at: iso(minute) });
      await append("second", 2);
      await append("first", 1);
      await append("fourth", 4);
      await append("third-a", 3);
      await append("third-b", 3);
      const listed = await store().listAudit({ orgId: "org-1" });
      expect(listed.map((e) => e.type)).toEqual(["fourth", "third-b", "third-a", "second", "first"]);
    });

    it("lists only the organisation asked for; null lists events that belong to no organisation", async () => {
      const north = await store().appendAudit({ orgId: "north", actorId: "ann", type: "role.change", detail: {} });
      const south = await store().appendAudit({ orgId: "south", actorId: "ben", type: "role.change", detail: {} });
      const unknown = await store().appendAudit({
        orgId: null,
        actorId: null,
        type: "login.failure",
        detail: { email: "x@example.org" },
      });
      expect(await store().listAudit({ orgId: "north" })).toEqual([north]);
      expect(await store().listAudit({ orgId: "south" })).toEqual([south]);
      expect(await store().listAudit({ orgId: null })).toEqual([unknown]);
      expect(await store().listAudit({ orgId: "elsewhere" })).toEqual([]);
    });

    it("filters by type and limits the count, keeping the newest", async () => {
      for (let minute = 1; minute <= 5; minute++) {
        await store().appendAudit({
          orgId: "org-1",
          actorId: null,
          type: "login.failure",
          detail: { minute },
          at: iso(minute),
        });
        await store().appendAudit({
          orgId: "org-1",
          actorId: null,
          type: "login.success",
          detail: { minute },
          at: iso(minute),
        });
      }
      const failures = await store().listAudit({ orgId: "org-1", type: "login.failure" });
      expect(failures.map((e) => e.detail.minute)).toEqual([5, 4, 3, 2, 1]);
      const latestTwo = await store().listAudit({ orgId: "org-1", type: "login.success", limit: 2 });
      expect(latestTwo.map((e) => e.detail.minute)).toEqual([5, 4]);
      expect(await store().listAudit({ orgId: "org-1", limit: 3 })).toHaveLength(3);
      expect(await store().listAudit({ orgId: "org-1" })).toHaveLength(10);
    });
  });
  describe("audit bounds", () => {
    it("caps every stored string, so one request cannot store kilobytes", async () => {
      const stored = await store().appendAudit({
        type: "csrf.refused",
        orgId: null,
        actorId: null,
        detail: { path: `/${"x".repeat(7000)}`, count: 3 },
      });
      expect(String(stored.detail.path).length).toBeLessThanOrEqual(500);
      expect(stored.detail.count).toBe(3);
      const [listed] = await store().listAudit({ orgId: null, type: "csrf.refused" });
      expect(String(listed!.detail.path).length).toBeLessThanOrEqual(500);
    });
  });
}
