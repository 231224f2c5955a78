// Live role-play in PostgreSQL (ADR 0054): sessions stored whole as jsonb beside the columns queries filter on, with
// optimistic concurrency on revision; ratings upserted by (session, user, kind, part); relayed signals in a short-lived
// table, numbered from the session row and announced with NOTIFY so every instance's streams hear of them.
import pg from "pg";
import type { LiveSession } from "~/core/live/session";
import { touchParticipant } from "~/core/live/presence";
import { ConflictError, NotFoundError, UniqueViolationError } from "../errors";
import { keepLatestPresence } from "../live-presence";
import type { LiveRating, LiveRecords, LiveSignal, LiveSignalRecords } from "../types";
import type { Db, Row } from "./context.server";
import { iso } from "./rows.server";

export const LIVE_SIGNAL_CHANNEL = "live_signals";

function toSession(row: Row): LiveSession {
  // The row's revision is the authority: the record's copy is rewritten with it on every save.
  return { ...(row.record as LiveSession), revision: Number(row.revision) };
}

function toRating(row: Row): LiveRating {
  return {
    sessionId: String(row.session_id),
    orgId: String(row.org_id),
    userId: String(row.user_id),
    kind: row.kind as LiveRating["kind"],
    part: String(row.part),
    final: row.final === true,
    answers: row.answers ?? null,
    updatedAt: iso(row.updated_at),
  };
}

function toSignal(row: Row): LiveSignal {
  return {
    sessionId: String(row.session_id),
    seq: Number(row.seq),
    at: iso(row.at),
    from: row.from_user === null ? null : String(row.from_user),
    to: row.to_user === null ? null : String(row.to_user),
    message: row.message,
  };
}

const userIds = (session: LiveSession) => [...new Set(session.participants.map((p) => p.userId))];

