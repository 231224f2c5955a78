// The browser's side of live signalling: a server-sent event stream that resumes from its last event, and ordered POSTs.
import { readDeliveredSignal, readPeerMessage, utf8Bytes } from "~/core/live/signal-parse";
import { SIGNAL_LIMITS, type DeliveredSignal, type PeerMessage } from "~/core/live/signal-schema";

export type SignallingStatus =
  | { state: "connecting" }
  | { state: "open" }
  | { state: "reconnecting"; attempt: number }
  | { state: "closed"; reason: string };

/** The part of EventSource the client uses, so tests can hand it a fake. */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent<string>) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: "closed", listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export type FetchLike = (
  url: string,
  init: RequestInit,
) => Promise<Pick<Response, "ok" | "status" | "headers" | "text">>;

export interface SignallingClientOptions {
  /** GET: this participant's event stream. The server sends `id:` with each event and honours Last-Event-ID. */
  streamUrl: string;
  /** POST: `{"messages": [...]}`, relayed in order. */
  sendUrl: string;
  onSignal(signal: DeliveredSignal): void;
  onStatus?(status: SignallingStatus): void;
  /** Something refused or unreadable, for diagnostics; the call carries on. */
  onProblem?(message: string): void;
  openEventSource?: (url: string) => EventSourceLike;
  fetch?: FetchLike;
  /** Waits between attempts, the last one repeating. */
  retryDelaysMs?: readonly number[];
  /** Attempts to reopen a stream the browser gave up on before telling the person to reload. */
  maxStreamAttempts?: number;
  maxSendAttempts?: number;
}

export interface SignallingClient {
  send(message: PeerMessage): void;
  /** The id of the last relayed message received (where a new stream resumes). */
  lastEventId(): string | null;
  /** Stops the stream; anything still queued (a goodbye) is sent with keepalive so it survives the page closing. */
  close(): void;
}

const CLOSED = 2;
const CONNECTING = 0;
export const DEFAULT_RETRY_DELAYS_MS = [500, 1000, 2000, 5000, 10_000] as const;

