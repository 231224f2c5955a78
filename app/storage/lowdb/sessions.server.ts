// Server-side login sessions in the lowdb store: creation, touch, organisation switch and revocation.
import { NotFoundError, UniqueViolationError } from "../errors";
import type { Session, SessionRecords } from "../types";
import type { LowdbData } from "./data.server";
import type { LowdbDatabase } from "./database.server";

/** Removes the sessions `doomed` picks; writes only if something goes. Resolves with how many went. */
async function removeSessions(db: LowdbDatabase, doomed: (session: Session) => boolean): Promise<number> {
  if (!db.data().sessions.some(doomed)) return 0;
  return db.mutate((data: LowdbData) => {
    const before = data.sessions.length;
    data.sessions = data.sessions.filter((s) => !doomed(s));
    return before - data.sessions.length;
  });
}

export function sessionRecords(db: LowdbDatabase): SessionRecords {
  return {
    async createSession(session) {
      return db.mutate((data) => {
        if (data.sessions.some((s) => s.id === session.id)) {
          throw new UniqueViolationError("A session with this id already exists.", "id");
        }
        const stored: Session = {
          id: session.id,
          userId: session.userId,
          orgId: session.orgId,
          createdAt: session.createdAt,
          lastSeenAt: session.lastSeenAt,
          expiresAt: session.expiresAt,
        };
        data.sessions.push(stored);
        return stored;
      });
    },

    async getSession(id) {
      const found = db.data().sessions.find((s) => s.id === id);
      return found ? structuredClone(found) : null;
    },

    async touchSession(id, lastSeenAt) {
      // A session deleted meanwhile (logout in another tab) needs no touch; that is not an error for the request.
      if (!db.data().sessions.some((s) => s.id === id)) return;
      await db.mutate((data) => {
        const session = data.sessions.find((s) => s.id === id);
        if (session) session.lastSeenAt = lastSeenAt;
      });
    },

    async switchSessionOrg(id, orgId) {
      await db.mutate((data) => {
        const session = data.sessions.find((s) => s.id === id);
        if (!session)
          throw new NotFoundError("This session has ended, so it cannot switch organisation. Log in again.");
        session.orgId = orgId;
      });
    },

    async deleteSession(id) {
      await removeSessions(db, (s) => s.id === id);
    },

    async deleteSessionsForUser(userId, exceptSessionId) {
      return removeSessions(db, (s) => s.userId === userId && s.id !== exceptSessionId);
    },

    async deleteExpiredSessions(now, idleCutoff) {
      // Same rule as isSessionLive: gone once the absolute expiry is reached or it was last seen at or before the cutoff.
      const nowMs = Date.parse(now);
      const cutoffMs = Date.parse(idleCutoff);
      return removeSessions(db, (s) => Date.parse(s.expiresAt) <= nowMs || Date.parse(s.lastSeenAt) <= cutoffMs);
    },
  };
}
