// Storage contract, live role-play (ADR 0054): sessions with optimistic concurrency and presence refreshes that never
// change the revision, join codes unique among open sessions, ratings upserted, and relayed signals numbered in order.
import { describe, expect, it } from "vitest";
import { joinSession } from "~/core/live/joining";
import { createLiveSession, type LiveSession } from "~/core/live/session";
import { ConflictError, NotFoundError, UniqueViolationError } from "~/storage/errors";
import type { Store } from "~/storage/types";
import { iso, newAttempt, orgWithMember, rejection } from "./contract-helpers";

function lobby(orgId: string, learnerId: string, overrides: { id?: string; code?: string; minute?: number } = {}) {
  return createLiveSession({
    id: overrides.id ?? "live-1",
    orgId,
    code: overrides.code ?? "7K4MQ2XD",
    scenarioId: "valid-consultation",
    scenarioVersion: 1,
    parts: [{ id: "maria", name: "Maria" }],
    learner: { userId: learnerId, name: "Dr Rowan Hale" },
    now: iso(overrides.minute ?? 0),
  });
}

function withActor(session: LiveSession, userId: string, minute: number): LiveSession {
  const joined = joinSession(session, {
    userId,
    orgId: session.orgId,
    name: "Sam Actor",
    role: "actor",
    now: iso(minute),
  });
  if (!joined.ok) throw new Error(joined.message);
  return joined.session;
}

