// The camera analysis worker: owns MediaPipe, turns each transferred frame into a FrameMeasurement, off the page's main thread.
import { installEgressGuard } from "./egress-guard";
import { createPixelSampler } from "./frame-pixels";
import { measureFrame } from "./measure";
import type { FaceTasks } from "./mediapipe-tasks";
import { isToWorker, type FromWorker, type MediapipeFiles } from "./protocol";

/** The parts of DedicatedWorkerGlobalScope used here (the project's TypeScript lib is DOM, not WebWorker). */
interface WorkerScope {
  fetch: typeof fetch;
  location: { origin: string };
  postMessage(message: FromWorker): void;
  addEventListener(type: "message", listener: (event: MessageEvent<unknown>) => void): void;
  close(): void;
}

const scope = self as unknown as WorkerScope;
// Before MediaPipe is even imported: its usage logger must find no way out.
installEgressGuard(scope, (origin) => scope.postMessage({ type: "refused", origin }));

let tasks: FaceTasks | null = null;
let loading: Promise<void> | null = null;
let stopping = false;
const pixels = createPixelSampler();

async function start(files: MediapipeFiles) {
  const started = performance.now();
  try {
    // Imported here, not at the top, so the egress guard is in place first.
    const { createFaceTasks } = await import("./mediapipe-tasks");
    const created = await createFaceTasks(files);
    if (stopping) {
      created.close();
      return;
    }
    tasks = created;
    scope.postMessage({ type: "ready", loadMs: performance.now() - started });
  } catch (error) {
    scope.postMessage({ type: "failed", stage: "load", message: messageOf(error) });
  }
}

function analyse(id: number, t: number, bitmap: ImageBitmap) {
  try {
    if (!tasks || stopping) {
      scope.postMessage({ type: "skipped", id });
      return;
    }
    const t0 = performance.now();
    const found = tasks.landmarks(bitmap, t);
    const t1 = performance.now();
    const fullRangeFace = found.landmarks ? null : tasks.farFace(bitmap, t);
    const t2 = performance.now();
    const sample = pixels.sample(bitmap);
    const t3 = performance.now();
    const measurement = measureFrame({
      t,
      frameWidth: bitmap.width,
      frameHeight: bitmap.height,
      landmarks: found.landmarks,
      transformationMatrix: found.matrix,
      pixels: sample,
      fullRangeFace,
    });
    const timing = {
      landmarkerMs: t1 - t0,
      detectorMs: found.landmarks ? 0 : t2 - t1,
      pixelsMs: t3 - t2,
      totalMs: performance.now() - t0,
    };
    scope.postMessage({ type: "measured", id, measurement, timing });
  } catch (error) {
    scope.postMessage({ type: "failed", stage: "frame", message: messageOf(error) });
  } finally {
    bitmap.close();
  }
}

async function stop() {
  stopping = true;
  await loading?.catch(() => undefined);
  // close() ends MediaPipe's graph and its usage-log timer; the guard and CSP refuse the final flush it attempts.
  tasks?.close();
  tasks = null;
  // Let that flush's refusal arrive before saying so.
  await new Promise((resolve) => setTimeout(resolve, 50));
  scope.postMessage({ type: "stopped" });
}

scope.addEventListener("message", (event) => {
  const message = event.data;
  if (!isToWorker(message)) return;
  if (message.type === "start") {
    if (!loading) loading = start(message.files);
  } else if (message.type === "frame") {
    analyse(message.id, message.t, message.bitmap);
  } else {
    void stop();
  }
});

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 500);
}
