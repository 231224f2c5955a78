// The signalling relay (ADR 0054): a participant posts offers, answers, candidates and hellos for Webside to relay, and
// holds one server-sent-events stream that delivers what is meant for them, with Webside's presence, script and
// session messages. Media never passes through here; only these small messages do, kept at most two minutes.
import type { AppLoadContext } from "@remix-run/node";
import {
  LIVE_LIMITS,
  SIGNAL_LIMITS,
  closedMessage,
  isOpen,
  maySignal,
  participantOf,
  readSignalBatch,
  settle,
  type DeliveredSignal,
  type LiveSession,
} from "~/core/live";
import type { LiveSignal } from "~/storage/types";
import type { Viewer } from "~/utils/auth.server";
import { presenceMessage, publishPresence, scriptMessage, sessionMessage } from "./broadcast.server";
import { withStatus } from "./sessions.server";

export type SignalOutcome =
  { ok: true; relayed: number } | { ok: false; status: number; message: string; retryAfterSeconds?: number };

/** Messages per participant in the current minute, per instance (enough to stop a runaway page; see ADR 0054). */
const sent = new Map<string, { windowStart: number; count: number }>();

function overBudget(key: string, count: number, nowMs: number): number | null {
  const entry = sent.get(key);
  if (!entry || nowMs - entry.windowStart >= 60_000) {
    if (sent.size > 10_000) sent.clear();
    sent.set(key, { windowStart: nowMs, count });
    return count > SIGNAL_LIMITS.messagesPerMinute ? 60 : null;
  }
  if (entry.count + count > SIGNAL_LIMITS.messagesPerMinute) {
    return Math.max(1, Math.ceil((entry.windowStart + 60_000 - nowMs) / 1000));
  }
  entry.count += count;
  return null;
}

/** Checks and relays one posted batch; the sender is the signed-in user, whatever the body says. */
export async function postLiveSignals(
  context: AppLoadContext,
  viewer: Viewer,
  session: LiveSession,
  body: string,
): Promise<SignalOutcome> {
  const now = context.now();
  const allowed = maySignal(session, viewer.user.id, now.toISOString());
  if (!allowed.ok) {
    const refusal = withStatus(allowed);
    return { ok: false, status: refusal.status, message: refusal.message };
  }
  const batch = readSignalBatch(body);
  if (!batch.ok) return { ok: false, status: 400, message: batch.reason };
  for (const message of batch.value) {
    const to = "to" in message ? message.to : undefined;
    if (to !== undefined && (to === viewer.user.id || !participantOf(session, to))) {
      return { ok: false, status: 400, message: `A "${message.type}" message is addressed to nobody in this session.` };
    }
  }
  const wait = overBudget(`${session.id}:${viewer.user.id}`, batch.value.length, now.getTime());
  if (wait !== null) {
    return {
      ok: false,
      status: 429,
      message: `Too many signalling messages; wait ${wait} seconds.`,
      retryAfterSeconds: wait,
    };
  }
  await context.store.appendLiveSignals(
    session.id,
    batch.value.map((message) => ({
      from: viewer.user.id,
      to: "to" in message && message.to !== undefined ? message.to : null,
      message,
    })),
    now.toISOString(),
  );
  return { ok: true, relayed: batch.value.length };
}

