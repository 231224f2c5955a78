// The practice flow in a real browser: catalogue -> overview -> practice room -> debrief, resume after reload,
// keyboard choices, and a stale second tab refused without storing anything.
import { expect, test } from "@playwright/test";
import { LEARNERS } from "./support/organisations";
import { choose, playToEnd, startScenario, youLines } from "./support/practice";
import { DEMO, expectAccessible, logIn, screenshot } from "./support/session";

test("a clinician plays the group scenario to an ending, resuming after a reload, and reads the debrief", async ({
  page,
}) => {
  await logIn(page, DEMO.clinician);
  await page.goto("/scenarios");
  await expectAccessible(page);
  await screenshot(page, "catalogue");
  await page.getByLabel("Setting").selectOption("group");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("link", { name: /Group physiotherapy/ })).toBeVisible();
  await page.getByRole("link", { name: /Group physiotherapy/ }).click();
  await expect(page.getByRole("heading", { name: "Who is on the call" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your video never leaves this device" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "overview");

  const id = new URL(page.url()).pathname.split("/").pop()!;
  await startScenario(page, id);
  await expect(page.locator(".ws-cast__tile")).toHaveCount(3);
  await expectAccessible(page);
  await screenshot(page, "practice-room");

  await choose(page);
  // Keys 1-4 choose too.
  const before = await youLines(page);
  await page.keyboard.press("1");
  await expect.poll(() => youLines(page)).toBeGreaterThan(before);
  await choose(page);
  await expect(page.locator(".ws-feedback").first()).toBeVisible();

  const transcript = await page.locator(".ws-line--you").allTextContents();
  const offered = await page.locator(".ws-choice__text").allTextContents();
  await page.reload();
  await expect(page.locator(".ws-line--you")).toHaveText(transcript);
  await expect(page.locator(".ws-choice__text")).toHaveText(offered);

  // Resume from another session, as after a new login.
  const url = page.url();
  await page.context().clearCookies();
  await logIn(page, DEMO.clinician);
  await page.goto("/");
  await page
    .getByRole("link", { name: /Group physiotherapy/ })
    .first()
    .click();
  await expect(page).toHaveURL(url);
  await expect(page.locator(".ws-line--you")).toHaveCount(transcript.length);

  await playToEnd(page);
  await expect(page.getByRole("heading", { name: /Debrief/ })).toBeVisible();
  await expect(page.getByText(/overall \(pass mark \d+%\)/)).toBeVisible();
  await expect(page.getByTestId("score-chart")).toBeVisible();
  await expect(page.getByRole("table", { name: /Scores by competency/ })).toBeVisible();
  await expect(page.locator(".ws-path > li").first()).toBeVisible();
  await page
    .getByLabel("What will you do differently")
    .fill("Bring Daniel in earlier and check everyone's audio at the start.");
  await page.locator("#confidenceAfter-4").check();
  await page.getByRole("button", { name: "Save reflection" }).click();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("What will you do differently")).toHaveValue(/Bring Daniel in earlier/);
  await expectAccessible(page);
  await screenshot(page, "debrief");

  await page.goto("/history");
  await expect(page.getByRole("link", { name: /Debrief of Group physiotherapy/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "history");
});

test("another scenario in assessment mode gives no feedback until the debrief", async ({ page }) => {
  await logIn(page, DEMO.clinician);
  await startScenario(page, "red-flags-chest-pain", { mode: "assessment" });
  await choose(page);
  await expect(page.locator(".ws-feedback")).toHaveCount(0);
  await playToEnd(page);
  await expect(page.locator(".ws-path .ws-feedback").first()).toBeVisible();
});

test("a choice from an out-of-date tab is refused and nothing is stored", async ({ page, context }) => {
  await logIn(page, LEARNERS.practice);
  await startScenario(page, "sceptical-first-video");
  const second = await context.newPage();
  await second.goto(page.url());
  await choose(page);
  const stepsAfterFirst = await youLines(page);
  await second.locator(".ws-choice").first().click();
  await expect(second.getByRole("alert")).toContainText("out of date");
  await page.reload();
  await expect(page.locator(".ws-line--you")).toHaveCount(stepsAfterFirst);
});
