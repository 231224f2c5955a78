// "Say it first" in Chromium with a fake microphone (espeak-ng speech with known silences) and a fake camera: the
// responses appear only after the recorded speech, the debrief shows per-turn figures close to what the file holds,
// and without a microphone the room falls back to reading and choosing, saying why.
import path from "node:path";
import { chromium, expect, test, type Page } from "@playwright/test";
import { CHROMIUM_ARGS } from "../../playwright.config";
import { makeSpeechFixture, speechToolsMissing, type SpeechFixture } from "../../scripts/speech/espeak-fixtures";
import { cameraArgs, fakeCameraVideo } from "./support/fake-camera";
import { LEARNERS } from "./support/organisations";
import { expectAccessible, logIn, screenshot } from "./support/session";

const SCENARIO = "sceptical-first-video";
/** Silence before the speech: long enough for the page, the microphone and the camera to be running first. */
const LEAD_MS = 7000;

let fixture: SpeechFixture;

test.beforeAll(() => {
  const missing = speechToolsMissing();
  test.skip(missing !== null, missing ?? "");
  fixture = makeSpeechFixture(path.resolve("tests/e2e/.tmp/say-it-first"), {
    name: "answer",
    voice: "en-gb",
    wordsPerMinute: 150,
    leadMs: LEAD_MS,
    pausesMs: [450],
    tailMs: 40_000,
  });
});

/**
 * Speech synthesis stand-in: headless Chromium has no voices, so each line "takes" 300 ms and the lines read are
 * kept for the test to check.
 */
function fakeSpeechSynthesis() {
  const read: string[] = [];
  (window as unknown as { linesRead: string[] }).linesRead = read;
  const synth = {
    getVoices: () => [],
    cancel: () => undefined,
    speak(utterance: SpeechSynthesisUtterance) {
      read.push(utterance.text);
      setTimeout(() => {
        utterance.onstart?.(new Event("start") as SpeechSynthesisEvent);
        setTimeout(() => utterance.onend?.(new Event("end") as SpeechSynthesisEvent), 300);
      }, 10);
    },
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
}

async function launch(baseURL: string, media: string[]) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS, "--autoplay-policy=no-user-gesture-required", ...media],
  });
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  await context.addInitScript(fakeSpeechSynthesis);
  const page = await context.newPage();
  await logIn(page, LEARNERS.sayItFirst);
  return { browser, page };
}

async function startSayingItFirst(page: Page) {
  await page.goto(`/scenarios/${SCENARIO}`);
  await page.locator("#confidence-3").check();
  await page.getByLabel(/^Learning/).check();
  await page.getByLabel(/^Say it first/).check();
  await page.getByRole("button", { name: /^(Start the consultation|Start over)$/ }).click();
  await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]+$/);
}

const choices = (page: Page) => page.locator(".ws-choice");
const seconds = async (page: Page, testId: string) =>
  Number(/([\d.]+) s/.exec((await page.getByTestId(testId).first().textContent()) ?? "")?.[1]);

test("a clinician answers aloud; the responses appear after the speech and the debrief shows the figures", async ({
  baseURL,
}) => {
  test.setTimeout(180_000);
  const { browser, page } = await launch(baseURL!, [
    ...cameraArgs({ camera: "video", file: fakeCameraVideo("well-framed") }),
    `--use-file-for-fake-audio-capture=${fixture.wav}`,
  ]);
  try {
    await page.addInitScript(() => window.localStorage.setItem("webside:camera-feedback", "on"));
    await startSayingItFirst(page);
    const panel = page.getByTestId("speak-first");
    await expect(panel).toBeVisible();
    await expect(page.getByTestId("speak-first-status")).toHaveText(/Listening/, { timeout: 15_000 });
    // The patient's line was read aloud.
    const firstLine = (await page.locator("#current-turn .ws-line p").first().textContent()) ?? "";
    expect(await page.evaluate(() => (window as unknown as { linesRead: string[] }).linesRead)).toContainEqual(
      expect.stringContaining(firstLine.replace(/^[^:]+:\s*/, "").slice(0, 30)),
    );
    // Before the speech in the file: no responses, and number keys do nothing.
    await page.keyboard.press("1");
    await expect(choices(page)).toHaveCount(0);
    await expectAccessible(page);
    await screenshot(page, "say-it-first-listening-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "say-it-first-listening-390");
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await choices(page).count()).toBe(0);
    // The speech arrives about LEAD_MS after the microphone opened; the responses follow its closing pause.
    await expect(choices(page).first()).toBeVisible({ timeout: LEAD_MS + fixture.truth.speakingMs + 10_000 });
    await expect(page.getByTestId("reveal-announcement")).toHaveText(/closest to what you said/);
    await expectAccessible(page);
    await page.keyboard.press("1");
    // Later turns: "I can't speak here" by its key, then a number key.
    for (let i = 0; i < 30 && !page.url().includes("/debrief"); i++) {
      await expect(page.getByTestId("speak-first").or(page.getByRole("heading", { name: /^Debrief/ }))).toBeVisible();
      if (page.url().includes("/debrief")) break;
      await page.keyboard.press("o");
      await expect(choices(page).first()).toBeVisible();
      const before = await page.locator(".ws-line--you").count();
      await page.keyboard.press("1");
      await expect
        .poll(async () => page.url().includes("/debrief") || (await page.locator(".ws-line--you").count()) > before)
        .toBe(true);
    }
    await expect(page).toHaveURL(/\/debrief$/);
    const strip = page.getByTestId("spoken-turns");
    await expect(strip).toBeVisible();
    const truthS = fixture.truth.speakingMs / 1000;
    const spoke = await seconds(page, "spoken-speaking");
    expect(spoke).toBeGreaterThan(truthS * 0.85);
    expect(spoke).toBeLessThan(truthS * 1.15);
    // Onset counts from the end of the read-aloud, shortly before the microphone opened, to the speech in the file.
    const onset = await seconds(page, "spoken-onset");
    expect(onset).toBeGreaterThan(LEAD_MS / 1000 - 0.5);
    expect(onset).toBeLessThan(LEAD_MS / 1000 + 4);
    await expect(page.getByTestId("spoken-turn").nth(1)).toContainText("Options shown before speaking");
    // The fake camera shows a face looking at the lens throughout, so eye contact while speaking is measured.
    await expect(page.getByTestId("spoken-eye-contact").first()).toHaveText(/^\d+% of the time/);
    console.log(`spoken turn 1: ${await page.getByTestId("spoken-turn").first().innerText()}`);
    await expectAccessible(page);
    await strip.screenshot({ path: "tests/e2e/screenshots/say-it-first-strip-1280.png" });
    await page.setViewportSize({ width: 390, height: 844 });
    await strip.screenshot({ path: "tests/e2e/screenshots/say-it-first-strip-390.png" });
  } finally {
    await browser.close();
  }
});

test("with the microphone refused, the room says so and shows the responses as usual", async ({ baseURL }) => {
  const { browser, page } = await launch(baseURL!, cameraArgs({ camera: "denied" }));
  try {
    await startSayingItFirst(page);
    await expect(page.getByTestId("microphone-unavailable")).toHaveText(/Microphone access was refused/);
    await expect(choices(page).first()).toBeVisible();
    await expect(page.getByTestId("speak-first")).toHaveCount(0);
    await expectAccessible(page);
    await screenshot(page, "say-it-first-no-microphone-1280");
  } finally {
    await browser.close();
  }
});