/** Where a stream starts: after the id the browser last saw (header first, then the query), or from now. */
export function resumePoint(request: Request): number | null {
  const url = new URL(request.url);
  const raw = request.headers.get("Last-Event-ID") ?? url.searchParams.get("lastEventId");
  if (raw === null || !/^[0-9]{1,15}$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

export interface LiveStreamTimings {
  pingMs: number;
  pollMs: number;
  touchMs: number;
  goneAfterMs: number;
}

const TIMINGS: LiveStreamTimings = {
  pingMs: 15_000,
  pollMs: 2_000,
  touchMs: LIVE_LIMITS.presenceRefreshMs,
  goneAfterMs: 5_000,
};

const encoder = new TextEncoder();

function event(signal: DeliveredSignal, name?: string): Uint8Array {
  return encoder.encode(`${name ? `event: ${name}\n` : ""}id: ${signal.id}\ndata: ${JSON.stringify(signal)}\n\n`);
}

function delivered(signal: LiveSignal): DeliveredSignal {
  return {
    id: String(signal.seq),
    at: signal.at,
    from: signal.from,
    message: signal.message as DeliveredSignal["message"],
  };
}

/**
 * The participant's event stream. It opens with the current presence, script and session state, then delivers new
 * messages as the store announces them (and every 2 s in case an announcement was lost), refreshes the participant's
 * presence every 10 s, pings every 15 s, and ends with `event: closed` when the session closes.
 */
export function openLiveEventStream(
  context: AppLoadContext,
  viewer: Viewer,
  session: LiveSession,
  request: Request,
  timings: LiveStreamTimings = TIMINGS,
): Response {
  const userId = viewer.user.id;
  const allowed = maySignal(session, userId, context.now().toISOString());
  if (!allowed.ok) {
    const refusal = withStatus(allowed);
    return new Response(refusal.message, { status: refusal.status });
  }
  const requested = resumePoint(request);
  const timers: Array<ReturnType<typeof setInterval>> = [];
  let finished = false;
  let unsubscribe = () => {};

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (bytes: Uint8Array) => {
        if (!finished) controller.enqueue(bytes);
      };
      const finish = () => {
        if (finished) return;
        finished = true;
        unsubscribe();
        for (const timer of timers) clearInterval(timer);
        try {
          controller.close();
        } catch {
          // The client has gone already.
        }
        // Shown as away only if no other page of theirs (on any instance) refreshed presence meanwhile.
        setTimeout(() => {
          void context.store
            .getLiveSession(session.orgId, session.id)
            .then((s) => (s && isOpen(s) ? publishPresence(context, s) : undefined))
            .catch(() => undefined);
        }, timings.goneAfterMs).unref?.();
      };
      request.signal.addEventListener("abort", finish);

      const last = await context.store.lastLiveSignal(session.id);
      const oldest = await context.store.oldestLiveSignal(session.id);
      let after = last;
      const now = () => context.now().toISOString();
      const own = (message: DeliveredSignal["message"]): DeliveredSignal => ({
        id: String(after),
        at: now(),
        from: null,
        message,
      });
      if (requested !== null) {
        // Everything after `requested` is still kept (or nothing was missed): resume there; otherwise start afresh.
        const kept = requested === last || (requested < last && oldest !== null && requested >= oldest - 1);
        if (kept) after = requested;
        else send(event(own({ type: "resync" })));
      }

      await context.store.touchLiveParticipant(session.id, userId, now());
      const current = (await context.store.getLiveSession(session.orgId, session.id)) ?? session;
      send(event(own(presenceMessage(current, now()))));
      const script = await scriptMessage(context, current, now());
      if (script) send(event(own(script)));
      send(event(own(sessionMessage(current))));
      await publishPresence(context, current);

      let reading = false;
      let again = false;
      const deliver = async () => {
        if (finished) return;
        if (reading) {
          again = true;
          return;
        }
        reading = true;
        try {
          do {
            again = false;
            for (;;) {
              const batch = await context.store.listLiveSignals(session.id, after, userId, 100);
              for (const signal of batch) {
                after = signal.seq;
                send(event(delivered(signal)));
                const message = signal.message as DeliveredSignal["message"];
                if (message.type === "session" && message.status !== "lobby" && message.status !== "running") {
                  const closed = (await context.store.getLiveSession(session.orgId, session.id)) ?? current;
                  send(encoder.encode(`event: closed\ndata: ${JSON.stringify({ reason: closedMessage(closed) })}\n\n`));
                  finish();
                  return;
                }
              }
              if (batch.length < 100) break;
            }
          } while (again && !finished);
        } catch {
          // A store hiccup: the next poll tries again.
        } finally {
          reading = false;
        }
      };

      unsubscribe = context.store.watchLiveSignals((id) => {
        if (id === session.id) void deliver();
      });
      timers.push(setInterval(() => void deliver(), timings.pollMs));
      timers.push(setInterval(() => send(encoder.encode(": ping\n\n")), timings.pingMs));
      timers.push(
        setInterval(() => {
          void (async () => {
            await context.store.touchLiveParticipant(session.id, userId, now());
            const fresh = await context.store.getLiveSession(session.orgId, session.id);
            // An abandoned session expires by the clock: nobody posts a message for that, so the stream notices.
            if (fresh && !isOpen(settle(fresh, now()))) {
              send(
                encoder.encode(
                  `event: closed\ndata: ${JSON.stringify({ reason: closedMessage(settle(fresh, now())) })}\n\n`,
                ),
              );
              finish();
            }
          })().catch(() => undefined);
        }, timings.touchMs),
      );
      if (request.signal.aborted) finish();
      else void deliver();
    },
    cancel() {
      finished = true;
      unsubscribe();
      for (const timer of timers) clearInterval(timer);
    },
  });

  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      // Tells nginx-style proxies not to hold the stream back.
      "X-Accel-Buffering": "no",
    },
  });
}
