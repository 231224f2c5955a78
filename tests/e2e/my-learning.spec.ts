// A clinician's own record stays tidy and honest (issue 15, items 3, 5 and 6): one attempt in progress per
// scenario with an explicit start over, times shown, counts of scenarios (not attempts), a confirmation before
// leaving, Start near the top of the overview with required fields marked, and which mode completes an assignment.
import { expect, test, type Page } from "@playwright/test";
import { LEARNERS } from "./support/organisations";
import { DEMO, expectAccessible, logIn, screenshot } from "./support/session";

/** Starts from the overview with the button it must show: "Start the consultation", or "Start over" when resuming. */
async function startFromOverview(page: Page, id: string, button: RegExp = /Start the consultation/) {
  await page.goto(`/scenarios/${id}`);
  await page.locator("#confidence-3").check();
  await page.getByRole("button", { name: button }).click();
  await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]+$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

async function chooseFirst(page: Page) {
  const before = await page.locator(".ws-line--you").count();
  await page.locator(".ws-choice").first().click();
  await expect
    .poll(async () => page.url().includes("/debrief") || (await page.locator(".ws-line--you").count()) > before)
    .toBe(true);
}

const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test("starting over leaves one attempt in progress; My learning shows times and folds attempts left early", async ({
  page,
}) => {
  await logIn(page, LEARNERS.myLearning);
  const first = await startFromOverview(page, "sceptical-first-video");
  await chooseFirst(page);
  await page.goto("/scenarios/sceptical-first-video");
  await expect(page.getByRole("link", { name: "Resume where you left off" })).toHaveAttribute(
    "href",
    `/attempts/${first}`,
  );
  const second = await startFromOverview(page, "sceptical-first-video", /Start over/);
  expect(second).not.toBe(first);

  await page.goto("/history");
  const table = page.getByRole("table", { name: "Your attempts, newest first" });
  await expect(table.getByRole("row").filter({ hasText: "In progress" })).toHaveCount(1);
  await expect(table.getByRole("link", { name: /Resume/ })).toHaveAttribute("href", `/attempts/${second}`);
  await expect(table).toContainText(/\d{1,2} \w{3} \d{4}, \d{2}:\d{2}/);
  await expect(page.getByText("Attempts you left early (1)")).toBeVisible();
  await expectAccessible(page);

  await page.goto("/");
  const carryOn = page.locator(".ws-card", { hasText: "Carry on where you left off" });
  await expect(carryOn.getByRole("link", { name: /sceptical|first video/i })).toHaveCount(1);
  await expect(carryOn).toContainText(/last played \d{1,2} \w{3} \d{4}, \d{2}:\d{2}/);
});

test("the home page counts different scenarios completed, not attempts", async ({ page }) => {
  await logIn(page, LEARNERS.myLearning);
  for (let round = 0; round < 2; round++) {
    await startFromOverview(page, "red-flags-chest-pain", /Start the consultation|Start over/);
    for (let i = 0; i < 60 && !page.url().includes("/debrief"); i++) await chooseFirst(page);
    await expect(page).toHaveURL(/\/debrief$/);
  }
  await page.goto("/");
  const completed = page.locator(".ws-card", { hasText: /completed$/ }).first();
  await expect(completed.locator(".ws-stat")).toHaveText("1");
  await expect(completed).toContainText("scenario completed");
});

test("leaving the practice asks first; pausing keeps the attempt, ending it marks it left early", async ({ page }) => {
  await logIn(page, LEARNERS.myLearning);
  const id = await startFromOverview(page, "housebound-carer-present", /Start the consultation|Start over/);
  await page.locator("summary", { hasText: "Leave this practice" }).click();
  await expect(page.getByText("Leave this practice?")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/attempts/${id}$`));
  await expectAccessible(page);
  await screenshot(page, "practice-leave-confirm");
  await page.getByRole("link", { name: "Pause and leave" }).click();
  await expect(page).toHaveURL(/\/history$/);
  await page
    .getByRole("link", { name: /Resume/ })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/attempts/${id}$`));
  await page.locator("summary", { hasText: "Leave this practice" }).click();
  await page.getByRole("button", { name: "End this attempt" }).click();
  await expect(page).toHaveURL(/\/scenarios\/housebound-carer-present$/);
  await expect(page.getByRole("link", { name: "Resume where you left off" })).toHaveCount(0);
});

test.describe("on a phone (390x844)", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the overview puts Start near the top and marks what is required", async ({ page }) => {
    await logIn(page, LEARNERS.myLearning);
    await page.goto("/scenarios/group-physio-shoulder");
    // The start card follows the title and summary (it was about 2,500 px down, after everything else).
    const start = page.getByRole("button", { name: /Start the consultation|Start over/ });
    const pageTop = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    expect(await pageTop(".ws-start")).toBeLessThan(1000);
    expect(await pageTop(".ws-start .nhsuk-button[type=submit]")).toBeLessThan(1600);
    await expect(page.getByText(/How confident do you feel.*\(required\)/)).toBeVisible();
    await expect(page.getByText("Mode (required)")).toBeVisible();
    // Submitting without a rating says what is missing at the top, with focus on the summary.
    await start.click();
    await expect(page.getByRole("alert")).toContainText("Choose how confident you feel");
    await expect(page.locator(".nhsuk-error-summary")).toBeFocused();
    expect(await noSideScroll(page)).toBe(true);
    await expectAccessible(page);
    await screenshot(page, "overview-390");
    for (const path of ["/", "/history", "/scenarios"]) {
      await page.goto(path);
      expect(await noSideScroll(page), path).toBe(true);
    }
  });
});

test("an assessment assignment says on the home card and the overview that only assessment mode completes it", async ({
  page,
}) => {
  await logIn(page, DEMO.admin);
  await page.goto("/admin/assignments");
  await page.getByLabel(/Type 2 diabetes review/i).check();
  await page.getByLabel("People (optional)").fill(DEMO.clinician);
  await page.getByLabel("Due date").fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  await page.getByLabel(/Assessment: only attempts/).check();
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByRole("status")).toContainText("Assigned 1 scenario");

  await page.context().clearCookies();
  await logIn(page, DEMO.clinician);
  const card = page.getByRole("region", { name: "Assigned to you" });
  await expect(card).toContainText("Only a pass in assessment mode completes it");
  await expectAccessible(page);
  await screenshot(page, "home-assigned-mode");
  await card.getByRole("link", { name: /Type 2 diabetes review/i }).click();
  await expect(page.getByRole("status").filter({ hasText: "Assigned to you" })).toContainText(
    "Only a pass in assessment mode completes it",
  );
});
