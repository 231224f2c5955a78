// The storage record groups for live role-play (ADR 0054): sessions and ratings kept, relayed signals kept briefly.
// Part of the one storage interface in types.ts, which re-exports everything here.
import type { LiveSession } from "~/core/live/session";
import type { Id, Timestamp } from "./ids";

export type { LiveSession } from "~/core/live/session";

export type LiveRatingKind = "observer" | "patient";

/** An observer's rating of the learner, or an actor's patient-perspective answers for one part they played. */
export interface LiveRating {
  sessionId: Id;
  orgId: Id;
  userId: Id;
  kind: LiveRatingKind;
  /** The cast id for a patient's perspective; "" for an observer's rating (one per observer). */
  part: string;
  /** Drafts are saved as the rater goes; a final rating has passed the complete form's schema. */
  final: boolean;
  /** The form's answers, validated by app/core/live before they reach the store. Opaque to storage. */
  answers: unknown;
  updatedAt: Timestamp;
}

/** A signalling message kept briefly for relaying: numbered per session in the order it was appended. */
export interface LiveSignal {
  sessionId: Id;
  seq: number;
  at: Timestamp;
  /** The sender (stamped from the signed-in user), or null for Webside's own messages. */
  from: Id | null;
  /** The addressee of a directed message; null for everyone. */
  to: Id | null;
  message: unknown;
}

export type NewLiveSignal = Pick<LiveSignal, "from" | "to" | "message">;

export interface LiveRecords {
  /** UniqueViolationError (field "code") when an open session already has this code: the caller retries with another. */
  createLiveSession(session: LiveSession): Promise<LiveSession>;
  getLiveSession(orgId: Id, id: Id): Promise<LiveSession | null>;
  /** The lobby or running session with this normalised code, in any organisation (the caller checks membership). */
  findOpenLiveSessionByCode(code: string): Promise<LiveSession | null>;
  /** Saves `next` only if the stored revision is expectedRevision, then increments it. ConflictError when stale. */
  saveLiveSession(orgId: Id, id: Id, expectedRevision: number, next: LiveSession): Promise<LiveSession>;
  /**
   * Refreshes a present participant's lastSeenAt (and the session's activity) without changing the revision, so a
   * presence refresh never makes someone's change look stale. Unknown or departed participants are left alone.
   */
  touchLiveParticipant(sessionId: Id, userId: Id, at: Timestamp): Promise<void>;
  /** Sessions the user took part in (any role), newest first. */
  listLiveSessionsForUser(orgId: Id, userId: Id): Promise<LiveSession[]>;
  listLiveSessionsForOrg(orgId: Id, filter?: { status?: LiveSession["status"] }): Promise<LiveSession[]>;
  /** Open sessions with no activity since `before` (or created before `createdBefore`), oldest activity first. */
  listStaleLiveSessions(before: { activity: Timestamp; created: Timestamp }, limit: number): Promise<LiveSession[]>;
  /** Creates or replaces the rating for (session, user, kind, part). */
  saveLiveRating(rating: LiveRating): Promise<LiveRating>;
  listLiveRatings(orgId: Id, sessionId: Id): Promise<LiveRating[]>;
}

/** Short-lived relayed signals: in memory on lowdb (one process), a table plus LISTEN/NOTIFY on PostgreSQL. */
export interface LiveSignalRecords {
  /** Numbers the signals in order after the session's last one and returns them as stored. */
  appendLiveSignals(sessionId: Id, signals: NewLiveSignal[], at: Timestamp): Promise<LiveSignal[]>;
  /** Signals after `afterSeq` meant for `participantId` (addressed to them or to everyone, not sent by them), oldest first. */
  listLiveSignals(sessionId: Id, afterSeq: number, participantId: Id, limit: number): Promise<LiveSignal[]>;
  /** The number of the oldest signal still kept for the session, or null when none is. */
  oldestLiveSignal(sessionId: Id): Promise<number | null>;
  /** The session's last number handed out (0 before any), so a new stream starts after it. */
  lastLiveSignal(sessionId: Id): Promise<number>;
  /** Deletes signals appended before `before`; returns how many went. */
  pruneLiveSignals(before: Timestamp): Promise<number>;
  /** Calls `listener(sessionId)` when signals may have been appended to a session (any instance). Returns an unsubscribe. */
  watchLiveSignals(listener: (sessionId: Id) => void): () => void;
}
