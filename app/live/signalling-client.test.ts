import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DeliveredSignal, PeerMessage } from "~/core/live/signal-schema";
import {
  createSignallingClient,
  type EventSourceLike,
  type FetchLike,
  type SignallingClientOptions,
  type SignallingStatus,
} from "./signalling-client";

class FakeEventSource implements EventSourceLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent<string>) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closedListener: ((event: MessageEvent<string>) => void) | null = null;
  constructor(readonly url: string) {}
  addEventListener(_type: "closed", listener: (event: MessageEvent<string>) => void) {
    this.closedListener = listener;
  }
  close() {
    this.readyState = 2;
  }
  opened() {
    this.readyState = 1;
    this.onopen?.(new Event("open"));
  }
  event(data: unknown) {
    this.onmessage?.({ data: typeof data === "string" ? data : JSON.stringify(data) } as MessageEvent<string>);
  }
  fail(readyState: 0 | 2) {
    this.readyState = readyState;
    this.onerror?.(new Event("error"));
  }
}

const hello: PeerMessage = { type: "hello", connection: "conn-aaaa1111", media: { camera: true, microphone: true } };
const candidate = (n: number): PeerMessage => ({
  type: "candidate",
  connection: "conn-aaaa1111",
  to: "bob",
  toConnection: "conn-bbbb2222",
  candidate: { candidate: `candidate:${n} 1 udp 1 192.0.2.1 ${1000 + n} typ host`, sdpMid: "0", sdpMLineIndex: 0 },
});
const relayed = (id: number, message: PeerMessage = hello, from: string | null = "alice") => ({
  id: String(id),
  at: "2026-12-10T09:00:00.000Z",
  from,
  message,
});

