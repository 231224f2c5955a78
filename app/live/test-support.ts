// Test-only stand-ins for the browser's media and peer connection objects, enough to drive the mesh's own logic in Node.
// They do not negotiate anything real; tests/live/peers.spec.ts does that in Chromium.

export class FakeTrack {
  enabled = true;
  stopped = false;
  constructor(
    readonly kind: "audio" | "video",
    readonly label: string = kind,
  ) {}
  clone(): FakeTrack {
    return new FakeTrack(this.kind, `${this.label}+clone`);
  }
  stop(): void {
    this.stopped = true;
  }
}

export class FakeMediaStream {
  private readonly tracks: FakeTrack[];
  constructor(tracks: FakeTrack[] = []) {
    this.tracks = [...tracks];
  }
  getTracks(): FakeTrack[] {
    return [...this.tracks];
  }
  addTrack(track: FakeTrack): void {
    this.tracks.push(track);
  }
}

export class FakePeerConnection {
  static made: FakePeerConnection[] = [];
  onnegotiationneeded: (() => void) | null = null;
  onicecandidate: ((event: { candidate: null }) => void) | null = null;
  ontrack: ((event: unknown) => void) | null = null;
  onconnectionstatechange: (() => void) | null = null;
  connectionState: RTCPeerConnectionState = "new";
  signalingState: RTCSignalingState = "stable";
  localDescription: { type: RTCSdpType; sdp: string } | null = null;
  readonly senders: Array<{ track: FakeTrack | null; replaceTrack(track: FakeTrack | null): Promise<void> }> = [];
  iceRestarts = 0;
  closed = false;
  private negotiationPending = false;

  constructor(readonly configuration: RTCConfiguration) {
    FakePeerConnection.made.push(this);
  }

  addTrack(track: FakeTrack) {
    const sender = {
      track: track as FakeTrack | null,
      replaceTrack: async (next: FakeTrack | null) => {
        sender.track = next;
      },
    };
    this.senders.push(sender);
    // Like a browser, one "negotiationneeded" for changes made together, and none while an offer is outstanding.
    if (!this.negotiationPending) {
      this.negotiationPending = true;
      queueMicrotask(() => {
        this.negotiationPending = false;
        if (this.signalingState === "stable") this.onnegotiationneeded?.();
      });
    }
    return sender;
  }

  async setLocalDescription(): Promise<void> {
    const type: RTCSdpType = this.signalingState === "have-remote-offer" ? "answer" : "offer";
    this.signalingState = type === "offer" ? "have-local-offer" : "stable";
    this.localDescription = { type, sdp: `v=0\r\na=fake-${type}\r\n` };
  }

  async setRemoteDescription(description: { type: RTCSdpType }): Promise<void> {
    this.signalingState = description.type === "offer" ? "have-remote-offer" : "stable";
  }

  async addIceCandidate(): Promise<void> {}

  restartIce(): void {
    this.iceRestarts += 1;
  }

  async getStats(): Promise<RTCStatsReport> {
    return new Map() as unknown as RTCStatsReport;
  }

  /** The test's way of saying what the network did. */
  becomes(state: RTCPeerConnectionState): void {
    this.connectionState = state;
    this.onconnectionstatechange?.();
  }

  close(): void {
    this.closed = true;
    this.connectionState = "closed";
  }
}

export const createFakePeerConnection = (configuration: RTCConfiguration) =>
  new FakePeerConnection(configuration) as unknown as RTCPeerConnection;