export function liveContract(store: () => Store): void {
  describe("live sessions", () => {
    it("creates a session at revision 0 and reads it back only within its organisation", async () => {
      const { org, user } = await orgWithMember(store());
      const other = await store().createOrganisation({ name: "Elsewhere" });
      const created = await store().createLiveSession({ ...lobby(org.id, user.id), revision: 7 });
      expect(created).toEqual({ ...lobby(org.id, user.id), revision: 0 });
      expect(await store().getLiveSession(org.id, created.id)).toEqual(created);
      expect(await store().getLiveSession(other.id, created.id)).toBeNull();
      expect(await store().findOpenLiveSessionByCode("7K4MQ2XD")).toEqual(created);
      expect(await store().findOpenLiveSessionByCode("AAAAAAAA")).toBeNull();
      await expect(
        store().createLiveSession(lobby("no-such-org", user.id, { id: "x", code: "XXXXXXXX" })),
      ).rejects.toBeInstanceOf(NotFoundError);
    });

    it("refuses a second open session with the same code, but lets an ended session's code come round again", async () => {
      const { org, user } = await orgWithMember(store());
      const first = await store().createLiveSession(lobby(org.id, user.id));
      const clash = await rejection(store().createLiveSession(lobby(org.id, user.id, { id: "live-2" })));
      expect(clash).toBeInstanceOf(UniqueViolationError);
      expect((clash as UniqueViolationError).field).toBe("code");
      expect(await store().getLiveSession(org.id, "live-2")).toBeNull();
      await store().saveLiveSession(org.id, first.id, 0, { ...first, status: "ended", endedAt: iso(5) });
      expect(await store().findOpenLiveSessionByCode(first.code)).toBeNull();
      const again = await store().createLiveSession(lobby(org.id, user.id, { id: "live-2" }));
      expect((await store().findOpenLiveSessionByCode(first.code))?.id).toBe(again.id);
    });

    it("saves a change only against the revision it was computed from, keeping id, organisation and code", async () => {
      const { org, user } = await orgWithMember(store());
      const actor = await store().createUser({ email: "actor@northgate.nhs.uk", name: "Sam", passwordHash: null });
      const created = await store().createLiveSession(lobby(org.id, user.id));
      const joined = withActor(created, actor.id, 1);
      const saved = await store().saveLiveSession(org.id, created.id, 0, { ...joined, code: "CHANGED1", orgId: "x" });
      expect(saved.revision).toBe(1);
      expect(saved.code).toBe(created.code);
      expect(saved.orgId).toBe(org.id);
      expect(saved.participants.map((p) => p.role)).toEqual(["learner", "actor"]);
      const stale = await rejection(store().saveLiveSession(org.id, created.id, 0, { ...created, status: "ended" }));
      expect(stale).toBeInstanceOf(ConflictError);
      expect((await store().getLiveSession(org.id, created.id))?.status).toBe("lobby");
      await expect(store().saveLiveSession(org.id, "missing", 0, created)).rejects.toBeInstanceOf(NotFoundError);
      const other = await store().createOrganisation({ name: "Elsewhere" });
      await expect(store().saveLiveSession(other.id, created.id, 1, saved)).rejects.toBeInstanceOf(NotFoundError);
    });

    it("refreshes a participant's presence without changing the revision, and a later save does not wind it back", async () => {
      const { org, user } = await orgWithMember(store());
      const created = await store().createLiveSession(lobby(org.id, user.id));
      await store().touchLiveParticipant(created.id, user.id, iso(2));
      await store().touchLiveParticipant(created.id, "stranger", iso(3));
      const touched = (await store().getLiveSession(org.id, created.id))!;
      expect(touched.revision).toBe(0);
      expect(touched.participants).toHaveLength(1);
      expect(touched.participants[0]!.lastSeenAt).toBe(iso(2));
      expect(touched.lastActivityAt).toBe(iso(2));
      // Computed from the read before the refresh: the save lands, the refresh is kept.
      const saved = await store().saveLiveSession(org.id, created.id, 0, { ...created, startedAt: null });
      expect(saved.participants[0]!.lastSeenAt).toBe(iso(2));
      expect(saved.lastActivityAt).toBe(iso(2));
    });

    it("lists a person's sessions and an organisation's, newest first, and the open sessions gone quiet", async () => {
      const { org, user } = await orgWithMember(store());
      const actor = await store().createUser({ email: "actor@northgate.nhs.uk", name: "Sam", passwordHash: null });
      const older = await store().createLiveSession(lobby(org.id, user.id, { id: "a", code: "AAAAAAAA", minute: 0 }));
      const newer = await store().createLiveSession(lobby(org.id, actor.id, { id: "b", code: "BBBBBBBB", minute: 30 }));
      await store().saveLiveSession(org.id, newer.id, 0, withActor(newer, user.id, 31));
      expect((await store().listLiveSessionsForUser(org.id, user.id)).map((s) => s.id)).toEqual(["b", "a"]);
      expect((await store().listLiveSessionsForUser(org.id, actor.id)).map((s) => s.id)).toEqual(["b"]);
      expect((await store().listLiveSessionsForOrg(org.id)).map((s) => s.id)).toEqual(["b", "a"]);
      await store().saveLiveSession(org.id, older.id, 0, { ...older, status: "ended", endedAt: iso(5) });
      expect((await store().listLiveSessionsForOrg(org.id, { status: "lobby" })).map((s) => s.id)).toEqual(["b"]);
      const quiet = await store().listStaleLiveSessions({ activity: iso(40), created: iso(-60) }, 10);
      expect(quiet.map((s) => s.id)).toEqual(["b"]);
      expect(await store().listStaleLiveSessions({ activity: iso(20), created: iso(-60) }, 10)).toEqual([]);
      expect(
        (await store().listStaleLiveSessions({ activity: iso(0), created: iso(31) }, 10)).map((s) => s.id),
      ).toEqual(["b"]);
    });

    it("records which live session an attempt belongs to (null for solo practice)", async () => {
      const { org, user } = await orgWithMember(store());
      const live = await store().createAttempt(newAttempt({ orgId: org.id, userId: user.id, liveSessionId: "live-1" }));
      const solo = await store().createAttempt(newAttempt({ orgId: org.id, userId: user.id }));
      expect((await store().getAttempt(live.id))!.liveSessionId).toBe("live-1");
      expect((await store().getAttempt(solo.id))!.liveSessionId ?? null).toBeNull();
    });
  });

  describe("live ratings", () => {
    it("keeps one rating per session, person, kind and part, replacing it on each save", async () => {
      const { org, user } = await orgWithMember(store());
      const session = await store().createLiveSession(lobby(org.id, user.id));
      const draft = {
        sessionId: session.id,
        orgId: org.id,
        userId: "observer-1",
        kind: "observer" as const,
        part: "",
        final: false,
        answers: { competencies: { rapport: 3 }, global: null, notes: [], comment: null },
        updatedAt: iso(10),
      };
      await store().saveLiveRating(draft);
      const final = { ...draft, final: true, answers: { ...draft.answers, global: 4 }, updatedAt: iso(20) };
      expect(await store().saveLiveRating(final)).toEqual(final);
      const patient = { ...draft, userId: "actor-1", kind: "patient" as const, part: "maria", answers: { ease: 4 } };
      await store().saveLiveRating(patient);
      const listed = await store().listLiveRatings(org.id, session.id);
      expect(listed).toHaveLength(2);
      expect(listed).toEqual(expect.arrayContaining([final, patient]));
      const other = await store().createOrganisation({ name: "Elsewhere" });
      expect(await store().listLiveRatings(other.id, session.id)).toEqual([]);
      await expect(store().saveLiveRating({ ...draft, orgId: other.id })).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe("live signals", () => {
    it("numbers appended signals in order and lists those meant for a participant, not their own", async () => {
      const { org, user } = await orgWithMember(store());
      const session = await store().createLiveSession(lobby(org.id, user.id));
      expect(await store().lastLiveSignal(session.id)).toBe(0);
      expect(await store().oldestLiveSignal(session.id)).toBeNull();
      const first = await store().appendLiveSignals(
        session.id,
        [
          { from: "a", to: null, message: { type: "hello", n: 1 } },
          { from: "a", to: "b", message: { type: "offer", n: 2 } },
        ],
        iso(1),
      );
      expect(first.map((s) => s.seq)).toEqual([1, 2]);
      expect(first[1]).toEqual({
        sessionId: session.id,
        seq: 2,
        at: iso(1),
        from: "a",
        to: "b",
        message: { type: "offer", n: 2 },
      });
      await store().appendLiveSignals(
        session.id,
        [
          { from: "b", to: "a", message: { type: "answer" } },
          { from: "a", to: "c", message: { type: "offer" } },
          { from: null, to: null, message: { type: "presence" } },
        ],
        iso(2),
      );
      expect(await store().lastLiveSignal(session.id)).toBe(5);
      expect((await store().listLiveSignals(session.id, 0, "b", 10)).map((s) => s.seq)).toEqual([1, 2, 5]);
      expect((await store().listLiveSignals(session.id, 2, "b", 10)).map((s) => s.seq)).toEqual([5]);
      expect((await store().listLiveSignals(session.id, 0, "a", 1)).map((s) => s.seq)).toEqual([3]);
      expect((await store().listLiveSignals(session.id, 0, "c", 10)).map((s) => s.seq)).toEqual([1, 4, 5]);
      expect(await store().listLiveSignals("other-session", 0, "b", 10)).toEqual([]);
      expect(await store().oldestLiveSignal(session.id)).toBe(1);
      expect(await store().pruneLiveSignals(iso(2))).toBe(2);
      expect(await store().oldestLiveSignal(session.id)).toBe(3);
      expect(await store().lastLiveSignal(session.id)).toBe(5);
    });

    it("tells a watcher which session has new signals, until it unsubscribes", async () => {
      const { org, user } = await orgWithMember(store());
      const session = await store().createLiveSession(lobby(org.id, user.id));
      const heard: string[] = [];
      let wake: () => void = () => {};
      const unsubscribe = store().watchLiveSignals((id) => {
        heard.push(id);
        wake();
      });
      // The PostgreSQL watcher connects in the background; appending until it hears one keeps the test honest.
      const deadline = Date.now() + 10_000;
      while (heard.length === 0 && Date.now() < deadline) {
        const woken = new Promise<void>((resolve) => (wake = resolve));
        await store().appendLiveSignals(session.id, [{ from: "a", to: null, message: { type: "bye" } }], iso(1));
        await Promise.race([woken, new Promise((resolve) => setTimeout(resolve, 200))]);
      }
      expect(heard[0]).toBe(session.id);
      unsubscribe();
      const count = heard.length;
      await store().appendLiveSignals(session.id, [{ from: "a", to: null, message: { type: "bye" } }], iso(2));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(heard.length).toBe(count);
    });
  });
}
