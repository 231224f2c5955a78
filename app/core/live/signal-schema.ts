// The live signalling messages as zod schemas: what a browser may post for Webside to relay, and what Webside delivers.
import { z } from "zod";
import { castIdSchema, nodeIdSchema } from "../scenario/schema";
import { LIVE_LIMITS, LIVE_ROLES, LIVE_STATUSES } from "./session";

/**
 * Bounds on what passes through Webside. A browser's offer for one camera and one microphone is a few kilobytes of
 * SDP and a candidate line is a couple of hundred characters; the caps leave room for that and nothing like a file.
 */
export const SIGNAL_LIMITS = {
  /** A posted batch, measured as UTF-8; kept under the app's 64 KB request limit so this check is the one people see. */
  batchBytes: 60 * 1024,
  messagesPerBatch: 20,
  sdpChars: 16_000,
  candidateChars: 1_024,
  /** Per participant; a mesh of five negotiating at once sends well under a hundred. */
  messagesPerMinute: 600,
  /** How long relayed messages are kept so a stream that reconnects with its last event id misses nothing. */
  replayMs: 2 * 60 * 1000,
  replayMessages: 500,
} as const;

/** A sanity bound only: the engine's own cap on choices per attempt is far lower (the engine is not imported here, so
 * the browser's signalling code does not carry XState). */
const MAX_STEP = 100_000;

const count = (n: number) => n.toLocaleString("en-GB");

/** A participant is named by their user id (stable across reloads, so who is polite never changes mid-call). */
export const participantIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "A participant id is 1-64 letters, digits, hyphens or underscores.");

/** A new random id per page load: it tells the others that a peer reloaded and its old connection is gone. */
export const connectionIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, "A connection id is 8-64 letters, digits, hyphens or underscores.");

const sdp = z
  .string()
  .max(SIGNAL_LIMITS.sdpChars, `A session description may have at most ${count(SIGNAL_LIMITS.sdpChars)} characters.`)
  .refine((text) => text.startsWith("v=0"), 'A session description starts with "v=0".');

const directed = {
  connection: connectionIdSchema,
  to: participantIdSchema,
  /** The addressee's connection: a message meant for a page that has since reloaded is dropped, not misapplied. */
  toConnection: connectionIdSchema,
};

export const helloSchema = z.strictObject({
  type: z.literal("hello"),
  connection: connectionIdSchema,
  /** Sent to everyone on arrival; sent to one person to answer their hello (reply) or to ask them to start over. */
  to: participantIdSchema.optional(),
  reply: z.boolean().optional(),
  media: z.strictObject({ camera: z.boolean(), microphone: z.boolean() }),
});

export const offerSchema = z.strictObject({ type: z.literal("offer"), ...directed, sdp });
export const answerSchema = z.strictObject({ type: z.literal("answer"), ...directed, sdp });

export const candidateSchema = z.strictObject({
  type: z.literal("candidate"),
  ...directed,
  candidate: z.strictObject({
    candidate: z
      .string()
      .max(
        SIGNAL_LIMITS.candidateChars,
        `An ICE candidate may have at most ${count(SIGNAL_LIMITS.candidateChars)} characters.`,
      )
      .refine((text) => text.startsWith("candidate:"), 'An ICE candidate starts with "candidate:".'),
    sdpMid: z.string().max(64).nullable(),
    sdpMLineIndex: z.int().min(0).max(99).nullable(),
    usernameFragment: z.string().max(256).nullable().optional(),
  }),
});

export const byeSchema = z.strictObject({ type: z.literal("bye"), connection: connectionIdSchema });

/** What a browser posts: Webside checks the sender is in the session, stamps who sent it, and relays it. */
export const peerMessageSchema = z.discriminatedUnion("type", [
  helloSchema,
  offerSchema,
  answerSchema,
  candidateSchema,
  byeSchema,
]);
export const PEER_MESSAGE_TYPES = ["hello", "offer", "answer", "candidate", "bye"] as const;

export const presenceMessageSchema = z.strictObject({
  type: z.literal("presence"),
  participants: z
    .array(
      z.strictObject({
        id: participantIdSchema,
        name: z.string().max(LIVE_LIMITS.nameChars),
        role: z.enum(LIVE_ROLES),
        plays: z.array(castIdSchema).max(LIVE_LIMITS.actors),
        state: z.enum(["connected", "away", "left"]),
      }),
    )
    .max(LIVE_LIMITS.everJoined),
});

export const scriptMessageSchema = z.strictObject({
  type: z.literal("script"),
  /** Choices made so far: a page showing a lower step is out of date and reloads the node. */
  step: z.int().min(0).max(MAX_STEP),
  nodeId: nodeIdSchema,
  finished: z.boolean(),
  /** The real stage effects at this node (stage-effects.ts); text-only events come with the page's data. */
  effects: z
    .array(z.strictObject({ kind: z.enum(["freeze-video", "mute-audio"]), actorId: participantIdSchema }))
    .max(2 * LIVE_LIMITS.actors),
});

export const sessionMessageSchema = z.strictObject({
  type: z.literal("session"),
  status: z.enum(LIVE_STATUSES),
  endReason: z.enum(["ended", "idle", "time-limit"]).nullable(),
});

/** Webside could not replay everything a reconnecting stream missed: start every peer connection afresh. */
export const resyncMessageSchema = z.strictObject({ type: z.literal("resync") });

export const serverMessageSchema = z.discriminatedUnion("type", [
  presenceMessageSchema,
  scriptMessageSchema,
  sessionMessageSchema,
  resyncMessageSchema,
]);
export const SERVER_MESSAGE_TYPES = ["presence", "script", "session", "resync"] as const;

/** One server-sent event's data. `id` is also the event's SSE id, which a reconnecting stream sends back. */
export const deliveredSignalSchema = z
  .strictObject({
    /** A per-session sequence number as decimal digits (it may outgrow a double). */
    id: z.string().regex(/^[0-9]{1,20}$/),
    at: z.iso.datetime(),
    /** The sender, stamped by Webside from the signed-in user; null for Webside's own messages. */
    from: participantIdSchema.nullable(),
    message: z.union([peerMessageSchema, serverMessageSchema]),
  })
  .refine(
    (signal) => (signal.from === null) === (SERVER_MESSAGE_TYPES as readonly string[]).includes(signal.message.type),
    "Only Webside sends presence, script, session and resync messages, and Webside sends nothing else.",
  );

export type HelloMessage = z.infer<typeof helloSchema>;
export type OfferMessage = z.infer<typeof offerSchema>;
export type AnswerMessage = z.infer<typeof answerSchema>;
export type CandidateMessage = z.infer<typeof candidateSchema>;
export type ByeMessage = z.infer<typeof byeSchema>;
export type PeerMessage = z.infer<typeof peerMessageSchema>;
export type PresenceMessage = z.infer<typeof presenceMessageSchema>;
export type ScriptMessage = z.infer<typeof scriptMessageSchema>;
export type SessionMessage = z.infer<typeof sessionMessageSchema>;
export type ServerMessage = z.infer<typeof serverMessageSchema>;
export type DeliveredSignal = z.infer<typeof deliveredSignalSchema>;
