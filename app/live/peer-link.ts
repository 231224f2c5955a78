// One peer-to-peer connection to one colleague: "perfect negotiation", ICE restarts, and the scripted effects on what we send.
import { NO_EFFECTS, type OutgoingEffects } from "~/core/live/stage-effects";
import type { NegotiationMessage, Self } from "./mesh-routing";
import { captureStillFrame, type StillFrame } from "./still-frame";

export type LinkState = "connecting" | "connected" | "reconnecting" | "failed" | "closed";

/** What the person has switched on themselves (Webside's camera and microphone buttons). */
export interface LocalMedia {
  camera: boolean;
  microphone: boolean;
}

export interface PeerLinkOptions {
  self: Self;
  peerId: string;
  /** The peer's connection id (their page load). */
  peerConnection: string;
  polite: boolean;
  iceServers: RTCIceServer[];
  localStream: MediaStream | null;
  localMedia: LocalMedia;
  /**
   * The peer makes the first offer (it answered our hello, or asked us to start over): our tracks are held back until
   * that offer arrives and then ride in our answer, so two first offers never cross. After OFFER_WAIT_MS we send them
   * anyway.
   */
  awaitOffer?: boolean;
  send(message: NegotiationMessage): void;
  onChange(): void;
  /** ICE restarts did not bring the connection back; the mesh starts the link over. */
  onGiveUp(): void;
  onProblem?(message: string): void;
  /** Tests and benchmarks may supply their own. */
  createPeerConnection?: (configuration: RTCConfiguration) => RTCPeerConnection;
}

export const OFFER_WAIT_MS = 4_000;
/** A link not connected this long after it starts gets an ICE restart (as after a drop). */
export const CONNECT_WAIT_MS = 12_000;
/** "disconnected" often heals by itself within a few seconds (a Wi-Fi blip); only then is ICE restarted. */
export const DISCONNECTED_GRACE_MS = 3_000;
/** After an ICE restart, wait this long for the connection before trying again. */
export const RESTART_WAIT_MS = 10_000;
export const MAX_ICE_RESTARTS = 3;

type Kind = "audio" | "video";

export class PeerLink {
  readonly peerId: string;
  readonly peerConnection: string;
  state: LinkState = "connecting";
  remoteStream: MediaStream | null = null;

  private readonly pc: RTCPeerConnection;
  private readonly options: PeerLinkOptions;
  /** Perfect negotiation's bookkeeping (see handle()). */
  private makingOffer = false;
  private ignoreOffer = false;
  private settingRemoteAnswer = false;
  /** Signals are applied one at a time, in the order they were sent. */
  private inbox: Promise<void> = Promise.resolve();
  /** Track changes (new camera, freeze, thaw) likewise. */
  private outbox: Promise<void> = Promise.resolve();
  private readonly outStream = new MediaStream();
  private readonly senders: Partial<Record<Kind, RTCRtpSender>> = {};
  /** Our own copy of each local track, so an effect on this link (a mute for the learner only) touches no other link. */
  private readonly clones: Partial<Record<Kind, MediaStreamTrack>> = {};
  private still: StillFrame | null = null;
  private effects: OutgoingEffects = NO_EFFECTS;
  private localMedia: LocalMedia;
  private restarts = 0;
  /** The next ICE restart, while the link is not connected. */
  private timer: ReturnType<typeof setTimeout> | null = null;
  private everConnected = false;
  /** Our stream while we wait for the peer's first offer (awaitOffer). */
  private held: { stream: MediaStream | null; timer: ReturnType<typeof setTimeout> } | null = null;

