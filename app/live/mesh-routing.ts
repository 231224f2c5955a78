// What a browser does with each delivered signal: open, restart or close a peer link, hand it a description, or drop it.
import type {
  AnswerMessage,
  CandidateMessage,
  DeliveredSignal,
  HelloMessage,
  OfferMessage,
  ServerMessage,
} from "~/core/live/signal-schema";

export interface Self {
  participantId: string;
  /** This page load's connection id (newConnectionId). */
  connection: string;
}

export type NegotiationMessage = OfferMessage | AnswerMessage | CandidateMessage;

export type Route =
  | { action: "ignore"; reason: string }
  | { action: "server"; message: ServerMessage }
  /** This person opened the session in another tab or reloaded elsewhere: this page should stop. */
  | { action: "superseded" }
  /**
   * Start a link to this connection, closing any link to the participant's earlier connection. `offerFirst`: we make
   * the first offer (they announced themselves); otherwise they do (they answered us, or asked us to start over).
   */
  | {
      action: "open";
      peerId: string;
      connection: string;
      replyHello: boolean;
      offerFirst: boolean;
      media?: HelloMessage["media"];
    }
  /** The peer's camera or microphone changed; the link stays. */
  | { action: "media"; peerId: string; media: HelloMessage["media"] }
  | { action: "deliver"; peerId: string; message: NegotiationMessage; openFirst: boolean }
  | { action: "close"; peerId: string };

/**
 * In each pair exactly one side is polite (it yields when both offer at once): the one whose participant id sorts
 * first. Participant ids are user ids, so the roles survive reloads and both sides always agree.
 */
export function isPolite(selfId: string, peerId: string): boolean {
  return selfId < peerId;
}

/** A fresh id for this page load: 24 hex digits from the browser's random source. */
export function newConnectionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `c${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/**
 * Decides what a signal means for this page, given the connection it currently links to for each peer (`links`).
 * Pure, so the awkward orderings (a reload racing an answer, a hello lost while a stream reconnected) are testable.
 */
export function routeSignal(signal: DeliveredSignal, self: Self, links: ReadonlyMap<string, string>): Route {
  const { from, message } = signal;
  if (from === null) {
    return message.type === "hello" ||
      message.type === "offer" ||
      message.type === "answer" ||
      message.type === "candidate" ||
      message.type === "bye"
      ? { action: "ignore", reason: "a peer message without a sender" }
      : { action: "server", message };
  }
  if (
    message.type === "presence" ||
    message.type === "script" ||
    message.type === "session" ||
    message.type === "resync"
  ) {
    return { action: "ignore", reason: "a server message from a peer" };
  }
  if (from === self.participantId) {
    if (message.connection === self.connection) return { action: "ignore", reason: "our own message" };
    // The same person on another page: only their arrival matters to us; it means this page is no longer theirs.
    return message.type === "hello" && message.to === undefined
      ? { action: "superseded" }
      : { action: "ignore", reason: "a message from our other page" };
  }
  const current = links.get(from);
  switch (message.type) {
    case "hello": {
      if (message.to !== undefined && message.to !== self.participantId) {
        return { action: "ignore", reason: "a hello for someone else" };
      }
      const isNew = current !== message.connection;
      if (message.reply) {
        return isNew
          ? {
              action: "open",
              peerId: from,
              connection: message.connection,
              replyHello: false,
              offerFirst: false,
              media: message.media,
            }
          : { action: "media", peerId: from, media: message.media };
      }
      // A broadcast hello from a link we already have is a camera or microphone change; a hello addressed to us from
      // it asks us to start the link over (its side gave up on a connection that would not recover).
      if (!isNew && message.to === undefined) return { action: "media", peerId: from, media: message.media };
      return {
        action: "open",
        peerId: from,
        connection: message.connection,
        replyHello: true,
        offerFirst: message.to === undefined,
        media: message.media,
      };
    }
    case "offer":
    case "answer":
    case "candidate": {
      if (message.toConnection !== self.connection) {
        return { action: "ignore", reason: "meant for this person's earlier page" };
      }
      if (current === message.connection) return { action: "deliver", peerId: from, message, openFirst: false };
      // An offer from a connection we have not heard say hello (the hello was lost or is still on its way): the
      // offer itself is proof the peer is there, so link to it. Answers and candidates need the offer we made.
      if (message.type === "offer") return { action: "deliver", peerId: from, message, openFirst: true };
      return { action: "ignore", reason: "from a connection we have no link to" };
    }
    case "bye":
      return current === message.connection
        ? { action: "close", peerId: from }
        : { action: "ignore", reason: "goodbye from a connection already replaced" };
  }
}
