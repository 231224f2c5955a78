// The privacy promise, proved: a practice session with the camera on for more than a minute (MediaPipe's usage-log timer
// fires at 60 s), including switching the camera off (closing the tasks), makes no request to any other origin and posts
// no image data; only the numbers-only presence summary is sent, and the debrief shows it as a timeline. A spoken
// ("say it first") session with the microphone and speech synthesis on sends no sound either: only per-turn numbers.
import path from "node:path";
import { chromium, expect, test, type Request } from "@playwright/test";
import { CHROMIUM_ARGS } from "../../playwright.config";
import { makeSpeechFixture, speechToolsMissing } from "../../scripts/speech/espeak-fixtures";
import { cameraArgs, fakeCameraVideo, launchWithCamera } from "./support/fake-camera";
import { LEARNERS } from "./support/organisations";
import { expectAccessible, logIn, screenshot } from "./support/session";

/** MediaPipe's usage-log timer fires 60 s after the tasks are created (about a second after switch-on). */
const SESSION_MS = 64_000;
/** The camera code: the worker, MediaPipe's bundle, its wasm and models, and the lazily loaded session. */
const CAMERA_CODE = /\/mediapipe\/|\/assets\/(worker|mediapipe-tasks|camera-session)-/;

/** Base64 image data, data: URLs or raw image signatures in a request body. */
const IMAGE_DATA = /data:image\/|iVBORw0KGgo|\/9j\/4|UklGR|\bRIFF|\x89PNG|\xff\xd8\xff|[A-Za-z0-9+/]{200,}/;

/** Where a spoken turn may hold something other than a number: its node id, a yes/no, or "not measured". */
const SPOKEN_STRING = "spoken.node";
const SPOKEN_BOOLEAN = "spoken.optionsShownEarly";

/**
 * Every value of a presence summary is a number, apart from node ids (keys, the timeline's node list, each spoken
 * turn's node), whether a turn's options were shown early, and figures left unmeasured (null) in a spoken turn.
 */
function numbersOnly(value: unknown, path: string[] = []): string[] {
  const where = path.join(".");
  if (typeof value === "number") return [];
  if (typeof value === "string")
    return where === "timeline.nodes" || where === SPOKEN_STRING ? [] : [`${where} is a string`];
  if (typeof value === "boolean") return where === SPOKEN_BOOLEAN ? [] : [`${where} is a boolean`];
  if (value === null && path[0] === "spoken") return [];
  if (Array.isArray(value)) return value.flatMap((v) => numbersOnly(v, path));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => numbersOnly(v, [...path, k]));
  return [`${path.join(".")} is ${String(value)}`];
}

