// Proves the built MediaPipe assets work in Chromium: FaceLandmarker (478 points, irises, matrix) and the full-range FaceDetector on a fixture photo.
// Standalone: tsx tests/mediapipe/detect-in-chromium.ts [photo.png]   (exit code 1 when a check fails)
import { chromium, type Page, type Route } from "@playwright/test";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { DEFAULT_OUT_DIR, PROJECT_ROOT } from "../../scripts/mediapipe/build-assets.ts";
import { readMediapipeSources } from "../../scripts/mediapipe/mediapipe-sources.ts";
import { evaluateDetection, type PageResults, type DetectionReport } from "./detection-report.ts";
import { buildPlainMeshTask, buildWrongMergeTask } from "./plain-mesh-task.ts";
import { startStaticServer } from "./static-server.ts";

export type { DetectionReport } from "./detection-report.ts";

export const DEFAULT_PHOTO = resolve(PROJECT_ROOT, "tests/fixtures/faces/astronaut-well-framed-640x480.png");
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface DetectionCheckOptions {
  /** The built public/mediapipe folder (run the build first). */
  assetsDir?: string;
  photoPath?: string;
  /** Use this page (e.g. from a Playwright test); otherwise Chromium at /usr/bin/chromium is launched. */
  page?: Page;
  executablePath?: string;
}

const PAGE_HTML = `<!doctype html><meta charset="utf-8"><title>MediaPipe check</title>
<img id="photo" src="/check/photo.png" alt="fixture">
<script type="module">
import { FilesetResolver, FaceLandmarker, FaceDetector } from "/vision_bundle.mjs";
window.runCheck = async () => {
  const img = document.getElementById("photo");
  await img.decode();
  const fileset = await FilesetResolver.forVisionTasks("/mediapipe/wasm");
  const landmarks = async (path) => {
    const started = performance.now();
    const task = await FaceLandmarker.createFromOptions(fileset, {
      baseOptions: { modelAssetPath: path, delegate: "CPU" },
      runningMode: "IMAGE", numFaces: 1, outputFacialTransformationMatrixes: true,
    });
    const loaded = performance.now();
    const result = task.detect(img);
    const ran = performance.now();
    task.close();
    return {
      points: (result.faceLandmarks[0] ?? []).map((p) => [p.x, p.y, p.z]),
      matrix: result.facialTransformationMatrixes?.[0]?.data ? Array.from(result.facialTransformationMatrixes[0].data) : null,
      loadMs: loaded - started, detectMs: ran - loaded,
    };
  };
  const detectFaces = async (path) => {
    const task = await FaceDetector.createFromOptions(fileset, { baseOptions: { modelAssetPath: path, delegate: "CPU" }, runningMode: "IMAGE" });
    const started = performance.now();
    const result = task.detect(img);
    const detectMs = performance.now() - started;
    task.close();
    return { faces: result.detections.map((d) => ({ score: d.categories[0]?.score ?? 0, box: d.boundingBox })), detectMs };
  };
  return {
    width: img.naturalWidth, height: img.naturalHeight,
    merged: await landmarks("/mediapipe/models/face_landmarker.task"),
    plain: await landmarks("/check/plain_landmarker.task"),
    wrong: await landmarks("/check/wrong_landmarker.task"),
    fullRange: await detectFaces("/mediapipe/models/face_detector_full_range.tflite"),
  };
};
window.checkReady = true;
</script>`;

export async function runDetectionCheck(options: DetectionCheckOptions = {}): Promise<DetectionReport> {
  const assetsDir = resolve(options.assetsDir ?? DEFAULT_OUT_DIR);
  const sources = readMediapipeSources(resolve(PROJECT_ROOT, "node_modules"));
  const server = await startStaticServer({
    "/mediapipe/": { dir: assetsDir },
    "/vision_bundle.mjs": { file: resolve(PROJECT_ROOT, "node_modules/@mediapipe/tasks-vision/vision_bundle.mjs") },
    "/check/index.html": { bytes: PAGE_HTML, type: "text/html; charset=utf-8" },
    "/check/photo.png": { file: resolve(options.photoPath ?? DEFAULT_PHOTO) },
    "/check/plain_landmarker.task": { bytes: buildPlainMeshTask(sources) },
    "/check/wrong_landmarker.task": { bytes: buildWrongMergeTask(sources) },
  });
  const browser = options.page
    ? undefined
    : await chromium.launch({ executablePath: options.executablePath ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const egress: string[] = [];
  const page = options.page ?? (await browser!.newPage());
  // Nothing may leave the origin; tasks-vision's usage logging is the known offender, so count and refuse it.
  const elsewhere = (url: URL) => url.origin !== server.origin;
  const refuse = (route: Route) => {
    egress.push(route.request().url());
    return route.abort();
  };
  const pageErrors: string[] = [];
  const onPageError = (e: Error) => pageErrors.push(e.message);
  try {
    await page.route(elsewhere, refuse);
    page.on("pageerror", onPageError);
    await page.goto(`${server.origin}/check/index.html`);
    await page.waitForFunction(() => (window as unknown as { checkReady?: boolean }).checkReady === true);
    const results = (await page.evaluate(() =>
      (window as unknown as { runCheck: () => Promise<unknown> }).runCheck(),
    )) as PageResults;
    return evaluateDetection(results, { egress, pageErrors });
  } finally {
    // A caller's page is left as it was found.
    page.off("pageerror", onPageError);
    await page.unroute(elsewhere, refuse).catch(() => {});
    await browser?.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  const photoPath = process.argv[2];
  const started = performance.now();
  const report = await runDetectionCheck({ photoPath });
  console.log(
    JSON.stringify({ ...report, totalSeconds: Number(((performance.now() - started) / 1000).toFixed(1)) }, null, 2),
  );
  if (report.problems.length > 0) {
    console.log(`FAILED:\n- ${report.problems.join("\n- ")}`);
    process.exit(1);
  }
  console.log("All MediaPipe browser checks passed.");
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.log(`The browser check could not run: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  });
}