export function createSignallingClient(options: SignallingClientOptions): SignallingClient {
  const open = options.openEventSource ?? ((url: string) => new EventSource(url) as EventSourceLike);
  const fetcher: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const delay = (attempt: number) => delays[Math.min(attempt, delays.length) - 1] ?? 1000;
  const maxStreamAttempts = options.maxStreamAttempts ?? 30;
  const maxSendAttempts = options.maxSendAttempts ?? 6;
  const problem = (message: string) => options.onProblem?.(message);

  let source: EventSourceLike | null = null;
  let lastId: bigint | null = null;
  let streamAttempts = 0;
  let stopped = false;
  let reopenTimer: ReturnType<typeof setTimeout> | null = null;
  const queue: PeerMessage[] = [];
  let flushing = false;

  function stop(reason: string): void {
    if (stopped) return;
    stopped = true;
    source?.close();
    if (reopenTimer !== null) clearTimeout(reopenTimer);
    options.onStatus?.({ state: "closed", reason });
  }

  function receive(data: string): void {
    const reading = readDeliveredSignal(data);
    if (!reading.ok) return problem(reading.reason);
    const signal = reading.value;
    const id = BigInt(signal.id);
    // Relayed messages can be replayed after a reconnect: each is applied once. Webside's own messages describe the
    // current state (presence, script step), so they are always applied, even when they carry an older id.
    if (signal.from !== null) {
      if (lastId !== null && id <= lastId) return;
      lastId = id;
    }
    options.onSignal(signal);
  }

  function openStream(): void {
    if (stopped) return;
    options.onStatus?.(
      streamAttempts === 0 ? { state: "connecting" } : { state: "reconnecting", attempt: streamAttempts },
    );
    // A new EventSource cannot set Last-Event-ID itself, so the resume point goes in the query.
    const url = lastId === null ? options.streamUrl : withQuery(options.streamUrl, "lastEventId", String(lastId));
    const stream = open(url);
    source = stream;
    stream.onopen = () => {
      streamAttempts = 0;
      options.onStatus?.({ state: "open" });
    };
    stream.onmessage = (event) => receive(event.data);
    stream.addEventListener("closed", (event) => stop(readReason(event.data)));
    stream.onerror = () => {
      if (stopped || source !== stream) return;
      if (stream.readyState === CONNECTING) {
        // The browser is reconnecting by itself and sends Last-Event-ID.
        options.onStatus?.({ state: "reconnecting", attempt: 0 });
        return;
      }
      if (stream.readyState !== CLOSED) return;
      // The browser gave up (an error status, a proxy's page): try again ourselves, more slowly each time.
      stream.close();
      streamAttempts += 1;
      if (streamAttempts > maxStreamAttempts) {
        stop("Lost contact with Webside. Check your connection, then reload the page.");
        return;
      }
      options.onStatus?.({ state: "reconnecting", attempt: streamAttempts });
      reopenTimer = setTimeout(openStream, delay(streamAttempts));
    };
  }

  /** The next batch: as many queued messages, in order, as fit the count and size limits. */
  function takeBatch(): PeerMessage[] {
    const batch: PeerMessage[] = [];
    while (queue.length > 0 && batch.length < SIGNAL_LIMITS.messagesPerBatch) {
      const next = queue[0]!;
      if (batch.length > 0 && utf8Bytes(JSON.stringify({ messages: [...batch, next] })) > SIGNAL_LIMITS.batchBytes)
        break;
      batch.push(queue.shift()!);
    }
    return batch;
  }

  async function post(batch: PeerMessage[]): Promise<void> {
    const body = JSON.stringify({ messages: batch });
    for (let attempt = 1; attempt <= maxSendAttempts && !stopped; attempt++) {
      let retryAfterMs = delay(attempt);
      try {
        const response = await fetcher(options.sendUrl, {
          method: "POST",
          headers: { "content-type": "application/json" },
          credentials: "same-origin",
          body,
        });
        if (response.ok) return;
        if (response.status !== 429 && response.status < 500) {
          // Refused for good (not in the session, a malformed message): sending it again would be refused again.
          problem(`Webside refused ${batch.length} signalling message(s): ${await readRefusal(response)}`);
          return;
        }
        const retryAfter = Number(response.headers.get("retry-after"));
        if (Number.isFinite(retryAfter) && retryAfter > 0) retryAfterMs = retryAfter * 1000;
      } catch {
        // A network error: the same batch is sent again, so the order of offers and candidates holds.
      }
      if (attempt < maxSendAttempts) await new Promise((resolve) => setTimeout(resolve, retryAfterMs));
    }
    if (!stopped) problem(`Could not send ${batch.length} signalling message(s) after ${maxSendAttempts} attempts.`);
  }

  async function flush(): Promise<void> {
    if (flushing) return;
    flushing = true;
    try {
      while (queue.length > 0 && !stopped) await post(takeBatch());
    } finally {
      flushing = false;
    }
  }

  openStream();

  return {
    send(message) {
      if (stopped) return;
      const check = readPeerMessage(message);
      if (!check.ok) return problem(`Not sent: ${check.reason}`);
      queue.push(message);
      // Wait a moment so messages made together (an offer and its first candidates) travel in one request.
      queueMicrotask(() => void flush());
    },
    lastEventId: () => (lastId === null ? null : String(lastId)),
    close() {
      const pending = queue.splice(0, SIGNAL_LIMITS.messagesPerBatch);
      stop("Closed.");
      if (pending.length > 0) {
        fetcherSafe(fetcher, options.sendUrl, {
          method: "POST",
          headers: { "content-type": "application/json" },
          credentials: "same-origin",
          body: JSON.stringify({ messages: pending }),
          keepalive: true,
        });
      }
    },
  };
}

function fetcherSafe(fetcher: FetchLike, url: string, init: RequestInit): void {
  fetcher(url, init).catch(() => undefined);
}

function withQuery(url: string, key: string, value: string): string {
  return `${url}${url.includes("?") ? "&" : "?"}${key}=${encodeURIComponent(value)}`;
}

function readReason(data: string): string {
  try {
    const value = JSON.parse(data) as { reason?: unknown };
    if (typeof value.reason === "string" && value.reason.length > 0) return value.reason.slice(0, 300);
  } catch {
    // fall through
  }
  return "The live session has closed.";
}

async function readRefusal(response: Pick<Response, "status" | "text">): Promise<string> {
  const text = await response.text().catch(() => "");
  try {
    const value = JSON.parse(text) as { error?: unknown };
    if (typeof value.error === "string") return value.error.slice(0, 300);
  } catch {
    // Not JSON: use the text.
  }
  return text.slice(0, 300) || `HTTP ${response.status}`;
}
