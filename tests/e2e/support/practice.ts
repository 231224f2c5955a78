// Shared practice steps: start a scenario from its overview (whether or not an attempt is already in progress, the
// overview's button then says "Start over"), choose a response, and play on to the debrief.
import { expect, type Page } from "@playwright/test";

export async function startScenario(
  page: Page,
  id: string,
  options: { mode?: "learning" | "assessment"; confidence?: number } = {},
): Promise<string> {
  await page.goto(`/scenarios/${id}`);
  await page.locator(`#confidence-${options.confidence ?? 3}`).check();
  await page.getByLabel(options.mode === "assessment" ? /^Assessment/ : /^Learning/).check();
  await page.getByRole("button", { name: /^(Start the consultation|Start over)$/ }).click();
  await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]+$/);
  await expect(page.getByRole("heading", { name: "How do you respond?" })).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop()!;
}

export const youLines = (page: Page) => page.locator(".ws-line--you").count();

/** Clicks the response at `index` (in the shuffled order shown) and waits for the next turn or the debrief. */
export async function choose(page: Page, index = 0) {
  const before = await youLines(page);
  await page.locator(".ws-choice").nth(index).click();
  await expect.poll(async () => page.url().includes("/debrief") || (await youLines(page)) > before).toBe(true);
}

export async function playToEnd(page: Page) {
  for (let i = 0; i < 60 && !page.url().includes("/debrief"); i++) await choose(page);
  await expect(page).toHaveURL(/\/debrief$/);
}
