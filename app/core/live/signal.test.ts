import { describe, expect, it } from "vitest";
import { readDeliveredSignal, readPeerMessage, readSignalBatch } from "./signal-parse";
import { SIGNAL_LIMITS, type PeerMessage } from "./signal-schema";

const CONN = "conn-aaaa1111";
const OTHER = "conn-bbbb2222";
const SDP = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
const CANDIDATE = "candidate:842163049 1 udp 1677729535 192.0.2.7 46154 typ srflx raddr 0.0.0.0 rport 0 generation 0";

const hello: PeerMessage = { type: "hello", connection: CONN, media: { camera: true, microphone: true } };
const offer: PeerMessage = { type: "offer", connection: CONN, to: "user-2", toConnection: OTHER, sdp: SDP };
const candidate: PeerMessage = {
  type: "candidate",
  connection: CONN,
  to: "user-2",
  toConnection: OTHER,
  candidate: { candidate: CANDIDATE, sdpMid: "0", sdpMLineIndex: 0, usernameFragment: "abcd" },
};

const batch = (...messages: unknown[]) => JSON.stringify({ messages });

function reason(reading: { ok: boolean; reason?: string }): string {
  if (reading.ok) throw new Error("expected a refusal");
  return reading.reason!;
}

describe("readSignalBatch", () => {
  it("accepts hello, offer, answer, candidate and bye messages", () => {
    const answer = { ...offer, type: "answer" };
    const bye = { type: "bye", connection: CONN };
    const reply = { ...hello, to: "user-2", reply: true };
    expect(readSignalBatch(batch(hello, offer, answer, candidate, bye, reply))).toEqual({
      ok: true,
      value: [hello, offer, answer, candidate, bye, reply],
    });
  });

  it("refuses unknown types, and types only Webside sends, naming the message", () => {
    expect(reason(readSignalBatch(batch(hello, { type: "file", connection: CONN })))).toBe(
      'Message 2 has type "file", which Webside does not relay. Known types: hello, offer, answer, candidate, bye.',
    );
    expect(reason(readSignalBatch(batch({ type: "script", step: 3, nodeId: "x", finished: false, effects: [] })))).toBe(
      'Message 1 is a "script" message; only Webside sends those.',
    );
    expect(reason(readSignalBatch(batch({ connection: CONN })))).toBe("Message 1 has no type.");
    expect(reason(readSignalBatch(batch("hello")))).toBe("Message 1 is not an object.");
  });

  it("refuses oversized session descriptions and candidates, saying the limit", () => {
    const bigSdp = { ...offer, sdp: `v=0\r\n${"a=x\r\n".repeat(SIGNAL_LIMITS.sdpChars / 5)}` };
    expect(reason(readSignalBatch(batch(bigSdp)))).toBe(
      "Message 1 (offer) was refused: sdp: A session description may have at most 16,000 characters.",
    );
    const bigCandidate = {
      ...candidate,
      candidate: { ...candidate.candidate, candidate: `candidate:${"1".repeat(SIGNAL_LIMITS.candidateChars)}` },
    };
    expect(reason(readSignalBatch(batch(bigCandidate)))).toMatch(
      /candidate.candidate: An ICE candidate may have at most 1,024/,
    );
  });

  it("refuses an oversized request before reading it", () => {
    const body = batch({ ...offer, sdp: "x".repeat(SIGNAL_LIMITS.batchBytes) });
    expect(reason(readSignalBatch(body))).toMatch(/^The signalling request is 61,\d{3} bytes; the limit is 61,440\.$/);
    // Bytes, not characters: multi-byte text counts for what it weighs on the wire.
    const wide = batch({ ...hello, media: { camera: true, microphone: true }, note: "é".repeat(31_000) });
    expect(reason(readSignalBatch(wide))).toMatch(/bytes; the limit is 61,440/);
  });

  it("refuses malformed messages: fields missing or extra, bad ids, anything that is not a description", () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ ...offer, sdp: "hello" }, /starts with "v=0"/],
      [{ ...offer, to: undefined }, /\(offer\) was refused: to:/],
      [{ ...offer, toConnection: "x" }, /A connection id is 8-64/],
      [{ ...offer, extra: 1 }, /\(offer\) was refused/],
      [{ ...hello, connection: "../../etc" }, /A connection id/],
      [{ ...offer, to: "a b" }, /A participant id/],
      [{ ...candidate, candidate: { ...candidate.candidate, candidate: "rm -rf" } }, /starts with "candidate:"/],
      [{ ...candidate, candidate: { ...candidate.candidate, sdpMLineIndex: -1 } }, /sdpMLineIndex/],
      [{ ...hello, media: { camera: "yes", microphone: true } }, /media.camera/],
    ];
    for (const [message, expected] of cases) expect(reason(readSignalBatch(batch(message)))).toMatch(expected);
  });

  it("refuses a request that is not a batch, or an empty or too long one", () => {
    expect(reason(readSignalBatch("{"))).toBe("The signalling request is not valid JSON.");
    expect(reason(readSignalBatch(JSON.stringify([hello])))).toMatch(/"messages" list/);
    expect(reason(readSignalBatch(JSON.stringify({ messages: [hello], from: "someone-else" })))).toBe(
      'The signalling request has an unexpected field "from".',
    );
    expect(reason(readSignalBatch(batch()))).toBe("The signalling request has no messages.");
    const many = Array.from({ length: SIGNAL_LIMITS.messagesPerBatch + 1 }, () => hello);
    expect(reason(readSignalBatch(batch(...many)))).toBe(
      "The signalling request has 21 messages; send at most 20 at a time.",
    );
  });

  it("reads a single message with the same rules", () => {
    expect(readPeerMessage(hello)).toEqual({ ok: true, value: hello });
    expect(reason(readPeerMessage({ type: "x".repeat(100) }))).toMatch(/type "x{40}\.\.\."/);
  });
});

