// Signalling load for bench:live: every participant of every session holds its event stream and posts ICE candidates
// to a colleague at a steady, jittered pace; the latency of a message is from just before its POST leaves this process
// to its arrival on the addressee's stream (POST -> checked -> stored -> announced -> read -> written to the stream).
import { randomBytes } from "node:crypto";
import { seededRandom } from "./seed";
import { elapsedMs } from "./stats";
import { openEventStream, type BenchSession, type EventStream, type LiveParticipant } from "./live-sessions";

export interface SignallingResult {
  /** Milliseconds from POST to arrival, for messages sent in the measured window. */
  latencies: number[];
  /** Messages posted (and acknowledged) in the measured window. */
  sent: number;
  /** Acknowledged in the window but never delivered before the drain ended. */
  lost: number;
  /** Delivered to someone other than the addressee (must stay 0). */
  misrouted: number;
  /** Posts refused or failed, by HTTP status or error code. */
  errors: Record<string, number>;
  seconds: number;
}

export interface SignallingOptions {
  warmupMs: number;
  durationMs: number;
  /** Mean pause between one participant's messages (each pause is 0.5x-1.5x this). */
  meanIntervalMs: number;
  /** How long to wait after the window for messages still in flight. */
  drainMs: number;
  seed?: number;
}

interface Pending {
  sent: bigint;
  to: string;
  recorded: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A candidate line shaped like a browser's host candidate, carrying the message's number where the ufrag goes. */
function candidateMessage(n: number, from: string, to: { userId: string; connection: string }, fromConnection: string) {
  return {
    type: "candidate",
    connection: fromConnection,
    to: to.userId,
    toConnection: to.connection,
    candidate: {
      candidate: `candidate:${n % 100_000} 1 udp 2122260223 127.0.0.1 ${40_000 + (n % 20_000)} typ host generation 0 ufrag b${n}`,
      sdpMid: "0",
      sdpMLineIndex: 0,
      usernameFragment: from.slice(0, 32),
    },
  };
}

export async function runSignallingLoad(
  sessions: BenchSession[],
  options: SignallingOptions,
): Promise<SignallingResult> {
  const random = seededRandom(options.seed ?? 17);
  const result: SignallingResult = {
    latencies: [],
    sent: 0,
    lost: 0,
    misrouted: 0,
    errors: {},
    seconds: options.durationMs / 1000,
  };
  const pending = new Map<number, Pending>();
  const streams: EventStream[] = [];
  const connectionOf = new Map<LiveParticipant, string>();
  let counter = 0;

  const receiver = (me: LiveParticipant) => (data: string) => {
    let signal: { message?: { type?: string; candidate?: { candidate?: string } } };
    try {
      signal = JSON.parse(data) as typeof signal;
    } catch {
      return;
    }
    if (signal.message?.type !== "candidate") return;
    const n = Number(/ ufrag b([0-9]+)$/.exec(signal.message.candidate?.candidate ?? "")?.[1]);
    const entry = pending.get(n);
    if (!entry) return;
    if (entry.to !== me.userId) {
      result.misrouted++;
      return;
    }
    pending.delete(n);
    if (entry.recorded) result.latencies.push(elapsedMs(entry.sent));
  };

  try {
    // Streams open a few at a time, as people arrive, rather than all in the same millisecond.
    const everyone = sessions.flatMap((s) => s.participants.map((p) => ({ session: s, participant: p })));
    for (let i = 0; i < everyone.length; i += 20) {
      await Promise.all(
        everyone.slice(i, i + 20).map(async ({ session, participant }) => {
          connectionOf.set(participant, `bench${randomBytes(6).toString("hex")}`);
          const stream = openEventStream(
            participant.base,
            session.id,
            participant.client.cookie ?? "",
            receiver(participant),
          );
          streams.push(stream);
          await stream.opened;
        }),
      );
    }

    const start = Date.now();
    const recordFrom = start + options.warmupMs;
    const stopAt = recordFrom + options.durationMs;
    const talk = async (session: BenchSession, me: LiveParticipant) => {
      const others = session.participants.filter((p) => p !== me);
      // Start out of step with the others, then pause about the mean interval between messages.
      await sleep(random() * options.meanIntervalMs);
      while (Date.now() < stopAt) {
        const to = others[Math.floor(random() * others.length)]!;
        const n = ++counter;
        const body = {
          messages: [
            candidateMessage(
              n,
              me.userId,
              { userId: to.userId, connection: connectionOf.get(to)! },
              connectionOf.get(me)!,
            ),
          ],
        };
        const recorded = Date.now() >= recordFrom;
        pending.set(n, { sent: process.hrtime.bigint(), to: to.userId, recorded });
        try {
          const reply = await me.client.postJson(`/live/${session.id}/signal`, body, me.base, 10_000);
          if (reply.status !== 200) {
            pending.delete(n);
            if (recorded) result.errors[`HTTP ${reply.status}`] = (result.errors[`HTTP ${reply.status}`] ?? 0) + 1;
          } else if (recorded) result.sent++;
        } catch (error) {
          pending.delete(n);
          const code = (error as NodeJS.ErrnoException).code ?? "network error";
          if (recorded) result.errors[code] = (result.errors[code] ?? 0) + 1;
        }
        await sleep(options.meanIntervalMs * (0.5 + random()));
      }
    };
    await Promise.all(sessions.flatMap((s) => s.participants.map((p) => talk(s, p))));

    const drainUntil = Date.now() + options.drainMs;
    const waiting = () => [...pending.values()].some((p) => p.recorded);
    while (waiting() && Date.now() < drainUntil) await sleep(50);
    result.lost = [...pending.values()].filter((p) => p.recorded).length;
    return result;
  } finally {
    for (const stream of streams) stream.close();
  }
}
