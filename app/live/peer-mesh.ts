// The full mesh: one peer link to every other person in the live session, driven by the signals Webside relays.
import type { DeliveredSignal, HelloMessage, PeerMessage, ServerMessage } from "~/core/live/signal-schema";
import type { OutgoingEffects } from "~/core/live/stage-effects";
import { isPolite, newConnectionId, routeSignal, type Self } from "./mesh-routing";
import { PeerLink, type LinkState, type LocalMedia, type PeerLinkOptions } from "./peer-link";

export interface PeerView {
  participantId: string;
  connection: string;
  state: LinkState;
  /** Their camera and microphone as received; null until the first track arrives. */
  stream: MediaStream | null;
  /** What they say they have switched on (from their hello); null until they have said. */
  media: LocalMedia | null;
}

export interface PeerMeshOptions {
  participantId: string;
  iceServers: RTCIceServer[];
  localStream: MediaStream | null;
  localMedia: LocalMedia;
  /** Hands a message to the signalling client. */
  send(message: PeerMessage): void;
  onChange?(): void;
  /** presence, script, session and resync messages, after the mesh has acted on them. */
  onServerMessage?(message: ServerMessage): void;
  /** The same person opened the session on another page; this one has stopped. */
  onSuperseded?(): void;
  onProblem?(message: string): void;
  createPeerConnection?: PeerLinkOptions["createPeerConnection"];
  newConnectionId?: () => string;
}

export interface PeerMesh {
  readonly self: Self;
  /** Announces this page to everyone in the session; call once the signalling stream is open. */
  hello(): void;
  handle(signal: DeliveredSignal): void;
  peers(): PeerView[];
  setLocalStream(stream: MediaStream | null): void;
  setLocalMedia(media: LocalMedia): void;
  /** What we do to the media we send one peer (the scripted freeze and mute go to the learner only). */
  setOutgoingEffects(peerId: string, effects: OutgoingEffects): void;
  /** One link's statistics; null when there is no link to that peer. */
  stats(peerId: string): Promise<RTCStatsReport | null>;
  /** Starts every link afresh under a new connection id (after Webside could not replay what we missed). */
  restartAll(): void;
  /** Says goodbye and closes every link. */
  close(): void;
}

/** Start-overs per peer page: a page that has gone for good (closed without a goodbye) is not asked for ever. */
export const MAX_START_OVERS = 2;

export function createPeerMesh(options: PeerMeshOptions): PeerMesh {
  const makeId = options.newConnectionId ?? newConnectionId;
  let self: Self = { participantId: options.participantId, connection: makeId() };
  let localStream = options.localStream;
  let localMedia = options.localMedia;
  let closed = false;
  const links = new Map<string, PeerLink>();
  const media = new Map<string, LocalMedia>();
  const effects = new Map<string, OutgoingEffects>();
  const startOvers = new Map<string, number>();
  const changed = () => options.onChange?.();

  const helloMessage = (extra: Partial<HelloMessage> = {}): HelloMessage => ({
    type: "hello",
    connection: self.connection,
    media: { ...localMedia },
    ...extra,
  });

  function closeLink(peerId: string): void {
    links.get(peerId)?.close();
    links.delete(peerId);
  }

  function openLink(peerId: string, connection: string, awaitOffer: boolean): PeerLink {
    closeLink(peerId);
    const link = new PeerLink({
      self,
      peerId,
      peerConnection: connection,
      polite: isPolite(self.participantId, peerId),
      iceServers: options.iceServers,
      localStream,
      localMedia,
      awaitOffer,
      send: options.send,
      onChange: changed,
      onGiveUp: () => startOver(peerId, connection),
      onProblem: options.onProblem,
      createPeerConnection: options.createPeerConnection,
    });
    links.set(peerId, link);
    const wanted = effects.get(peerId);
    if (wanted) void link.setEffects(wanted);
    changed();
    return link;
  }

  /**
   * ICE restarts did not bring the link back. The impolite side starts a new connection and asks the peer (a hello
   * addressed to them) to do the same; the polite side waits for that request, so the two never start over twice.
   */
  function startOver(peerId: string, connection: string): void {
    if (closed || links.get(peerId)?.peerConnection !== connection) return;
    if (isPolite(self.participantId, peerId)) return;
    const key = `${peerId} ${connection}`;
    const count = startOvers.get(key) ?? 0;
    if (count >= MAX_START_OVERS) return;
    startOvers.set(key, count + 1);
    options.send(helloMessage({ to: peerId }));
    openLink(peerId, connection, false);
  }

  function handleServer(message: ServerMessage): void {
    if (message.type === "resync") restartAll();
    if (message.type === "presence") {
      for (const participant of message.participants) {
        if (participant.state === "left" && links.has(participant.id)) closeLink(participant.id);
      }
      changed();
    }
    if (message.type === "session" && (message.status === "ended" || message.status === "expired")) {
      for (const peerId of [...links.keys()]) closeLink(peerId);
      changed();
    }
    options.onServerMessage?.(message);
  }

  function handle(signal: DeliveredSignal): void {
    if (closed) return;
    const connections = new Map([...links].map(([peerId, link]) => [peerId, link.peerConnection]));
    const route = routeSignal(signal, self, connections);
    switch (route.action) {
      case "ignore":
        return;
      case "server":
        return handleServer(route.message);
      case "superseded":
        for (const peerId of [...links.keys()]) closeLink(peerId);
        closed = true;
        changed();
        options.onSuperseded?.();
        return;
      case "media":
        media.set(route.peerId, route.media);
        changed();
        return;
      case "open":
        if (route.media) media.set(route.peerId, route.media);
        // The reply goes out before the link's own offer, so the peer links to us before our offer arrives.
        if (route.replyHello) options.send(helloMessage({ to: route.peerId, reply: true }));
        openLink(route.peerId, route.connection, !route.offerFirst);
        return;
      case "deliver": {
        let link = links.get(route.peerId);
        if (route.openFirst || !link) {
          options.send(helloMessage({ to: route.peerId, reply: true }));
          link = openLink(route.peerId, route.message.connection, true);
        }
        void link.handle(route.message);
        return;
      }
      case "close":
        closeLink(route.peerId);
        media.delete(route.peerId);
        changed();
        return;
    }
  }

  function restartAll(): void {
    if (closed) return;
    for (const peerId of [...links.keys()]) closeLink(peerId);
    self = { ...self, connection: makeId() };
    options.send(helloMessage());
    changed();
  }

  return {
    get self() {
      return self;
    },
    hello: () => {
      if (!closed) options.send(helloMessage());
    },
    handle,
    peers: () =>
      [...links.values()].map((link) => ({
        participantId: link.peerId,
        connection: link.peerConnection,
        state: link.state,
        stream: link.remoteStream,
        media: media.get(link.peerId) ?? null,
      })),
    setLocalStream: (stream) => {
      localStream = stream;
      for (const link of links.values()) void link.setLocalStream(stream);
    },
    setLocalMedia: (next) => {
      localMedia = { ...next };
      for (const link of links.values()) link.setLocalMedia(localMedia);
      if (!closed) options.send(helloMessage());
    },
    setOutgoingEffects: (peerId, wanted) => {
      effects.set(peerId, wanted);
      const link = links.get(peerId);
      if (link) void link.setEffects(wanted);
    },
    stats: (peerId) => links.get(peerId)?.stats() ?? Promise.resolve(null),
    restartAll,
    close: () => {
      if (closed) return;
      options.send({ type: "bye", connection: self.connection });
      closed = true;
      for (const peerId of [...links.keys()]) closeLink(peerId);
      effects.clear();
      changed();
    },
  };
}
