// Reads signalling text against the schema: a posted batch, or one delivered event, refusing with a reason a person can act on.
import type { z } from "zod";
import {
  PEER_MESSAGE_TYPES,
  SERVER_MESSAGE_TYPES,
  SIGNAL_LIMITS,
  deliveredSignalSchema,
  peerMessageSchema,
  type DeliveredSignal,
  type PeerMessage,
} from "./signal-schema";

export type SignalReading<T> = { ok: true; value: T } | { ok: false; reason: string };

const encoder = new TextEncoder();

export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "it does not match the message format";
  const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return `${where}${issue.message}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** One message a browser wants relayed; `label` names it in the reason ("Message 3"). */
export function readPeerMessage(value: unknown, label = "The message"): SignalReading<PeerMessage> {
  if (!isRecord(value)) return { ok: false, reason: `${label} is not an object.` };
  const { type } = value;
  if (typeof type !== "string") return { ok: false, reason: `${label} has no type.` };
  if ((SERVER_MESSAGE_TYPES as readonly string[]).includes(type)) {
    return { ok: false, reason: `${label} is a "${type}" message; only Webside sends those.` };
  }
  if (!(PEER_MESSAGE_TYPES as readonly string[]).includes(type)) {
    const shown = type.length > 40 ? `${type.slice(0, 40)}...` : type;
    return {
      ok: false,
      reason: `${label} has type "${shown}", which Webside does not relay. Known types: ${PEER_MESSAGE_TYPES.join(", ")}.`,
    };
  }
  const parsed = peerMessageSchema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: `${label} (${type}) was refused: ${describeIssue(parsed.error)}` };
  return { ok: true, value: parsed.data };
}

/**
 * A posted body `{"messages": [...]}`. The size is checked before the JSON is parsed, so an oversized body costs
 * nothing more; then every message must be valid, or none is relayed (a half-relayed negotiation is worse than none).
 */
export function readSignalBatch(body: string): SignalReading<PeerMessage[]> {
  const bytes = utf8Bytes(body);
  if (bytes > SIGNAL_LIMITS.batchBytes) {
    return {
      ok: false,
      reason: `The signalling request is ${bytes.toLocaleString("en-GB")} bytes; the limit is ${SIGNAL_LIMITS.batchBytes.toLocaleString("en-GB")}.`,
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, reason: "The signalling request is not valid JSON." };
  }
  if (!isRecord(value) || !Array.isArray(value.messages)) {
    return { ok: false, reason: 'The signalling request must be an object with a "messages" list.' };
  }
  const extra = Object.keys(value).find((key) => key !== "messages");
  if (extra !== undefined) return { ok: false, reason: `The signalling request has an unexpected field "${extra}".` };
  const { messages } = value;
  if (messages.length === 0) return { ok: false, reason: "The signalling request has no messages." };
  if (messages.length > SIGNAL_LIMITS.messagesPerBatch) {
    return {
      ok: false,
      reason: `The signalling request has ${messages.length} messages; send at most ${SIGNAL_LIMITS.messagesPerBatch} at a time.`,
    };
  }
  const read: PeerMessage[] = [];
  for (const [index, message] of messages.entries()) {
    const one = readPeerMessage(message, `Message ${index + 1}`);
    if (!one.ok) return one;
    read.push(one.value);
  }
  return { ok: true, value: read };
}

/** One server-sent event's data, as the browser receives it. */
export function readDeliveredSignal(data: string): SignalReading<DeliveredSignal> {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return { ok: false, reason: "The event is not valid JSON." };
  }
  const parsed = deliveredSignalSchema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: `The event was refused: ${describeIssue(parsed.error)}` };
  return { ok: true, value: parsed.data };
}