  constructor(options: PeerLinkOptions) {
    this.options = options;
    this.peerId = options.peerId;
    this.peerConnection = options.peerConnection;
    this.localMedia = options.localMedia;
    const create = options.createPeerConnection ?? ((configuration) => new RTCPeerConnection(configuration));
    this.pc = create({ iceServers: options.iceServers });
    this.pc.onnegotiationneeded = () => void this.makeOffer();
    this.pc.onicecandidate = ({ candidate }) => {
      // The end-of-candidates marker (null or empty) is not sent: trickle ICE works without it.
      if (!candidate || !candidate.candidate) return;
      const { sdpMid, sdpMLineIndex, usernameFragment } = candidate.toJSON();
      this.options.send({
        type: "candidate",
        ...this.addressing(),
        candidate: {
          candidate: candidate.candidate,
          sdpMid: sdpMid ?? null,
          sdpMLineIndex: sdpMLineIndex ?? null,
          usernameFragment: usernameFragment ?? null,
        },
      });
    };
    this.pc.ontrack = ({ track, streams }) => {
      const stream = streams[0] ?? this.remoteStream ?? new MediaStream();
      if (!stream.getTracks().includes(track)) stream.addTrack(track);
      this.remoteStream = stream;
      track.onunmute = () => this.options.onChange();
      this.options.onChange();
    };
    this.pc.onconnectionstatechange = () => this.connectionChanged();
    if (options.awaitOffer) {
      this.held = { stream: options.localStream, timer: setTimeout(() => void this.release(), OFFER_WAIT_MS) };
    } else {
      void this.setLocalStream(options.localStream);
    }
    // A negotiation can stall without failing (seen in Chromium: a polite side that rolled back its own offer to answer
    // a crossing one gathered no candidates); a restart gathers afresh, so a link not connected in time is treated
    // like a dropped one.
    this.timer = setTimeout(() => this.restartIce(), CONNECT_WAIT_MS);
  }

  /** Stops holding our tracks back and sends them (in the answer being made, or in an offer of our own). */
  private release(): Promise<void> {
    if (!this.held) return this.outbox;
    const { stream, timer } = this.held;
    clearTimeout(timer);
    this.held = null;
    return this.setLocalStream(stream);
  }

  private addressing() {
    return { connection: this.options.self.connection, to: this.peerId, toConnection: this.peerConnection };
  }

  private problem(what: string, error: unknown): void {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.options.onProblem?.(`${what} with ${this.peerId}: ${detail}`);
  }

  private async makeOffer(): Promise<void> {
    try {
      this.makingOffer = true;
      // With no argument the browser makes the offer (or answer) that fits the current state.
      await this.pc.setLocalDescription();
      this.sendDescription();
    } catch (error) {
      this.problem("Making an offer failed", error);
    } finally {
      this.makingOffer = false;
    }
  }

  private sendDescription(): void {
    const description = this.pc.localDescription;
    if (!description || (description.type !== "offer" && description.type !== "answer")) return;
    this.options.send({ type: description.type, ...this.addressing(), sdp: description.sdp });
  }

  /** Applies an offer, answer or candidate from the peer, after any still being applied. */
  handle(message: NegotiationMessage): Promise<void> {
    this.inbox = this.inbox.then(() => this.apply(message)).catch((error) => this.problem("Negotiation", error));
    return this.inbox;
  }

  /**
   * The perfect negotiation pattern: both sides may offer whenever their tracks change. When offers cross, the
   * impolite side ignores the one it receives and the polite side rolls its own back and answers, so the pair
   * always settles without either side needing to know who started.
   */
  private async apply(message: NegotiationMessage): Promise<void> {
    if (this.state === "closed") return;
    if (message.type === "candidate") {
      try {
        await this.pc.addIceCandidate(message.candidate);
      } catch (error) {
        // Candidates for an offer we ignored are expected to fail.
        if (!this.ignoreOffer) throw error;
      }
      return;
    }
    const readyForOffer = !this.makingOffer && (this.pc.signalingState === "stable" || this.settingRemoteAnswer);
    const collision = message.type === "offer" && !readyForOffer;
    this.ignoreOffer = !this.options.polite && collision;
    if (this.ignoreOffer) return;
    this.settingRemoteAnswer = message.type === "answer";
    try {
      // For the polite side in a collision, this rolls our own offer back implicitly.
      await this.pc.setRemoteDescription({ type: message.type, sdp: message.sdp });
    } finally {
      this.settingRemoteAnswer = false;
    }
    if (message.type === "offer") {
      // Tracks added now take the transceivers the offer made, so they are sent in this answer.
      await this.release();
      await this.pc.setLocalDescription();
      this.sendDescription();
    }
  }

