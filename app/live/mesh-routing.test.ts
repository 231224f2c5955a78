import { describe, expect, it } from "vitest";
import type { DeliveredSignal, PeerMessage, ServerMessage } from "~/core/live/signal-schema";
import { isPolite, newConnectionId, routeSignal, type Self } from "./mesh-routing";

const self: Self = { participantId: "bob", connection: "conn-bob-1" };
const media = { camera: true, microphone: true };
const SDP = "v=0\r\n";
let seq = 0;
const from = (sender: string | null, message: PeerMessage | ServerMessage): DeliveredSignal =>
  ({ id: String(++seq), at: "2026-12-10T09:00:00.000Z", from: sender, message }) as DeliveredSignal;
const offer = (connection: string, toConnection = self.connection): PeerMessage => ({
  type: "offer",
  connection,
  to: "bob",
  toConnection,
  sdp: SDP,
});
const links = (entries: Record<string, string> = {}) => new Map(Object.entries(entries));

describe("isPolite", () => {
  it("makes exactly one side of every pair polite, the same way on both sides", () => {
    const ids = ["alice", "bob", "3f2a-uuid", "Zed", "zed"];
    for (const a of ids) for (const b of ids) if (a !== b) expect(isPolite(a, b)).toBe(!isPolite(b, a));
  });
});

describe("newConnectionId", () => {
  it("is fresh for each page load and fits the schema's connection id", () => {
    const ids = new Set(Array.from({ length: 100 }, newConnectionId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^c[0-9a-f]{24}$/);
  });
});

describe("routeSignal", () => {
  it("opens a link to a newcomer, answers their hello and makes the first offer", () => {
    expect(routeSignal(from("alice", { type: "hello", connection: "conn-alice-1", media }), self, links())).toEqual({
      action: "open",
      peerId: "alice",
      connection: "conn-alice-1",
      replyHello: true,
      offerFirst: true,
      media,
    });
  });

  it("opens without answering when the hello is itself an answer to ours", () => {
    const reply = { type: "hello", connection: "conn-alice-1", to: "bob", reply: true, media } as const;
    // They received our hello, so they make the first offer: the two first offers never cross.
    expect(routeSignal(from("alice", reply), self, links())).toMatchObject({
      action: "open",
      replyHello: false,
      offerFirst: false,
    });
    // Already linked to that page: only the camera and microphone state is news.
    expect(routeSignal(from("alice", reply), self, links({ alice: "conn-alice-1" }))).toEqual({
      action: "media",
      peerId: "alice",
      media,
    });
  });

  it("replaces the link when a peer reloads (a hello from a new connection)", () => {
    const hello = from("alice", { type: "hello", connection: "conn-alice-2", media });
    expect(routeSignal(hello, self, links({ alice: "conn-alice-1" }))).toMatchObject({
      action: "open",
      connection: "conn-alice-2",
      replyHello: true,
    });
  });

  it("treats a repeated broadcast hello as a media change, and one addressed to us as a request to start over", () => {
    const current = links({ alice: "conn-alice-1" });
    const off = { camera: false, microphone: true };
    expect(
      routeSignal(from("alice", { type: "hello", connection: "conn-alice-1", media: off }), self, current),
    ).toEqual({
      action: "media",
      peerId: "alice",
      media: off,
    });
    const startOver = from("alice", { type: "hello", connection: "conn-alice-1", to: "bob", media });
    // The side asking to start over offers first.
    expect(routeSignal(startOver, self, current)).toMatchObject({
      action: "open",
      replyHello: true,
      offerFirst: false,
    });
  });

  it("delivers negotiation from the linked connection", () => {
    const signal = from("alice", offer("conn-alice-1"));
    expect(routeSignal(signal, self, links({ alice: "conn-alice-1" }))).toEqual({
      action: "deliver",
      peerId: "alice",
      message: signal.message,
      openFirst: false,
    });
  });

  it("links to an offer whose hello never arrived, but drops answers and candidates from unknown connections", () => {
    expect(routeSignal(from("alice", offer("conn-alice-9")), self, links())).toMatchObject({
      action: "deliver",
      openFirst: true,
    });
    const answer = { ...offer("conn-alice-9"), type: "answer" } as PeerMessage;
    expect(routeSignal(from("alice", answer), self, links({ alice: "conn-alice-1" }))).toMatchObject({
      action: "ignore",
    });
  });

  it("drops negotiation meant for this person's earlier page", () => {
    expect(
      routeSignal(from("alice", offer("conn-alice-1", "conn-bob-0")), self, links({ alice: "conn-alice-1" })),
    ).toEqual({ action: "ignore", reason: "meant for this person's earlier page" });
  });

  it("closes on goodbye from the current connection only", () => {
    const bye = (connection: string) => from("alice", { type: "bye", connection });
    expect(routeSignal(bye("conn-alice-1"), self, links({ alice: "conn-alice-1" }))).toEqual({
      action: "close",
      peerId: "alice",
    });
    expect(routeSignal(bye("conn-alice-0"), self, links({ alice: "conn-alice-1" })).action).toBe("ignore");
  });

  it("ignores its own echo and stops when the same person arrives on another page", () => {
    expect(routeSignal(from("bob", { type: "hello", connection: self.connection, media }), self, links()).action).toBe(
      "ignore",
    );
    expect(routeSignal(from("bob", { type: "hello", connection: "conn-bob-2", media }), self, links())).toEqual({
      action: "superseded",
    });
    expect(routeSignal(from("bob", offer("conn-bob-2")), self, links()).action).toBe("ignore");
  });

  it("passes Webside's own messages on, and refuses server messages that claim a peer sent them", () => {
    const script: ServerMessage = { type: "script", step: 2, nodeId: "frozen", finished: false, effects: [] };
    expect(routeSignal(from(null, script), self, links())).toEqual({ action: "server", message: script });
    expect(routeSignal(from("alice", script), self, links()).action).toBe("ignore");
    expect(routeSignal(from(null, offer("conn-alice-1")), self, links()).action).toBe("ignore");
  });
});
