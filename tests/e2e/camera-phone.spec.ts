// On a phone the camera corner sits below the responses (issue 15, item 7): a compact self-view and the current
// nudge stay in sight while the clinician chooses, from the same camera and the same analysis, announced once.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { fakeCameraVideo, launchWithCamera } from "./support/fake-camera";
import { startScenario } from "./support/practice";
import { expectAccessible, screenshotBothWidths } from "./support/session";

test.describe.configure({ timeout: 120_000 });

const DARK_NUDGE = "It is a little dark: add a light in front of you";

type Box = { x: number; y: number; width: number; height: number };

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  expect(found, "the element has a box on screen").not.toBeNull();
  return found!;
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function expectInViewport(page: Page, b: Box) {
  const { width, height } = page.viewportSize()!;
  expect(b.y).toBeGreaterThanOrEqual(0);
  expect(b.x).toBeGreaterThanOrEqual(0);
  expect(b.y + b.height).toBeLessThanOrEqual(height);
  expect(b.x + b.width).toBeLessThanOrEqual(width);
}

test("on a phone the compact self-view and the current nudge stay in view beside the responses", async ({
  baseURL,
}) => {
  const run = await launchWithCamera(baseURL!, { camera: "video", file: fakeCameraVideo("dark") });
  try {
    const { page } = run;
    // Count what the page opens: the compact view must reuse the corner's camera and analysis, not start its own.
    await page.addInitScript(() => {
      const counts = { getUserMedia: 0, workers: 0 };
      (window as unknown as { cameraCounts: typeof counts }).cameraCounts = counts;
      const media = navigator.mediaDevices;
      const open = media.getUserMedia.bind(media);
      media.getUserMedia = (constraints) => {
        counts.getUserMedia++;
        return open(constraints);
      };
      const RealWorker = window.Worker;
      window.Worker = class extends RealWorker {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          counts.workers++;
        }
      };
    });
    await page.setViewportSize({ width: 390, height: 844 });
    await startScenario(page, "sceptical-first-video");
    const compact = page.getByTestId("compact-self-view");
    // Camera off (the remembered choice on a fresh device): no compact view at all.
    await expect(compact).toHaveCount(0);
    await page.getByTestId("camera-corner").getByRole("button", { name: "Turn camera on" }).click();
    const nudge = page.getByTestId("compact-nudge");
    await expect(nudge).toContainText(DARK_NUDGE, { timeout: 45_000 });
    await page.screenshot({ path: "tests/e2e/screenshots/practice-camera-phone-390-top.png" });

    // The clinician scrolls to the responses to choose: the picture and the nudge are still on screen with them.
    const choices = page.locator(".ws-choice");
    await choices.first().scrollIntoViewIfNeeded();
    await expect(choices.first()).toBeInViewport();
    const selfView = await box(compact.locator("video"));
    const nudgeBox = await box(nudge);
    await expectInViewport(page, selfView);
    await expectInViewport(page, nudgeBox);
    expect(selfView.width).toBeGreaterThanOrEqual(96);
    expect(selfView.width).toBeLessThanOrEqual(120);
    let inView = 0;
    for (const choice of await choices.all()) {
      if (!(await choice.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight))) continue;
      inView++;
      const b = await box(choice);
      expect(overlaps(b, await box(compact)), `response ${inView} is not under the compact self-view`).toBe(false);
    }
    expect(inView).toBeGreaterThan(0);
    await page.screenshot({ path: "tests/e2e/screenshots/practice-camera-phone-390-choosing.png" });

    // Moving up the responses by keyboard never leaves the focused one under the strip.
    await page.evaluate(() => {
      const [first, second] = document.querySelectorAll<HTMLElement>(".ws-choice");
      window.scrollBy(0, first!.getBoundingClientRect().top - 20);
      second!.focus({ preventScroll: true });
    });
    expect(overlaps(await box(choices.first()), await box(compact)), "set-up: the first response is under it").toBe(
      true,
    );
    await page.keyboard.press("Shift+Tab");
    await expect(choices.first()).toBeFocused();
    expect(overlaps(await box(choices.first()), await box(compact))).toBe(false);

    // After a choice the new turn starts below the strip, not under it, and the camera carries on as it was.
    const before = await page.locator(".ws-line--you").count();
    await page.keyboard.press("1");
    await expect.poll(() => page.locator(".ws-line--you").count()).toBeGreaterThan(before);
    await expect(page.locator("#current-turn")).toBeFocused();
    const turn = await box(page.locator("#current-turn"));
    const strip = await box(compact);
    expect(turn.y).toBeGreaterThanOrEqual(strip.y + strip.height);
    await expect(nudge).toContainText(DARK_NUDGE);

    // One camera, one analysis, one stream shown twice.
    const counts = await page.evaluate(() => (window as unknown as { cameraCounts: object }).cameraCounts);
    expect(counts).toEqual({ getUserMedia: 1, workers: 1 });
    expect(
      await page.evaluate(() => {
        const [corner, compactVideo] = [
          document.querySelector<HTMLVideoElement>("[data-testid=camera-corner] video"),
          document.querySelector<HTMLVideoElement>("[data-testid=compact-self-view] video"),
        ];
        return !!corner?.srcObject && corner.srcObject === compactVideo?.srcObject && !compactVideo.paused;
      }),
    ).toBe(true);
    // Announced once: only the corner's live region carries the nudge.
    expect(
      await page.evaluate(
        (text) =>
          [...document.querySelectorAll("[aria-live]")].filter(
            (region) => region.textContent?.includes(text) && !region.closest("[aria-hidden=true]"),
          ).length,
        DARK_NUDGE,
      ),
    ).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // A narrow tablet has the one-column room too, so it gets the compact view; desktop keeps the corner beside the
    // call and no compact view.
    await page.setViewportSize({ width: 800, height: 1000 });
    await expect(compact).toBeVisible();
    await screenshotBothWidths(page, "practice-camera-phone");
    await expect(compact).toBeHidden();
    await expect(page.getByTestId("camera-corner").locator("video")).toBeVisible();
    await expectAccessible(page);
  } finally {
    await run.close();
  }
});
