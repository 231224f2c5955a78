// Live role-play in the lowdb store (ADR 0054): sessions and ratings in the main file, with optimistic concurrency on
// a session's revision; relayed signals only in memory, because one process owns a lowdb data set and a signal is
// worthless after two minutes (never written to disk, so the file holds no network addresses).
import { EventEmitter } from "node:events";
import { isOpen, type LiveSession } from "~/core/live/session";
import { touchParticipant } from "~/core/live/presence";
import { ConflictError, NotFoundError, UniqueViolationError } from "../errors";
import type { LiveRecords, LiveSignal, LiveSignalRecords } from "../types";
import { keepLatestPresence } from "../live-presence";
import { requireOrganisation } from "./data.server";
import type { LowdbDatabase } from "./database.server";

const newestFirst = (a: LiveSession, b: LiveSession) => b.createdAt.localeCompare(a.createdAt);

export function liveRecords(db: LowdbDatabase): LiveRecords {
  const find = (orgId: string, id: string) => db.data().liveSessions.find((s) => s.id === id && s.orgId === orgId);

  return {
    async createLiveSession(session) {
      const copy = structuredClone(session);
      return db.mutate((data) => {
        requireOrganisation(data, copy.orgId, "start a live session");
        if (data.liveSessions.some((s) => s.id === copy.id))
          throw new UniqueViolationError("A live session with this id already exists.", "id");
        if (data.liveSessions.some((s) => s.code === copy.code && isOpen(s)))
          throw new UniqueViolationError("An open live session already has this join code.", "code");
        const stored = { ...copy, revision: 0 };
        data.liveSessions.push(stored);
        return stored;
      });
    },

    async getLiveSession(orgId, id) {
      const found = find(orgId, id);
      return found ? structuredClone(found) : null;
    },

    async findOpenLiveSessionByCode(code) {
      const found = db.data().liveSessions.find((s) => s.code === code && isOpen(s));
      return found ? structuredClone(found) : null;
    },

    async saveLiveSession(orgId, id, expectedRevision, next) {
      const copy = structuredClone(next);
      return db.mutate((data) => {
        const index = data.liveSessions.findIndex((s) => s.id === id && s.orgId === orgId);
        const current = data.liveSessions[index];
        if (!current) throw new NotFoundError(`Live session ${id} does not exist, so it cannot be saved.`);
        if (current.revision !== expectedRevision) {
          throw new ConflictError(
            `Live session ${id} has moved on (revision ${current.revision}, this change expected ${expectedRevision}).`,
          );
        }
        // Identity, organisation and code are fixed at creation; the code's uniqueness was checked then.
        const saved: LiveSession = {
          ...keepLatestPresence(current, copy),
          id: current.id,
          orgId: current.orgId,
          code: current.code,
          revision: current.revision + 1,
        };
        data.liveSessions[index] = saved;
        return saved;
      });
    },

    async touchLiveParticipant(sessionId, userId, at) {
      const current = db.data().liveSessions.find((s) => s.id === sessionId);
      if (!current || !current.participants.some((p) => p.userId === userId && p.leftAt === null)) return;
      await db.mutate((data) => {
        const index = data.liveSessions.findIndex((s) => s.id === sessionId);
        const session = data.liveSessions[index];
        if (session) data.liveSessions[index] = touchParticipant(session, userId, at);
      });
    },

    async listLiveSessionsForUser(orgId, userId) {
      return structuredClone(
        db
          .data()
          .liveSessions.filter((s) => s.orgId === orgId && s.participants.some((p) => p.userId === userId))
          .sort(newestFirst),
      );
    },

    async listLiveSessionsForOrg(orgId, filter = {}) {
      return structuredClone(
        db
          .data()
          .liveSessions.filter((s) => s.orgId === orgId && (filter.status === undefined || s.status === filter.status))
          .sort(newestFirst),
      );
    },

    async listStaleLiveSessions(before, limit) {
      const activity = Date.parse(before.activity);
      const created = Date.parse(before.created);
      return structuredClone(
        db
          .data()
          .liveSessions.filter(
            (s) => isOpen(s) && (Date.parse(s.lastActivityAt) < activity || Date.parse(s.createdAt) < created),
          )
          .sort((a, b) => a.lastActivityAt.localeCompare(b.lastActivityAt))
          .slice(0, limit),
      );
    },

    async saveLiveRating(rating) {
      const copy = structuredClone(rating);
      return db.mutate((data) => {
        if (!data.liveSessions.some((s) => s.id === copy.sessionId && s.orgId === copy.orgId)) {
          throw new NotFoundError(`Live session ${copy.sessionId} does not exist, so it cannot be rated.`);
        }
        const same = (r: typeof copy) =>
          r.sessionId === copy.sessionId && r.userId === copy.userId && r.kind === copy.kind && r.part === copy.part;
        const index = data.liveRatings.findIndex(same);
        if (index >= 0) data.liveRatings[index] = copy;
        else data.liveRatings.push(copy);
        return copy;
      });
    },

    async listLiveRatings(orgId, sessionId) {
      return structuredClone(db.data().liveRatings.filter((r) => r.orgId === orgId && r.sessionId === sessionId));
    },
  };
}

/** The in-memory relay: a list and a counter per session, and an emitter for the streams in this process. */
export function liveSignalRecords(): LiveSignalRecords {
  const bySession = new Map<string, { last: number; signals: LiveSignal[] }>();
  const emitter = new EventEmitter();
  // Every open stream listens; without this Node warns after ten, which is two sessions' worth.
  emitter.setMaxListeners(0);

  const entry = (sessionId: string) => {
    let found = bySession.get(sessionId);
    if (!found) bySession.set(sessionId, (found = { last: 0, signals: [] }));
    return found;
  };

  return {
    async appendLiveSignals(sessionId, signals, at) {
      const log = entry(sessionId);
      const stored = signals.map((s) => ({
        sessionId,
        seq: ++log.last,
        at,
        from: s.from,
        to: s.to,
        message: structuredClone(s.message),
      }));
      log.signals.push(...stored);
      if (stored.length > 0) queueMicrotask(() => emitter.emit("appended", sessionId));
      return structuredClone(stored);
    },

    async listLiveSignals(sessionId, afterSeq, participantId, limit) {
      const log = bySession.get(sessionId);
      if (!log) return [];
      return structuredClone(
        log.signals
          .filter((s) => s.seq > afterSeq && s.from !== participantId && (s.to === null || s.to === participantId))
          .slice(0, limit),
      );
    },

    async oldestLiveSignal(sessionId) {
      return bySession.get(sessionId)?.signals[0]?.seq ?? null;
    },

    async lastLiveSignal(sessionId) {
      return bySession.get(sessionId)?.last ?? 0;
    },

    async pruneLiveSignals(before) {
      const cutoff = Date.parse(before);
      let removed = 0;
      for (const log of bySession.values()) {
        const keep = log.signals.filter((s) => Date.parse(s.at) >= cutoff);
        removed += log.signals.length - keep.length;
        log.signals = keep;
      }
      return removed;
    },

    watchLiveSignals(listener) {
      emitter.on("appended", listener);
      return () => emitter.off("appended", listener);
    },
  };
}