/** No request went to another origin or carried image or sound data; returns the presence summary posts. */
function expectNothingLeft(requests: Request[], origin: string): Request[] {
  const elsewhere = requests.filter(
    (r) => new URL(r.url()).origin !== origin && !r.url().startsWith("data:") && !r.url().startsWith("blob:"),
  );
  expect(elsewhere.map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
  for (const r of requests) expect(r.postData() ?? "", `${r.method()} ${r.url()}`).not.toMatch(IMAGE_DATA);
  return requests.filter((r) => r.method() === "POST" && r.url().endsWith("/presence"));
}

test("a camera session of more than a minute sends nothing anywhere but Webside, and no pictures at all", async ({
  baseURL,
}) => {
  test.setTimeout(180_000);
  const origin = new URL(baseURL!).origin;
  const session = await launchWithCamera(baseURL!, { camera: "video", file: fakeCameraVideo("well-framed") });
  const requests: Request[] = [];
  session.context.on("request", (r) => requests.push(r));
  // Should anything try to leave, refuse it here too, so a failing run never leaks either.
  await session.context.route(
    (url) => url.origin !== origin && !["data:", "blob:"].includes(url.protocol),
    (route) => route.abort(),
  );
  try {
    const { page } = session;
    await page.goto("/scenarios/sceptical-first-video");
    await page.locator("#confidence-3").check();
    await page.getByRole("button", { name: /^(Start the consultation|Start over)$/ }).click();
    await expect(page.getByRole("heading", { name: "How do you respond?" })).toBeVisible();
    // Until the camera is switched on, no page has loaded any of the camera code.
    expect(requests.filter((r) => CAMERA_CODE.test(r.url())).map((r) => r.url())).toEqual([]);

    await page.getByRole("button", { name: "Turn camera on" }).click();
    const started = Date.now();
    const corner = page.getByTestId("camera-corner");
    await expect(corner.getByTestId("camera-diagnostics")).toBeVisible({ timeout: 15_000 });
    expect(page.workers().length).toBe(1);
    await expectAccessible(page);
    await screenshot(page, "practice-camera-on");

    // In-app mute: the fake microphone keeps beeping, so speaking while muted is spotted.
    await corner.getByRole("button", { name: "Mute" }).click();
    await expect(corner.getByTestId("camera-nudges")).toContainText("You're on mute", { timeout: 15_000 });
    await screenshot(page, "practice-on-mute");
    await corner.getByRole("button", { name: "Unmute" }).click();
    await expect(corner.getByTestId("camera-nudges")).not.toContainText("You're on mute", { timeout: 10_000 });

    // A choice on the way: the summary is saved first, and the choice still goes through.
    const before = await page.locator(".ws-line--you").count();
    await page.locator(".ws-choice").first().click();
    await expect.poll(() => page.locator(".ws-line--you").count()).toBeGreaterThan(before);
    await expect(page.getByRole("alert")).toHaveCount(0);

    // Past MediaPipe's 60-second usage-log timer.
    await page.waitForTimeout(Math.max(0, SESSION_MS - (Date.now() - started)));
    const diagnostics = corner.getByTestId("camera-diagnostics");
    expect(Number(await diagnostics.getAttribute("data-frames"))).toBeGreaterThan(200);
    // The usage log did try to go out at 60 s, and the worker refused it before it reached the network.
    expect(Number(await diagnostics.getAttribute("data-refused"))).toBeGreaterThanOrEqual(1);

    // Switching the camera off closes the MediaPipe tasks and ends the worker.
    await corner.getByRole("button", { name: "Turn camera off" }).click();
    await expect.poll(() => page.workers().length, { timeout: 5000 }).toBe(0);
    await page.waitForTimeout(1000);

    // Finish the consultation with the camera on again, so the summary covers the end too.
    await corner.getByRole("button", { name: "Turn camera on" }).click();
    await expect(corner.getByTestId("camera-diagnostics")).toBeVisible({ timeout: 15_000 });
    for (let i = 0; i < 40 && !page.url().includes("/debrief"); i++) {
      const count = await page.locator(".ws-line--you").count();
      await page.locator(".ws-choice").first().click();
      await expect
        .poll(async () => page.url().includes("/debrief") || (await page.locator(".ws-line--you").count()) > count)
        .toBe(true);
    }
    await expect(page).toHaveURL(/\/debrief$/);
    const debrief = page.getByTestId("presence-debrief");
    await expect(debrief.getByTestId("presence-timeline")).toBeVisible();
    await expect(debrief).toContainText(/\d+%\s*well framed/);
    await expect(debrief.getByRole("table")).toContainText("Whole consultation");
    await expect(debrief.locator(".ws-presence-tips li")).toHaveCount(3);
    await expectAccessible(page);
    await screenshot(page, "debrief-presence");

    const presencePosts = expectNothingLeft(requests, origin);
    expect(presencePosts.length).toBeGreaterThan(0);
    for (const post of presencePosts) expect(numbersOnly(JSON.parse(post.postData() ?? "null"))).toEqual([]);
    // The worker's own requests were seen too (the models), so nothing it sent could have been missed.
    const model = requests.find((r) => /\/mediapipe\/v\/[0-9a-f]{12}\/models\/face_landmarker\.task$/.test(r.url()));
    expect(model, "the landmarker model, from its versioned URL").toBeTruthy();
    expect((await model!.response())?.headers()["cache-control"]).toContain("immutable");
  } finally {
    await session.close();
  }
});

test("a spoken session with the microphone and speech synthesis on sends no sound, only per-turn numbers", async ({
  baseURL,
}) => {
  const missing = speechToolsMissing();
  test.skip(missing !== null, missing ?? "");
  test.setTimeout(120_000);
  const origin = new URL(baseURL!).origin;
  const speech = makeSpeechFixture(path.resolve("tests/e2e/.tmp/privacy-speech"), {
    name: "privacy",
    voice: "en-us+f3",
    wordsPerMinute: 170,
    leadMs: 4000,
    pausesMs: [],
    tailMs: 20_000,
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      ...CHROMIUM_ARGS,
      "--autoplay-policy=no-user-gesture-required",
      ...cameraArgs({ camera: "video", file: fakeCameraVideo("well-framed") }),
      `--use-file-for-fake-audio-capture=${speech.wav}`,
    ],
  });
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  const requests: Request[] = [];
  context.on("request", (r) => requests.push(r));
  await context.route(
    (url) => url.origin !== origin && !["data:", "blob:"].includes(url.protocol),
    (route) => route.abort(),
  );
  try {
    const page = await context.newPage();
    await logIn(page, LEARNERS.spokenPrivacy);
    await page.addInitScript(() => window.localStorage.setItem("webside:camera-feedback", "on"));
    await page.goto("/scenarios/sceptical-first-video");
    await page.locator("#confidence-3").check();
    await page.getByLabel(/^Say it first/).check();
    await page.getByRole("button", { name: /^(Start the consultation|Start over)$/ }).click();
    await expect(page.getByTestId("speak-first-status")).toHaveText(/Listening|We can hear you/, { timeout: 15_000 });
    // The answer in the file reveals the responses (the browser's own speech synthesis reads the patient's lines).
    await expect(page.locator(".ws-choice").first()).toBeVisible({ timeout: 30_000 });
    for (let i = 0; i < 2; i++) {
      const before = await page.locator(".ws-line--you").count();
      await page.keyboard.press("1");
      await expect.poll(() => page.locator(".ws-line--you").count()).toBeGreaterThan(before);
      await page.keyboard.press("o");
      await expect(page.locator(".ws-choice").first()).toBeVisible();
    }
    const presencePosts = expectNothingLeft(requests, origin);
    expect(presencePosts.length).toBeGreaterThanOrEqual(2);
    const bodies = presencePosts.map((p) => JSON.parse(p.postData() ?? "null") as { spoken?: unknown[] });
    for (const body of bodies) expect(numbersOnly(body)).toEqual([]);
    expect(bodies.at(-1)!.spoken).toHaveLength(2);
  } finally {
    await browser.close();
  }
});