function setup(overrides: Partial<SignallingClientOptions> = {}, responses: Array<number | Error> = []) {
  const sources: FakeEventSource[] = [];
  const signals: DeliveredSignal[] = [];
  const statuses: SignallingStatus[] = [];
  const problems: string[] = [];
  const posts: Array<{ body: unknown; keepalive: boolean }> = [];
  const fetch: FetchLike = async (_url, init) => {
    posts.push({ body: JSON.parse(String(init.body)), keepalive: init.keepalive === true });
    const next = responses.shift() ?? 204;
    if (next instanceof Error) throw next;
    return {
      ok: next < 300,
      status: next,
      headers: new Headers(next === 429 ? { "retry-after": "2" } : {}),
      text: async () => JSON.stringify({ ok: false, error: "You are not in this live session." }),
    };
  };
  const client = createSignallingClient({
    streamUrl: "/live/s1/events",
    sendUrl: "/live/s1/signal",
    onSignal: (signal) => signals.push(signal),
    onStatus: (status) => statuses.push(status),
    onProblem: (message) => problems.push(message),
    openEventSource: (url) => {
      const source = new FakeEventSource(url);
      sources.push(source);
      return source;
    },
    fetch,
    retryDelaysMs: [100, 200],
    ...overrides,
  });
  return { client, sources, signals, statuses, problems, posts };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("the signalling stream", () => {
  it("delivers valid events once each, and reports unreadable ones", () => {
    const { sources, signals, problems, client } = setup();
    sources[0]!.opened();
    sources[0]!.event(relayed(1));
    sources[0]!.event(relayed(2));
    sources[0]!.event(relayed(2));
    sources[0]!.event("{broken");
    sources[0]!.event({ ...relayed(3), message: { type: "file" } });
    expect(signals.map((s) => s.id)).toEqual(["1", "2"]);
    expect(problems).toHaveLength(2);
    expect(client.lastEventId()).toBe("2");
  });

  it("applies Webside's own state messages even when their id is not newer", () => {
    const { sources, signals } = setup();
    sources[0]!.event(relayed(7));
    sources[0]!.event({
      ...relayed(7, undefined, null),
      message: { type: "session", status: "running", endReason: null },
    });
    expect(signals.map((s) => s.message.type)).toEqual(["hello", "session"]);
  });

  it("lets the browser reconnect by itself, and reopens a stream it gave up on from the last id", async () => {
    const { sources, statuses } = setup();
    sources[0]!.opened();
    sources[0]!.event(relayed(41));
    sources[0]!.fail(0);
    expect(statuses.at(-1)).toEqual({ state: "reconnecting", attempt: 0 });
    expect(sources).toHaveLength(1);
    sources[0]!.fail(2);
    expect(statuses.at(-1)).toEqual({ state: "reconnecting", attempt: 1 });
    await vi.advanceTimersByTimeAsync(100);
    expect(sources).toHaveLength(2);
    expect(sources[1]!.url).toBe("/live/s1/events?lastEventId=41");
    sources[1]!.opened();
    expect(statuses.at(-1)).toEqual({ state: "open" });
  });

  it("gives up after the allowed attempts with a message that says what to do", async () => {
    const { sources, statuses } = setup({ maxStreamAttempts: 2 });
    sources[0]!.fail(2);
    await vi.advanceTimersByTimeAsync(100);
    sources[1]!.fail(2);
    await vi.advanceTimersByTimeAsync(200);
    sources[2]!.fail(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sources).toHaveLength(3);
    expect(statuses.at(-1)).toEqual({ state: "closed", reason: expect.stringMatching(/reload the page/) });
  });

  it("stops for good when Webside closes the session's stream", async () => {
    const { sources, statuses } = setup();
    sources[0]!.closedListener?.({ data: JSON.stringify({ reason: "This live session has ended." }) } as MessageEvent);
    sources[0]!.fail(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sources).toHaveLength(1);
    expect(statuses.at(-1)).toEqual({ state: "closed", reason: "This live session has ended." });
  });
});

describe("sending", () => {
  it("sends messages made together in one request, in order", async () => {
    const { client, posts } = setup();
    client.send(hello);
    client.send(candidate(1));
    client.send(candidate(2));
    await vi.runAllTimersAsync();
    expect(posts).toEqual([{ body: { messages: [hello, candidate(1), candidate(2)] }, keepalive: false }]);
  });

  it("keeps to 20 messages a request", async () => {
    const { client, posts } = setup();
    for (let i = 0; i < 25; i++) client.send(candidate(i));
    await vi.runAllTimersAsync();
    expect(posts.map((p) => (p.body as { messages: unknown[] }).messages.length)).toEqual([20, 5]);
  });

  it("retries the same batch after a network error or overload, so nothing overtakes it", async () => {
    const { client, posts, problems } = setup({}, [new TypeError("offline"), 503, 429, 204, 204]);
    client.send(candidate(1));
    await vi.advanceTimersByTimeAsync(0);
    client.send(candidate(2));
    await vi.runAllTimersAsync();
    const sent = posts.map(
      (p) => (p.body as { messages: Array<{ candidate: { candidate: string } }> }).messages.length,
    );
    expect(sent).toEqual([1, 1, 1, 1, 1]);
    expect(posts.slice(0, 4).every((p) => JSON.stringify(p.body).includes("candidate:1 "))).toBe(true);
    expect(JSON.stringify(posts[4]!.body)).toContain("candidate:2 ");
    expect(problems).toEqual([]);
  });

  it("drops a refused batch with the reason, and carries on with the next", async () => {
    const { client, posts, problems } = setup({}, [403, 204]);
    client.send(candidate(1));
    await vi.advanceTimersByTimeAsync(0);
    client.send(candidate(2));
    await vi.runAllTimersAsync();
    expect(posts).toHaveLength(2);
    expect(problems).toEqual(["Webside refused 1 signalling message(s): You are not in this live session."]);
  });

  it("refuses to queue a message the schema refuses", async () => {
    const { client, posts, problems } = setup();
    client.send({ ...hello, connection: "x" });
    await vi.runAllTimersAsync();
    expect(posts).toEqual([]);
    expect(problems[0]).toMatch(/^Not sent: The message \(hello\) was refused: connection:/);
  });

  it("sends a last goodbye with keepalive on close, then nothing more", async () => {
    const { client, posts, sources } = setup({}, [new TypeError("offline")]);
    client.send(hello);
    await vi.advanceTimersByTimeAsync(0);
    client.send({ type: "bye", connection: "conn-aaaa1111" });
    client.close();
    client.send(candidate(3));
    await vi.runAllTimersAsync();
    expect(sources[0]!.readyState).toBe(2);
    expect(posts.filter((p) => p.keepalive)).toEqual([
      { body: { messages: [{ type: "bye", connection: "conn-aaaa1111" }] }, keepalive: true },
    ]);
    expect(JSON.stringify(posts)).not.toContain("candidate:3");
  });
});
