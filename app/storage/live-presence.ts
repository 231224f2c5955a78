// Shared by both adapters' saveLiveSession: presence refreshes land without a revision change, so a save computed
// from an earlier read must not wind anyone's lastSeenAt (or the session's activity) back.
import { later } from "~/core/live/presence";
import type { LiveSession } from "~/core/live/session";

export function keepLatestPresence(stored: LiveSession, next: LiveSession): LiveSession {
  const seen = new Map(stored.participants.map((p) => [p.userId, p.lastSeenAt]));
  return {
    ...next,
    participants: next.participants.map((p) => {
      const before = seen.get(p.userId);
      return before === undefined ? p : { ...p, lastSeenAt: later(p.lastSeenAt, before) };
    }),
    lastActivityAt: later(next.lastActivityAt, stored.lastActivityAt),
  };
}