export function liveRecords(db: Db): LiveRecords {
  return {
    async createLiveSession(session) {
      const stored = { ...structuredClone(session), revision: 0 };
      try {
        const [row] = await db.rows(
          `INSERT INTO live_sessions (id, org_id, code, status, user_ids, record, revision, created_at, last_activity_at)
           VALUES ($1, $2, $3, $4, $5::text[], $6::jsonb, 0, $7, $8) RETURNING *`,
          [
            stored.id,
            stored.orgId,
            stored.code,
            stored.status,
            userIds(stored),
            JSON.stringify(stored),
            stored.createdAt,
            stored.lastActivityAt,
          ],
        );
        return toSession(row!);
      } catch (error) {
        if (error instanceof UniqueViolationError && error.field === "live_sessions_open_code")
          throw new UniqueViolationError("An open live session already has this join code.", "code");
        if (error instanceof UniqueViolationError)
          throw new UniqueViolationError("A live session with this id already exists.", "id");
        if (error instanceof NotFoundError)
          throw new NotFoundError(`Cannot start a live session: organisation ${stored.orgId} does not exist.`);
        throw error;
      }
    },

    async getLiveSession(orgId, id) {
      const [row] = await db.rows("SELECT * FROM live_sessions WHERE id = $1 AND org_id = $2", [id, orgId]);
      return row ? toSession(row) : null;
    },

    async findOpenLiveSessionByCode(code) {
      const [row] = await db.rows("SELECT * FROM live_sessions WHERE code = $1 AND status IN ('lobby', 'running')", [
        code,
      ]);
      return row ? toSession(row) : null;
    },

    async saveLiveSession(orgId, id, expectedRevision, next) {
      return db.transaction(async (tx) => {
        // Locked so a presence refresh cannot slip between the read and the write and be lost.
        const [current] = await tx.rows("SELECT * FROM live_sessions WHERE id = $1 AND org_id = $2 FOR UPDATE", [
          id,
          orgId,
        ]);
        if (!current) throw new NotFoundError(`Live session ${id} does not exist, so it cannot be saved.`);
        const stored = toSession(current);
        if (stored.revision !== expectedRevision) {
          throw new ConflictError(
            `Live session ${id} has moved on (revision ${stored.revision}, this change expected ${expectedRevision}).`,
          );
        }
        const saved: LiveSession = {
          ...keepLatestPresence(stored, structuredClone(next)),
          id: stored.id,
          orgId: stored.orgId,
          code: stored.code,
          revision: stored.revision + 1,
        };
        const [row] = await tx.rows(
          `UPDATE live_sessions SET status = $2, user_ids = $3::text[], record = $4::jsonb, revision = $5,
                  last_activity_at = $6
            WHERE id = $1 RETURNING *`,
          [id, saved.status, userIds(saved), JSON.stringify(saved), saved.revision, saved.lastActivityAt],
        );
        return toSession(row!);
      });
    },

    async touchLiveParticipant(sessionId, userId, at) {
      await db.transaction(async (tx) => {
        const [current] = await tx.rows("SELECT * FROM live_sessions WHERE id = $1 FOR UPDATE", [sessionId]);
        if (!current) return;
        const stored = toSession(current);
        const touched = touchParticipant(stored, userId, at);
        if (touched === stored) return;
        // The revision stays: a presence refresh must never make someone's change look stale.
        await tx.rows("UPDATE live_sessions SET record = $2::jsonb, last_activity_at = $3 WHERE id = $1", [
          sessionId,
          JSON.stringify(touched),
          touched.lastActivityAt,
        ]);
      });
    },

    async listLiveSessionsForUser(orgId, userId) {
      const rows = await db.rows(
        "SELECT * FROM live_sessions WHERE org_id = $1 AND user_ids @> ARRAY[$2]::text[] ORDER BY created_at DESC, seq DESC",
        [orgId, userId],
      );
      return rows.map(toSession);
    },

    async listLiveSessionsForOrg(orgId, filter = {}) {
      const params: unknown[] = [orgId];
      const where = ["org_id = $1"];
      if (filter.status !== undefined) where.push(`status = $${params.push(filter.status)}`);
      const rows = await db.rows(
        `SELECT * FROM live_sessions WHERE ${where.join(" AND ")} ORDER BY created_at DESC, seq DESC`,
        params,
      );
      return rows.map(toSession);
    },

    async listStaleLiveSessions(before, limit) {
      const rows = await db.rows(
        `SELECT * FROM live_sessions
          WHERE status IN ('lobby', 'running') AND (last_activity_at < $1 OR created_at < $2)
          ORDER BY last_activity_at, seq LIMIT $3`,
        [before.activity, before.created, limit],
      );
      return rows.map(toSession);
    },

    async saveLiveRating(rating) {
      const [session] = await db.rows("SELECT 1 FROM live_sessions WHERE id = $1 AND org_id = $2", [
        rating.sessionId,
        rating.orgId,
      ]);
      if (!session) throw new NotFoundError(`Live session ${rating.sessionId} does not exist, so it cannot be rated.`);
      const [row] = await db.rows(
        `INSERT INTO live_ratings (session_id, user_id, kind, part, org_id, final, answers, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)
         ON CONFLICT (session_id, user_id, kind, part)
         DO UPDATE SET final = EXCLUDED.final, answers = EXCLUDED.answers, updated_at = EXCLUDED.updated_at
         RETURNING *`,
        [
          rating.sessionId,
          rating.userId,
          rating.kind,
          rating.part,
          rating.orgId,
          rating.final,
          JSON.stringify(rating.answers ?? null),
          rating.updatedAt,
        ],
      );
      return toRating(row!);
    },

    async listLiveRatings(orgId, sessionId) {
      const rows = await db.rows("SELECT * FROM live_ratings WHERE org_id = $1 AND session_id = $2 ORDER BY seq", [
        orgId,
        sessionId,
      ]);
      return rows.map(toRating);
    },
  };
}

export interface LiveListenOptions {
  connectionString: string;
  /** Reconnect delay after the LISTEN connection drops (streams still poll every 2 s meanwhile). */
  retryMs?: number;
}

/**
 * Signals through the database. `watchLiveSignals` opens one dedicated LISTEN connection per store, lazily, and
 * reconnects it if it drops; a notification lost meanwhile is covered by the streams' own 2-second polling.
 */