  private connectionChanged(): void {
    const state = this.pc.connectionState;
    if (state === "connected") {
      this.clearTimer();
      this.state = "connected";
      this.everConnected = true;
      this.restarts = 0;
    } else if (state === "disconnected") {
      this.state = "reconnecting";
      if (this.timer === null) this.timer = setTimeout(() => this.restartIce(), DISCONNECTED_GRACE_MS);
    } else if (state === "failed") {
      this.state = "reconnecting";
      this.restartIce();
    } else if (state === "closed") {
      this.clearTimer();
      this.state = "closed";
    } else {
      this.state = this.everConnected ? "reconnecting" : "connecting";
    }
    this.options.onChange();
  }

  /** New ICE credentials on both sides (an offer with ice-restart); the media and the link itself stay. */
  private restartIce(): void {
    this.clearTimer();
    if (this.state === "closed" || this.pc.connectionState === "connected") return;
    if (this.restarts >= MAX_ICE_RESTARTS) {
      this.state = "failed";
      this.options.onChange();
      this.options.onGiveUp();
      return;
    }
    this.restarts += 1;
    this.pc.restartIce();
    this.timer = setTimeout(() => this.restartIce(), RESTART_WAIT_MS);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Sends our own copies of the stream's tracks (or stops sending a kind the stream lacks). */
  setLocalStream(stream: MediaStream | null): Promise<void> {
    if (this.held) {
      this.held.stream = stream;
      return this.outbox;
    }
    return this.queueTrackChange(async () => {
      for (const kind of ["audio", "video"] as const) {
        const original = stream?.getTracks().find((track) => track.kind === kind);
        const previous = this.clones[kind];
        const clone = original ? original.clone() : undefined;
        this.clones[kind] = clone;
        const sender = this.senders[kind];
        if (sender) {
          if (!(kind === "video" && this.still)) await sender.replaceTrack(clone ?? null);
        } else if (clone) {
          this.senders[kind] = this.pc.addTrack(clone, this.outStream);
        }
        previous?.stop();
      }
      this.applyEnabled();
      // A frozen picture stays frozen on the new camera too; it is recaptured from the new one.
      if (this.still) {
        this.still.stop();
        this.still = null;
        await this.applyFreeze();
      }
    });
  }

  /** Webside's own camera and microphone buttons. */
  setLocalMedia(media: LocalMedia): void {
    this.localMedia = media;
    this.applyEnabled();
  }

  /** What the current script node does to what we send this peer (stage-effects.ts). */
  setEffects(effects: OutgoingEffects): Promise<void> {
    this.effects = effects;
    this.applyEnabled();
    return this.queueTrackChange(() => this.applyFreeze());
  }

  /** What is actually being done to our outgoing media now (a freeze takes a moment to capture its still). */
  get appliedEffects(): OutgoingEffects {
    return { freezeVideo: this.still !== null, muteAudio: this.effects.muteAudio && this.clones.audio !== undefined };
  }

  private applyEnabled(): void {
    // A muted audio track sends silence; the connection and the far side's audio element stay as they were.
    if (this.clones.audio) this.clones.audio.enabled = this.localMedia.microphone && !this.effects.muteAudio;
    if (this.clones.video) this.clones.video.enabled = this.localMedia.camera;
  }

  private async applyFreeze(): Promise<void> {
    const sender = this.senders.video;
    const live = this.clones.video;
    if (this.effects.freezeVideo && !this.still && sender && live) {
      const still = await captureStillFrame(live);
      if (!this.effects.freezeVideo || this.state === "closed") {
        still.stop();
        return;
      }
      this.still = still;
      await sender.replaceTrack(still.track);
    } else if (!this.effects.freezeVideo && this.still) {
      const still = this.still;
      this.still = null;
      await sender?.replaceTrack(live ?? null);
      still.stop();
    }
  }

  private queueTrackChange(change: () => Promise<void>): Promise<void> {
    this.outbox = this.outbox.then(change).catch((error) => this.problem("Changing what we send", error));
    return this.outbox;
  }

  /** The connection's statistics (received frames and audio energy, candidate pairs), for checks and benchmarks. */
  stats(): Promise<RTCStatsReport> {
    return this.pc.getStats();
  }

  close(): void {
    this.clearTimer();
    if (this.held) clearTimeout(this.held.timer);
    this.held = null;
    this.state = "closed";
    this.pc.close();
    for (const track of Object.values(this.clones)) track?.stop();
    this.still?.stop();
    this.still = null;
  }
}
