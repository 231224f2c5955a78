// One camera feedback session: camera and microphone, the analysis worker, the frame pump, the rules, the presence recorder.
// Loaded lazily (only when a clinician switches the camera on), so no other page carries any of it.
import {
  classifyFrame,
  createFeedbackStabiliser,
  createMuteDetector,
  selectNudges,
  type MicrophoneStatus,
  type Nudge,
  type PresenceRecorder,
  type StableStates,
} from "~/core/feedback";
import { AnalysisStats, type AnalysisFigures } from "./analysis-stats";
import { cameraProblem, environmentProblem, problemFromMediaError, type CameraProblem } from "./camera-errors";
import { startFramePump, type FramePump } from "./frame-pump";
import { createMicrophoneMeter, type MicrophoneMeter } from "./microphone";
import { isFromWorker, MEDIAPIPE_FILES, transferablesOf, type FromWorker, type ToWorker } from "./protocol";

export type CameraPhase = "starting" | "loading" | "running" | "stopped" | "failed";

export interface CameraSnapshot {
  phase: CameraPhase;
  problem: CameraProblem | null;
  stream: MediaStream | null;
  states: StableStates;
  nudges: Nudge[];
  microphone: MicrophoneStatus;
  micLevel: number;
  speaking: boolean;
  onMute: boolean;
  muted: boolean;
  figures: AnalysisFigures;
}

export interface CameraSession {
  snapshot(): CameraSnapshot;
  setMuted(muted: boolean): void;
  /** The scenario node the clinician is on now (the presence summary is kept per node). */
  setNode(nodeId: string): void;
  resumeAudio(): Promise<void>;
  stop(): Promise<void>;
}

export interface CameraSessionOptions {
  video: HTMLVideoElement;
  onChange: (snapshot: CameraSnapshot) => void;
  nodeId?: string;
  /** Where to record the presence summary (the practice room keeps one per attempt, across camera on/off); none on the check page. */
  recorder?: PresenceRecorder;
  /**
   * A camera (and microphone) stream the caller already holds, e.g. the one a live call sends: analysed as it is,
   * never opened a second time, and left running when the session stops (it belongs to the caller).
   */
  stream?: MediaStream;
}

/** With no sound above the speaking level for this long, the microphone is reported as silent. */
export const MIC_SILENT_AFTER_MS = 8000;
const MIC_INTERVAL_MS = 50;
const PUBLISH_INTERVAL_MS = 250;
/** After this many failed frames in a row, the analysis is reported as broken. */
const MAX_FRAME_FAILURES = 5;
const STOP_TIMEOUT_MS = 2000;

