// The practice room keeps the learner's place after each choice (focus, announcement, responses in view) and its
// progress bar only moves forward, at desktop and phone sizes (issue 15, items 1 and 2).
import { expect, test, type Page } from "@playwright/test";
import { LEARNERS } from "./support/organisations";
import { startScenario as start, youLines } from "./support/practice";
import { expectAccessible, logIn, screenshot } from "./support/session";

const progress = (page: Page) => page.getByRole("progressbar").getAttribute("aria-valuenow").then(Number);

/** Choose with the keyboard only: Tab to the response's button and press Enter. */
async function chooseByKeyboard(page: Page, index: number) {
  const before = await youLines(page);
  await page.locator(".ws-choice").nth(index).focus();
  await page.keyboard.press("Enter");
  await expect.poll(async () => page.url().includes("/debrief") || (await youLines(page)) > before).toBe(true);
}

test.describe("at 1280x800", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("after a keyboard choice focus is on the new turn, it is announced, and the responses are in view", async ({
    page,
  }) => {
    await logIn(page, LEARNERS.practicePlace);
    await start(page, "telemental-suicidal-disclosure");
    await chooseByKeyboard(page, 0);
    await expect(page.locator("#current-turn")).toBeFocused();
    const newest = await page.locator("#current-turn .ws-line p").last().innerText();
    await expect(page.getByTestId("turn-announcement")).toContainText(newest.replace(/^[^:]+:\s*/, "").slice(0, 30));
    for (const choice of await page.locator(".ws-choice").all()) await expect(choice).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole("heading", { name: "How do you respond?" })).toBeInViewport();
    await expectAccessible(page);
    await screenshot(page, "practice-after-choice-1280");
  });

  test("the progress bar never goes back and is under 100% until the ending, on every choice of a long path", async ({
    page,
  }) => {
    await logIn(page, LEARNERS.practicePlace);
    for (const index of [0, 1, 2]) {
      await start(page, "telemental-suicidal-disclosure");
      const shown = [await progress(page)];
      for (let i = 0; i < 40 && !page.url().includes("/debrief"); i++) {
        const count = await page.locator(".ws-choice").count();
        await chooseByKeyboard(page, Math.min(index, count - 1));
        if (!page.url().includes("/debrief")) shown.push(await progress(page));
      }
      await expect(page).toHaveURL(/\/debrief$/);
      for (let i = 1; i < shown.length; i++) expect(shown[i], shown.join(",")).toBeGreaterThanOrEqual(shown[i - 1]!);
      expect(Math.max(...shown), shown.join(",")).toBeLessThan(100);
    }
  });
});

test.describe("on a phone (390x844)", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("after a choice the new turn has focus and the responses are at most one scroll away", async ({ page }) => {
    await logIn(page, LEARNERS.practicePlace);
    await start(page, "telemental-suicidal-disclosure");
    await chooseByKeyboard(page, 0);
    await expect(page.locator("#current-turn")).toBeFocused();
    await expect(page.locator("#current-turn")).toBeInViewport();
    const { top, height } = await page.evaluate(() => ({
      top: document.querySelector(".ws-choice")!.getBoundingClientRect().top,
      height: window.innerHeight,
    }));
    expect(top).toBeLessThan(2 * height);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(page);
    await screenshot(page, "practice-after-choice-390");
  });
});
