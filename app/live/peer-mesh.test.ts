import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DeliveredSignal, PeerMessage, ServerMessage } from "~/core/live/signal-schema";
import { CONNECT_WAIT_MS, DISCONNECTED_GRACE_MS, MAX_ICE_RESTARTS, OFFER_WAIT_MS, RESTART_WAIT_MS } from "./peer-link";
import { MAX_START_OVERS, createPeerMesh } from "./peer-mesh";
import { FakeMediaStream, FakePeerConnection, FakeTrack, createFakePeerConnection } from "./test-support";

const media = { camera: true, microphone: true };
let seq = 0;
const signal = (from: string | null, message: PeerMessage | ServerMessage) =>
  ({ id: String(++seq), at: "2026-12-10T09:00:00.000Z", from, message }) as DeliveredSignal;

function mesh(participantId: string) {
  const sent: PeerMessage[] = [];
  const superseded = vi.fn();
  let n = 0;
  const stream = new FakeMediaStream([new FakeTrack("audio"), new FakeTrack("video")]);
  const instance = createPeerMesh({
    participantId,
    iceServers: [{ urls: "stun:stun.example.org" }],
    localStream: stream as unknown as MediaStream,
    localMedia: media,
    send: (message) => sent.push(message),
    onSuperseded: superseded,
    createPeerConnection: createFakePeerConnection,
    newConnectionId: () => `conn-${participantId}-${++n}`,
  });
  return { instance, sent, superseded };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal("MediaStream", FakeMediaStream);
  FakePeerConnection.made = [];
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("the peer mesh", () => {
  it("answers a newcomer's hello before offering, with its own tracks and the configured ICE servers", async () => {
    const { instance, sent } = mesh("bob");
    instance.hello();
    instance.handle(signal("carol", { type: "hello", connection: "conn-carol-1", media }));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.map((m) => [m.type, "to" in m ? m.to : null])).toEqual([
      ["hello", null],
      ["hello", "carol"],
      ["offer", "carol"],
    ]);
    expect(sent[1]).toMatchObject({ reply: true, connection: "conn-bob-1" });
    expect(sent[2]).toMatchObject({ toConnection: "conn-carol-1" });
    const pc = FakePeerConnection.made[0]!;
    expect(pc.configuration.iceServers).toEqual([{ urls: "stun:stun.example.org" }]);
    expect(pc.senders.map((s) => s.track?.label)).toEqual(["audio+clone", "video+clone"]);
    expect(instance.peers()).toEqual([
      { participantId: "carol", connection: "conn-carol-1", state: "connecting", stream: null, media },
    ]);
  });

  it("holds its tracks back for the peer's first offer when the peer is the one to offer, then answers with them", async () => {
    const { instance, sent } = mesh("bob");
    instance.handle(signal("carol", { type: "hello", connection: "conn-carol-1", to: "bob", reply: true, media }));
    await vi.advanceTimersByTimeAsync(OFFER_WAIT_MS - 1);
    const pc = FakePeerConnection.made[0]!;
    expect(pc.senders).toEqual([]);
    expect(sent.filter((m) => m.type === "offer")).toEqual([]);
    const offer = { type: "offer", connection: "conn-carol-1", to: "bob", toConnection: "conn-bob-1", sdp: "v=0\r\n" };
    instance.handle(signal("carol", offer as PeerMessage));
    await vi.advanceTimersByTimeAsync(0);
    expect(pc.senders.map((s) => s.track?.kind)).toEqual(["audio", "video"]);
    expect(sent.map((m) => m.type)).toEqual(["answer"]);
    await vi.advanceTimersByTimeAsync(OFFER_WAIT_MS);
    expect(sent.map((m) => m.type)).toEqual(["answer"]);
  });

  it("sends its tracks in an offer of its own when the peer's offer does not come", async () => {
    const { instance, sent } = mesh("bob");
    instance.handle(signal("carol", { type: "hello", connection: "conn-carol-1", to: "bob", reply: true, media }));
    await vi.advanceTimersByTimeAsync(OFFER_WAIT_MS);
    expect(FakePeerConnection.made[0]!.senders).toHaveLength(2);
    expect(sent.map((m) => m.type)).toEqual(["offer"]);
  });

  it("restarts ICE on a link that has not connected in time", async () => {
    const { instance } = mesh("bob");
    instance.handle(signal("carol", { type: "hello", connection: "conn-carol-1", media }));
    await vi.advanceTimersByTimeAsync(CONNECT_WAIT_MS - 1);
    const pc = FakePeerConnection.made[0]!;
    pc.becomes("connecting");
    expect(pc.iceRestarts).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(pc.iceRestarts).toBe(1);
    pc.becomes("connected");
    await vi.advanceTimersByTimeAsync(RESTART_WAIT_MS * 2);
    expect(pc.iceRestarts).toBe(1);
  });

  it("restarts ICE when a connection drops, and the impolite side starts the link over when that fails", async () => {
    // "carol" > "bob", so carol is the impolite side of the pair.
    const { instance, sent } = mesh("carol");
    instance.handle(signal("bob", { type: "hello", connection: "conn-bob-1", media }));
    await vi.advanceTimersByTimeAsync(0);
    const first = FakePeerConnection.made[0]!;
    first.becomes("connected");
    first.becomes("disconnected");
    expect(instance.peers()[0]!.state).toBe("reconnecting");
    await vi.advanceTimersByTimeAsync(DISCONNECTED_GRACE_MS);
    expect(first.iceRestarts).toBe(1);
    first.becomes("failed");
    await vi.advanceTimersByTimeAsync(RESTART_WAIT_MS * MAX_ICE_RESTARTS);
    expect(first.iceRestarts).toBe(MAX_ICE_RESTARTS);
    expect(first.closed).toBe(true);
    expect(FakePeerConnection.made).toHaveLength(2);
    const startOver = sent.filter((m) => m.type === "hello" && m.to === "bob" && !m.reply);
    expect(startOver).toHaveLength(1);
    expect(instance.peers()[0]).toMatchObject({ participantId: "bob", state: "connecting" });
    // A page that never comes back is asked to start over a bounded number of times.
    for (let i = 0; i < 5; i++) {
      FakePeerConnection.made.at(-1)!.becomes("failed");
      await vi.advanceTimersByTimeAsync(RESTART_WAIT_MS * MAX_ICE_RESTARTS);
    }
    expect(sent.filter((m) => m.type === "hello" && m.to === "bob" && !m.reply)).toHaveLength(MAX_START_OVERS);
  });

  it("leaves starting over to the impolite side when it is the polite one", async () => {
    const m = mesh("bob");
    m.instance.handle(signal("carol", { type: "hello", connection: "conn-carol-1", media }));
    await vi.advanceTimersByTimeAsync(0);
    const pc = FakePeerConnection.made[0]!;
    pc.becomes("failed");
    await vi.advanceTimersByTimeAsync(RESTART_WAIT_MS * (MAX_ICE_RESTARTS + 1));
    expect(m.instance.peers()[0]!.state).toBe("failed");
    expect(FakePeerConnection.made).toHaveLength(1);
    expect(m.sent.some((msg) => msg.type === "hello" && msg.to === "carol" && !msg.reply)).toBe(false);
    // Then the impolite side asks to start over: a new link, and a reply.
    m.instance.handle(signal("carol", { type: "hello", connection: "conn-carol-1", to: "bob", media }));
    expect(FakePeerConnection.made).toHaveLength(2);
    expect(m.sent.at(-1)).toMatchObject({ type: "hello", to: "carol", reply: true });
  });

  it("keeps a peer's scripted effects across a new link to them", async () => {
    const { instance } = mesh("actor");
    instance.setOutgoingEffects("learner", { freezeVideo: false, muteAudio: true });
    instance.handle(signal("learner", { type: "hello", connection: "conn-learner-1", media }));
    await vi.advanceTimersByTimeAsync(0);
    const audio = () => FakePeerConnection.made.at(-1)!.senders[0]!.track!;
    expect(audio().enabled).toBe(false);
    instance.handle(signal("learner", { type: "hello", connection: "conn-learner-2", media }));
    await vi.advanceTimersByTimeAsync(0);
    expect(FakePeerConnection.made).toHaveLength(2);
    expect(audio().enabled).toBe(false);
    instance.setOutgoingEffects("learner", { freezeVideo: false, muteAudio: false });
    expect(audio().enabled).toBe(true);
    // Webside's own mute button still wins over a lifted effect.
    instance.setLocalMedia({ camera: true, microphone: false });
    expect(audio().enabled).toBe(false);
  });

  it("closes links to people who left, starts over after a resync, and says goodbye once", async () => {
    const { instance, sent } = mesh("bob");
    instance.handle(signal("carol", { type: "hello", connection: "conn-carol-1", media }));
    instance.handle(signal("dan", { type: "hello", connection: "conn-dan-1", media }));
    await vi.advanceTimersByTimeAsync(0);
    const presence: ServerMessage = {
      type: "presence",
      participants: [{ id: "dan", name: "Dan", role: "observer", plays: [], state: "left" }],
    };
    instance.handle(signal(null, presence));
    expect(instance.peers().map((p) => p.participantId)).toEqual(["carol"]);
    instance.handle(signal(null, { type: "resync" }));
    expect(instance.peers()).toEqual([]);
    expect(instance.self.connection).toBe("conn-bob-2");
    expect(sent.at(-1)).toMatchObject({ type: "hello", connection: "conn-bob-2" });
    instance.close();
    instance.close();
    expect(sent.filter((m) => m.type === "bye")).toEqual([{ type: "bye", connection: "conn-bob-2" }]);
    instance.handle(signal("carol", { type: "hello", connection: "conn-carol-2", media }));
    expect(instance.peers()).toEqual([]);
  });

  it("stops when the same person opens the session on another page", () => {
    const { instance, superseded } = mesh("bob");
    instance.handle(signal("carol", { type: "hello", connection: "conn-carol-1", media }));
    instance.handle(signal("bob", { type: "hello", connection: "conn-bob-other", media }));
    expect(superseded).toHaveBeenCalledOnce();
    expect(instance.peers()).toEqual([]);
  });
});