export function liveSignalRecords(
  db: Db,
  listen: LiveListenOptions,
): LiveSignalRecords & { closeLive(): Promise<void> } {
  const listeners = new Set<(sessionId: string) => void>();
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const connect = () => {
    if (closed || client || connecting) return;
    const next = new pg.Client({ connectionString: listen.connectionString, application_name: "webside-live" });
    const dropped = () => {
      if (client === next) client = null;
      next.end().catch(() => {});
      if (!closed && listeners.size > 0) {
        retry = setTimeout(connect, listen.retryMs ?? 1000);
        retry.unref();
      }
    };
    next.on("error", dropped);
    next.on("end", () => {
      if (client === next) dropped();
    });
    next.on("notification", (note) => {
      if (note.channel !== LIVE_SIGNAL_CHANNEL || !note.payload) return;
      const sessionId = note.payload.slice(0, note.payload.lastIndexOf(":"));
      for (const listener of listeners) listener(sessionId);
    });
    connecting = next
      .connect()
      .then(() => next.query(`LISTEN ${LIVE_SIGNAL_CHANNEL}`))
      .then(() => {
        if (closed) return next.end();
        client = next;
      })
      .catch(dropped)
      .finally(() => {
        connecting = null;
      });
  };

  return {
    async appendLiveSignals(sessionId, signals, at) {
      if (signals.length === 0) return [];
      return db.transaction(async (tx) => {
        const [counter] = await tx.rows(
          "UPDATE live_sessions SET signal_seq = signal_seq + $2 WHERE id = $1 RETURNING signal_seq",
          [sessionId, signals.length],
        );
        if (!counter) throw new NotFoundError(`Live session ${sessionId} does not exist, so nothing can be relayed.`);
        const first = Number(counter.signal_seq) - signals.length + 1;
        const rows = await tx.rows(
          `INSERT INTO live_signals (session_id, seq, at, from_user, to_user, message)
           SELECT $1, $2::bigint + s.i - 1, $3, s.value->>'from', s.value->>'to', s.value->'message'
             FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS s(value, i)
           RETURNING *`,
          [sessionId, first, at, JSON.stringify(signals.map((s) => ({ from: s.from, to: s.to, message: s.message })))],
        );
        // Delivered when the transaction commits, so a listener never reads before the rows are visible.
        await tx.rows("SELECT pg_notify($1, $2)", [LIVE_SIGNAL_CHANNEL, `${sessionId}:${first + signals.length - 1}`]);
        return rows.map(toSignal).sort((a, b) => a.seq - b.seq);
      });
    },

    async listLiveSignals(sessionId, afterSeq, participantId, limit) {
      const rows = await db.rows(
        `SELECT * FROM live_signals
          WHERE session_id = $1 AND seq > $2 AND from_user IS DISTINCT FROM $3 AND (to_user IS NULL OR to_user = $3)
          ORDER BY seq LIMIT $4`,
        [sessionId, afterSeq, participantId, limit],
      );
      return rows.map(toSignal);
    },

    async oldestLiveSignal(sessionId) {
      const [row] = await db.rows("SELECT min(seq) AS seq FROM live_signals WHERE session_id = $1", [sessionId]);
      return row?.seq === null || row?.seq === undefined ? null : Number(row.seq);
    },

    async lastLiveSignal(sessionId) {
      const [row] = await db.rows("SELECT signal_seq FROM live_sessions WHERE id = $1", [sessionId]);
      return row ? Number(row.signal_seq) : 0;
    },

    async pruneLiveSignals(before) {
      const rows = await db.rows("DELETE FROM live_signals WHERE at < $1 RETURNING 1", [before]);
      return rows.length;
    },

    watchLiveSignals(listener) {
      listeners.add(listener);
      connect();
      return () => {
        listeners.delete(listener);
      };
    },

    async closeLive() {
      closed = true;
      if (retry) clearTimeout(retry);
      await connecting;
      const open = client;
      client = null;
      await open?.end().catch(() => {});
    },
  };
}