export async function startCameraSession(options: CameraSessionOptions): Promise<CameraSession> {
  const { video, onChange } = options;
  const startedAt = performance.now();
  const stats = new AnalysisStats(startedAt);
  const stabiliser = createFeedbackStabiliser();
  const recorder = options.recorder;
  const mute = createMuteDetector();
  let nodeId = options.nodeId ?? "";
  let phase: CameraPhase = "starting";
  let problem: CameraProblem | null = null;
  let stream: MediaStream | null = null;
  let mic: MicrophoneMeter | null = null;
  let worker: Worker | null = null;
  let pump: FramePump | null = null;
  let micState = { level: 0, speaking: false, onMute: false, heard: false };
  let frameFailures = 0;
  const timers: number[] = [];
  let stopped: (() => void) | null = null;

  const snapshot = (): CameraSnapshot => {
    const now = performance.now();
    const microphone: MicrophoneStatus = !mic
      ? phase === "starting"
        ? "checking"
        : "unavailable"
      : micState.heard
        ? "working"
        : now - startedAt > MIC_SILENT_AFTER_MS
          ? "silent"
          : "checking";
    return {
      phase,
      problem,
      stream,
      states: stabiliser.states,
      nudges: phase === "running" ? selectNudges(stabiliser.states) : [],
      microphone,
      micLevel: micState.level,
      speaking: micState.speaking,
      onMute: micState.onMute,
      muted: mic?.muted ?? false,
      figures: stats.figures(now),
    };
  };
  const publish = () => onChange(snapshot());
  const fail = (p: CameraProblem) => {
    phase = "failed";
    problem = p;
    pump?.stop();
    publish();
  };

  const send = (message: ToWorker) => worker?.postMessage(message, transferablesOf(message));

  let workerReady = false;
  let cameraReady = false;
  const startPumpWhenBothReady = () => {
    if (!workerReady || !cameraReady || pump || phase !== "loading") return;
    phase = "running";
    pump = startFramePump(video, send);
    publish();
  };

  /** Closes the MediaPipe tasks (which ends their usage-log timer), then ends the worker. */
  const closeWorker = async () => {
    if (!worker) return;
    const done = new Promise<void>((resolve) => {
      stopped = resolve;
      window.setTimeout(resolve, STOP_TIMEOUT_MS);
    });
    send({ type: "stop" });
    await done;
    worker?.terminate();
    worker = null;
  };

  const onWorkerMessage = (message: FromWorker) => {
    if (message.type === "ready") {
      stats.loadMs = message.loadMs;
      workerReady = true;
      startPumpWhenBothReady();
    } else if (message.type === "measured" || message.type === "skipped") {
      pump?.answered(message.id);
      if (message.type === "skipped") return;
      frameFailures = 0;
      const now = performance.now();
      stats.frame(now, message.timing.totalMs);
      const frame = classifyFrame(message.measurement, { speaking: micState.speaking });
      const states = stabiliser.update(frame);
      if (Object.values(states).some((s) => s !== null)) stats.status(now);
      if (nodeId) recorder?.record(frame, nodeId);
    } else if (message.type === "refused") {
      stats.refused++;
    } else if (message.type === "failed") {
      if (message.stage === "load" || ++frameFailures >= MAX_FRAME_FAILURES)
        fail(cameraProblem("analysis-failed", message.message));
    } else {
      stopped?.();
    }
  };

  const env = environmentProblem({
    isSecureContext: window.isSecureContext,
    mediaDevices: navigator.mediaDevices,
    worker: typeof Worker === "undefined" ? undefined : Worker,
    createImageBitmap: typeof createImageBitmap === "undefined" ? undefined : createImageBitmap,
  });
  const session: CameraSession = {
    snapshot,
    setMuted(value) {
      mic?.setMuted(value);
      publish();
    },
    setNode(id) {
      nodeId = id;
    },
    resumeAudio: async () => mic?.resume(),
    async stop() {
      if (phase === "stopped") return;
      pump?.stop();
      for (const t of timers) window.clearInterval(t);
      await closeWorker();
      mic?.close();
      if (!options.stream) for (const track of stream?.getTracks() ?? []) track.stop();
      video.srcObject = null;
      phase = "stopped";
      publish();
    },
  };
  if (env) {
    fail(env);
    return session;
  }

  try {
    // Vite bundles the worker (and MediaPipe with it) as its own chunk, fetched only now. It loads while the
    // browser asks for the camera, so the first status comes sooner.
    worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "webside-camera-analysis" });
    worker.addEventListener("message", (event: MessageEvent<unknown>) => {
      if (isFromWorker(event.data)) onWorkerMessage(event.data);
    });
    worker.addEventListener("error", (event) =>
      fail(cameraProblem("analysis-failed", event.message || "The analysis worker did not start.")),
    );
    send({ type: "start", files: { ...MEDIAPIPE_FILES } });
  } catch (error) {
    fail(cameraProblem("analysis-failed", error instanceof Error ? error.message : undefined));
    return session;
  }

  try {
    stream = options.stream ?? (await openCameraAndMicrophone());
  } catch (error) {
    fail(problemFromMediaError(error));
    await closeWorker();
    return session;
  }
  const audio = stream.getAudioTracks()[0];
  if (audio) mic = createMicrophoneMeter(audio);
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  await video.play().catch(() => undefined);
  // The analysis may have failed to load while the browser was asking for the camera.
  if ((phase as CameraPhase) === "failed") return session;
  phase = "loading";
  cameraReady = true;
  publish();

  timers.push(
    window.setInterval(() => {
      if (!mic) return;
      const level = mic.level();
      const state = mute.update(performance.now(), level, mic.muted);
      micState = { level, speaking: state.speaking, onMute: state.onMute, heard: micState.heard || state.speaking };
    }, MIC_INTERVAL_MS),
    window.setInterval(publish, PUBLISH_INTERVAL_MS),
  );
  startPumpWhenBothReady();
  return session;
}

/** Camera and microphone together; a camera without a microphone still gives camera feedback. */
async function openCameraAndMicrophone(): Promise<MediaStream> {
  const video = { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 30 }, facingMode: "user" };
  try {
    return await navigator.mediaDevices.getUserMedia({
      video,
      audio: { echoCancellation: true, noiseSuppression: true },
    });
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    // No microphone (or it is busy): try the camera alone. A refusal covers both, so asking again would not help.
    if (name !== "NotFoundError" && name !== "NotReadableError") throw error;
    return navigator.mediaDevices.getUserMedia({ video });
  }
}
