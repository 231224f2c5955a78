// The harness page's script: the real signalling client, peer mesh and stage-effects driver on a fake camera, with
// counters a test can read (remote frames per peer, received audio energy, link states).
import { createPeerMesh } from "~/live/peer-mesh";
import { createSignallingClient } from "~/live/signalling-client";
import { createStageEffectsDriver } from "~/live/stage-effects-driver";

const params = new URLSearchParams(location.search);
const me = params.get("me") ?? "nobody";
const learner = params.get("learner") ?? "";
const problems: string[] = [];
const frames: Record<string, number> = {};
const videos = new Map<string, HTMLVideoElement>();
const startedAt = performance.now();
const firstFrameMs: Record<string, number> = {};

const stream = await navigator.mediaDevices.getUserMedia({
  video: { width: 320, height: 240, frameRate: 15 },
  audio: true,
});
(document.getElementById("self") as HTMLVideoElement).srcObject = stream;

function countFrames(peerId: string, video: HTMLVideoElement): void {
  const onFrame = () => {
    frames[peerId] = (frames[peerId] ?? 0) + 1;
    firstFrameMs[peerId] ??= Math.round(performance.now() - startedAt);
    video.requestVideoFrameCallback(onFrame);
  };
  video.requestVideoFrameCallback(onFrame);
}

function render(): void {
  for (const peer of mesh.peers()) {
    let video = videos.get(peer.participantId);
    if (!video) {
      video = document.createElement("video");
      video.autoplay = true;
      video.muted = true;
      video.playsInline = true;
      video.width = 160;
      video.dataset.peer = peer.participantId;
      document.getElementById("peers")!.append(video);
      videos.set(peer.participantId, video);
      countFrames(peer.participantId, video);
    }
    if (peer.stream && video.srcObject !== peer.stream) video.srcObject = peer.stream;
    if (peer.stream) meter(peer.participantId, peer.stream);
  }
}

let driver: ReturnType<typeof createStageEffectsDriver> | null = null;
const mesh = createPeerMesh({
  participantId: me,
  iceServers: [],
  localStream: stream,
  localMedia: { camera: true, microphone: true },
  send: (message) => client.send(message),
  onChange: render,
  onServerMessage: (message) => {
    if (message.type === "script") driver?.onScript(message);
  },
  onProblem: (message) => problems.push(message),
});
driver = createStageEffectsDriver({ selfId: me, learnerId: learner, setOutgoingEffects: mesh.setOutgoingEffects });

let announced = false;
const client = createSignallingClient({
  streamUrl: `/events?me=${encodeURIComponent(me)}`,
  sendUrl: `/signal?me=${encodeURIComponent(me)}`,
  onSignal: (signal) => mesh.handle(signal),
  onStatus: (status) => {
    if (status.state === "open" && !announced) {
      announced = true;
      mesh.hello();
    }
  },
  onProblem: (message) => problems.push(message),
});

/**
 * Sound heard from each peer so far: the sum of squared samples, read with Web Audio every 50 ms (WebRTC's own
 * statistics report no received audio level when nothing is played out, as in a headless browser).
 */
const heard: Record<string, number> = {};
const audio = new AudioContext();
const meters = new Map<string, MediaStream>();
function meter(peerId: string, stream: MediaStream): void {
  if (meters.get(peerId) === stream || stream.getAudioTracks().length === 0) return;
  meters.set(peerId, stream);
  const analyser = audio.createAnalyser();
  analyser.fftSize = 2048;
  audio.createMediaStreamSource(stream).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  setInterval(() => {
    if (meters.get(peerId) !== stream) return;
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const sample of samples) sum += sample * sample;
    heard[peerId] = (heard[peerId] ?? 0) + sum;
  }, 50);
}

Object.assign(window, {
  harness: {
    peers: () => mesh.peers().map((p) => ({ id: p.participantId, state: p.state, hasStream: p.stream !== null })),
    frames: () => ({ ...frames }),
    firstFrameMs: () => ({ ...firstFrameMs }),
    videoWidth: (peerId: string) => videos.get(peerId)?.videoWidth ?? 0,
    audioEnergy: (peerId: string) => heard[peerId] ?? 0,
    effects: () => driver?.current(),
    problems: () => [...problems],
    leave: () => {
      mesh.close();
      client.close();
    },
  },
});