describe("readDeliveredSignal", () => {
  const delivered = (from: string | null, message: unknown) =>
    JSON.stringify({ id: "42", at: "2026-12-10T09:00:00.000Z", from, message });

  it("accepts relayed peer messages and Webside's own messages", () => {
    expect(readDeliveredSignal(delivered("user-1", offer))).toMatchObject({
      ok: true,
      value: { id: "42", message: offer },
    });
    const script = {
      type: "script",
      step: 3,
      nodeId: "frozen",
      finished: false,
      effects: [{ kind: "freeze-video", actorId: "user-2" }],
    };
    expect(readDeliveredSignal(delivered(null, script))).toMatchObject({ ok: true, value: { message: script } });
    const presence = {
      type: "presence",
      participants: [{ id: "user-1", name: "Dr Lee", role: "learner", plays: [], state: "connected" }],
    };
    expect(readDeliveredSignal(delivered(null, presence)).ok).toBe(true);
    expect(readDeliveredSignal(delivered(null, { type: "session", status: "ended", endReason: "ended" })).ok).toBe(
      true,
    );
    expect(readDeliveredSignal(delivered(null, { type: "resync" })).ok).toBe(true);
  });

  it("refuses a server message that claims a sender, and a peer message that claims none", () => {
    expect(reason(readDeliveredSignal(delivered("user-1", { type: "resync" })))).toMatch(/Only Webside sends presence/);
    expect(reason(readDeliveredSignal(delivered(null, offer)))).toMatch(/Only Webside sends presence/);
  });

  it("refuses events that are not JSON or not a delivered signal", () => {
    expect(reason(readDeliveredSignal("not json"))).toBe("The event is not valid JSON.");
    expect(reason(readDeliveredSignal(JSON.stringify({ id: "x", at: "now", from: null, message: {} })))).toMatch(
      /^The event was refused: id:/,
    );
  });
});
