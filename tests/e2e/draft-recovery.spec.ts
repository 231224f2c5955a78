// An unreadable stored draft (issue 12, finding 8): the editor shows a recovery view instead of failing, analytics
// says so, and starting again from a blank draft brings the editor back.
import { expect, test } from "@playwright/test";
import { OTHER_ACCOUNTS, UNREADABLE_DRAFT } from "./support/organisations";
import { expectAccessible, logIn, screenshot } from "./support/session";

test("an educator meets an unreadable draft, reads what happened and starts again", async ({ page }) => {
  await logIn(page, OTHER_ACCOUNTS.admin);
  const editor = await page.goto(`/studio/${UNREADABLE_DRAFT.id}`);
  expect(editor?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "This draft cannot be opened" })).toBeVisible();
  await expect(page.getByText("It has never been published, so learners are not affected.")).toBeVisible();
  await expect(page.getByRole("button", { name: /Restore version/ })).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, "draft-recovery");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "draft-recovery-phone");
  await page.setViewportSize({ width: 1280, height: 800 });

  const analytics = await page.goto(`/studio/${UNREADABLE_DRAFT.id}/analytics`);
  expect(analytics?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "This draft cannot be opened" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "draft-recovery-analytics");
  await page.getByRole("link", { name: "Recover the draft in the editor" }).click();

  await page.getByRole("button", { name: "Start again from a blank draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Untitled scenario" })).toBeVisible();
  await expectAccessible(page);
});
