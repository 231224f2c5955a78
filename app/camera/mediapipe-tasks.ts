// Owns the two MediaPipe tasks in the worker: FaceLandmarker (every frame) and the full-range FaceDetector (only when no face is found).
import { FaceDetector, FaceLandmarker, FilesetResolver } from "@mediapipe/tasks-vision";
import type { FaceBox } from "~/core/feedback/frame-measurement";
import type { Landmark } from "./measure";
import type { MediapipeFiles } from "./protocol";

export interface LandmarkerOutput {
  landmarks: Landmark[] | null;
  matrix: number[] | null;
}

export interface FaceTasks {
  landmarks(frame: ImageBitmap, t: number): LandmarkerOutput;
  /** The most confident face the full-range detector sees, as a normalised box. */
  farFace(frame: ImageBitmap, t: number): FaceBox | null;
  close(): void;
}

export async function createFaceTasks(files: MediapipeFiles): Promise<FaceTasks> {
  // true: the ES-module build of the wasm loader, which a module worker can import (it has no importScripts).
  const fileset = await FilesetResolver.forVisionTasks(files.wasmBase, true);
  await primeModuleFactory(fileset.wasmLoaderPath);
  const landmarker = await FaceLandmarker.createFromOptions(fileset, {
    baseOptions: { modelAssetPath: files.landmarkerModel, delegate: "CPU" },
    runningMode: "VIDEO",
    numFaces: 1,
    outputFacialTransformationMatrixes: true,
    outputFaceBlendshapes: false,
  });
  let detector: FaceDetector;
  try {
    await primeModuleFactory(fileset.wasmLoaderPath);
    detector = await FaceDetector.createFromOptions(fileset, {
      baseOptions: { modelAssetPath: files.detectorModel, delegate: "CPU" },
      runningMode: "VIDEO",
      minDetectionConfidence: 0.5,
    });
  } catch (error) {
    landmarker.close();
    throw error;
  }
  // MediaPipe refuses a timestamp that does not increase; two frames can share a millisecond.
  let lastLandmarkerT = -1;
  let lastDetectorT = -1;
  const next = (t: number, last: number) => Math.max(Math.round(t), last + 1);

  return {
    landmarks(frame, t) {
      lastLandmarkerT = next(t, lastLandmarkerT);
      const result = landmarker.detectForVideo(frame, lastLandmarkerT);
      const points = result.faceLandmarks[0];
      const matrix = result.facialTransformationMatrixes?.[0]?.data;
      return {
        landmarks: points && points.length > 0 ? points.map((p) => ({ x: p.x, y: p.y, z: p.z })) : null,
        matrix: matrix ? Array.from(matrix) : null,
      };
    },
    farFace(frame, t) {
      lastDetectorT = next(t, lastDetectorT);
      const result = detector.detectForVideo(frame, lastDetectorT);
      const best = [...result.detections].sort(
        (a, b) => (b.categories[0]?.score ?? 0) - (a.categories[0]?.score ?? 0),
      )[0];
      const box = best?.boundingBox;
      if (!box || frame.width === 0 || frame.height === 0) return null;
      return {
        x: box.originX / frame.width,
        y: box.originY / frame.height,
        width: box.width / frame.width,
        height: box.height / frame.height,
      };
    },
    close() {
      landmarker.close();
      detector.close();
    },
  };
}

/**
 * tasks-vision loads the wasm loader for every task and then clears the global ModuleFactory it set. A module worker
 * imports the loader with import(), which runs it only once, so the second task would find no factory: put it back first.
 */
async function primeModuleFactory(loaderPath: string): Promise<void> {
  const loader = (await import(/* @vite-ignore */ loaderPath)) as { default?: unknown };
  const scope = self as unknown as { ModuleFactory?: unknown };
  if (!scope.ModuleFactory && typeof loader.default === "function") scope.ModuleFactory = loader.default;
}
