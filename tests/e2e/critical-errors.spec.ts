// Scores that mean something, in a real browser: a clinician who takes a critical choice sees it first in the
// debrief and gets no certificate, while a later pass states the time actually taken; an educator sees item
// statistics for a bundled scenario and the length-cue warning on a draft. axe on every page; 1280 and 390 px shots.
import { expect, test, type Page } from "@playwright/test";
import { LEARNERS } from "./support/organisations";
import { criticalPath, loadScenario, passingPath } from "./support/passing-path";
import { startScenario } from "./support/practice";
import { DEMO, expectAccessible, logIn, logOut, screenshot } from "./support/session";

const SCENARIO_ID = "red-flags-chest-pain";
const scenario = loadScenario(`scenarios/${SCENARIO_ID}.json`);

async function screenshots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function play(page: Page, steps: Array<{ choiceId: string }>) {
  for (const step of steps) {
    const button = page.locator(`button[name="choiceId"][value="${step.choiceId}"]`);
    await expect(button).toBeVisible();
    await button.click();
    await expect(button).toHaveCount(0);
  }
  await expect(page).toHaveURL(/\/debrief$/);
}

test("a critical choice is named first in the debrief and earns no certificate; a pass states the time taken", async ({
  page,
}) => {
  await logIn(page, LEARNERS.criticalErrors);
  const path = criticalPath(scenario);
  const critical = path.find((s) => s.critical)!;
  const reason = Object.values(scenario.nodes)
    .flatMap((n) => n.choices ?? [])
    .find((c) => c.id === critical.choiceId && c.critical)!.critical!.reason;

  const attemptId = await startScenario(page, SCENARIO_ID);
  await play(page, path);
  await expect(page.getByText(/^Not passed yet:/)).toBeVisible();
  const firstHeading = page.locator("main h2").first();
  await expect(firstHeading).toHaveText("Critical error: this attempt cannot pass, whatever the score");
  await expect(page.locator("#critical-heading + ul")).toContainText(reason);
  await expect(page.getByRole("link", { name: "Get your CPD certificate" })).toHaveCount(0);
  expect((await page.request.get(`/certificates/${attemptId}`)).status()).toBe(404);
  await expectAccessible(page);
  await screenshots(page, "debrief-critical");

  // A pass on the same version: the certificate states what was credited, the stated length and the time taken.
  await startScenario(page, SCENARIO_ID);
  await play(page, passingPath(scenario));
  await page.getByRole("link", { name: "Get your CPD certificate" }).click();
  await expect(page.getByTestId("certificate-cpd")).toHaveText(`${scenario.minutes} minutes`);
  await expect(page.getByTestId("certificate-time-taken")).toHaveText(/^\d+ (second|minute)s?$/);
  await expect(page.getByText(/credited only for a passed attempt/)).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, "certificate-time-taken");

  await page.goto("/learning-record");
  await expect(page.getByTestId("cpd-minutes")).toHaveText(String(scenario.minutes));
  await expect(page.getByTestId("learning-record")).toContainText("not passed");
  await expectAccessible(page);
  await screenshots(page, "learning-record-time-taken");
  await logOut(page);
});

test("an educator sees item statistics for a bundled scenario and exports them", async ({ page }) => {
  await logIn(page, DEMO.educator);
  await page.goto("/studio");
  await page.getByRole("link", { name: `Analytics and item statistics for ${scenario.title}` }).click();
  await expect(page).toHaveURL(`/studio/${SCENARIO_ID}/analytics`);
  await expect(page.getByRole("heading", { level: 1, name: `Analytics: ${scenario.title}` })).toBeVisible();
  const items = page.getByRole("region", { name: "Item statistics", exact: true });
  await expect(items).toContainText("point-biserial correlation");
  await expect(items).toContainText(/first completed attempt on version \d+ \([1-9]\d* attempts?\)/);
  await expect(items.getByText("Small sample")).toBeVisible();
  await expect(items.getByRole("table", { name: "Decision by decision" }).locator("tbody > tr")).toHaveCount(
    Object.values(scenario.nodes).filter((n) => (n.choices?.length ?? 0) > 1).length,
  );
  await expectAccessible(page);
  await screenshots(page, "item-statistics");

  const csv = await page.request.get(`/studio/${SCENARIO_ID}/item-statistics.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).split("\n")[0]).toContain("facility %,discrimination,negative discrimination");
});

test("an educator sees the length-cue warning on a draft, as a warning with a fix hint", async ({ page }) => {
  await logIn(page, DEMO.educator);
  await page.goto("/studio");
  await page.getByLabel("Title").fill(`Length cue ${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Create blank scenario" }).click();
  await expect(page).toHaveURL(/\/studio\/length-cue/);
  await expect(page.locator(".ws-validation")).toContainText("No item-writing warnings.");

  // A second, much shorter response to the opening that scores less: the best one now gives itself away by length.
  await page.getByRole("button", { name: /open node opening$/ }).click();
  await page.locator("#node-opening-new-choice-target").selectOption("ending");
  await page.getByRole("button", { name: "Add a choice", exact: true }).click();
  await page.locator("#node-opening-choice-1-text").fill("Hello there.");
  const checks = page.getByTestId("item-writing-checks");
  await expect(checks).toContainText(/the best response is \d+\.\dx the mean length of the others/);
  await expect(checks).toContainText("How to fix: Give every response similar length and detail");
  await expect(checks.locator(".ws-tag--red")).toHaveCount(0);
  await expect(page.locator(".ws-validation")).toContainText("No errors: this draft can be published.");
  await expectAccessible(page);
  await screenshots(page, "studio-length-cue");
});
