// The authoring studio in a real browser: build a four-node scenario, see and fix a dead end, preview, publish; a
// clinician then plays it; an educator imports a Twee file and publishes it. Every studio page passes axe.
import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectAccessible, logIn, logOut, screenshot } from "./support/session";

const TITLE = `Checking in by video ${Date.now().toString(36)}`;

/** Every graph node is drawn inside the graph's box (the view was fitted to the whole graph). */
async function expectGraphFits(page: Page) {
  await page.locator(".ws-graph").scrollIntoViewIfNeeded();
  await expect(page.locator(".react-flow__node").first()).toBeVisible();
  await expect
    .poll(async () => {
      const box = (await page.locator(".ws-graph").boundingBox())!;
      const nodes = await page
        .locator(".react-flow__node")
        .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
      const top = await page.evaluate(() => window.scrollY);
      return nodes.every(
        (n) =>
          n.x >= box.x - 1 &&
          n.right <= box.x + box.width + 1 &&
          n.y + top >= box.y + top - 1 &&
          n.bottom <= box.y + box.height + 1,
      );
    })
    .toBe(true);
}

async function openNode(page: Page, id: string) {
  await page.getByRole("button", { name: new RegExp(`open node ${id}$`) }).click();
  await expect(page.locator(`#node-${id}-heading`)).toBeFocused();
}

test("an educator builds, fixes, previews and publishes a scenario, and a clinician plays it", async ({ page }) => {
  await logIn(page, DEMO.educator);
  await page.goto("/studio");
  await expect(page.getByRole("heading", { level: 1, name: "Authoring studio" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "studio-library");

  await page.getByLabel("Title").fill(TITLE);
  await page.getByRole("button", { name: "Create blank scenario" }).click();
  await expect(page).toHaveURL(/\/studio\/checking-in-by-video/);
  await expect(page.locator(".react-flow__node")).toHaveCount(2);

  // A choice added from the graph leads to a new, empty node: a dead end the graph and the checks show at once.
  await page.getByRole("button", { name: "Add a choice to opening" }).click();
  await expect(page.locator(".react-flow__node")).toHaveCount(3);
  await expect(page.locator(".ws-graph-node--error")).toHaveCount(1);
  await expect(page.locator(".ws-graph-node--error")).toContainText("Needs fixing");
  await expect(page.locator(".ws-validation")).toContainText("Node 'New moment' has no choices and is not an ending");
  await expect(page.getByRole("button", { name: "Publish version 1" })).toBeDisabled();
  await expectAccessible(page);
  await screenshot(page, "studio-editor-dead-end");

  // Fix it: node-1 gets a choice of its own, leading to a fourth node that becomes a good ending.
  await page.getByRole("button", { name: "Open ‘New moment’ (node-1)" }).click();
  await page
    .locator("#node-node-1-choice-0-text")
    .waitFor({ state: "detached" })
    .catch(() => {});
  await page.getByRole("button", { name: "Add a choice", exact: true }).click();
  await page.locator("#node-node-1-choice-0-text").fill("Ask how the video is working for her today.");
  await page
    .locator("#node-node-1-choice-0-feedback")
    .fill("Checking the connection early shows care and avoids surprises.");
  await page.locator("#node-node-1-choice-0-effect-rapport").fill("2");
  await openNode(page, "node-2");
  await page.locator("#node-node-2-kind").selectOption("ending");
  await page.locator("#node-node-2-ending-title").fill("A confident start");
  await openNode(page, "opening");
  await page.locator("#node-opening-choice-1-text").fill("Check she can hear you clearly first.");
  await page.locator("#node-opening-choice-1-effect-rapport").fill("1");
  await expect(page.locator(".ws-graph-node--error")).toHaveCount(0);
  await expect(page.locator(".react-flow__node")).toHaveCount(4);
  await expect(page.locator(".ws-validation")).toContainText("No errors");
  await expectGraphFits(page);

  // Undo takes back the last change (a deleted node), leaving the earlier edits in place.
  await openNode(page, "node-2");
  await page.locator("summary", { hasText: "Delete this node" }).click();
  await page.getByRole("button", { name: "Yes, delete this node" }).click();
  await expect(page.locator(".react-flow__node")).toHaveCount(3);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.locator(".react-flow__node")).toHaveCount(4);
  await expect(page.locator(".ws-validation")).toContainText("No errors");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText(/Saved \(revision \d+\)/)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "studio-editor-fixed");

  await page.getByRole("link", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { name: /Preview:/ })).toBeVisible();
  await page.getByRole("button", { name: "Check she can hear you clearly first." }).click();
  await expect(page.getByText("Running scores")).toBeVisible();
  await page.getByRole("button", { name: "Ask how the video is working for her today." }).click();
  await expect(page.getByText(/Ending \(good\): A confident start/)).toBeVisible();
  await page.getByLabel("Jump to node").selectOption("node-1");
  await expect(page.getByRole("button", { name: "Ask how the video is working for her today." })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "studio-preview");

  await page.getByRole("link", { name: "Back to the editor" }).click();
  await expect(page.getByText("nodes added")).toBeVisible();
  await page.getByRole("button", { name: "Publish version 1" }).click();
  await expect(page.getByText("Published version 1.", { exact: true })).toBeVisible();
  await screenshot(page, "studio-published");

  await page.getByRole("link", { name: "Analytics" }).click();
  await expect(page.getByRole("heading", { name: /Analytics:/ })).toBeVisible();
  await expectAccessible(page);
  await logOut(page);

  await logIn(page, DEMO.clinician);
  await page.goto("/scenarios");
  await page.getByRole("link", { name: TITLE }).click();
  await page.locator("#confidence-3").check();
  await page.getByRole("button", { name: /^(Start the consultation|Start over)$/ }).click();
  await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]+$/);
  await page.locator(".ws-choice", { hasText: "Check she can hear you clearly first." }).click();
  await page.locator(".ws-choice", { hasText: "Ask how the video is working for her today." }).click();
  await expect(page).toHaveURL(/\/debrief$/);
  await expect(page.getByText("A confident start").first()).toBeVisible();
  await logOut(page);

  // The educator sees the attempt in the analytics.
  await logIn(page, DEMO.educator);
  await page.goto("/studio");
  await page.getByRole("link", { name: TITLE }).click();
  await page.getByRole("link", { name: "Analytics" }).click();
  await expect(page.getByText("completed (1 passed)")).toBeVisible();
  await screenshot(page, "studio-analytics");
});

test("an educator imports a Twine story, sees the report, and publishes it", async ({ page }) => {
  await logIn(page, DEMO.educator);
  await page.goto("/studio");
  await page.getByLabel(/File \(at most 256 KB\)/).setInputFiles("tests/fixtures/interchange/e2e-import.twee");
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("table", { name: "Import report" })).toContainText("has no feedback yet");
  await expectAccessible(page);
  await screenshot(page, "studio-import-report");
  await page.getByRole("link", { name: "Open Imported interpreter call in the editor" }).click();
  await expect(page).toHaveURL(/\/studio\/imported-interpreter-call/);
  await expect(page.getByText("Imported from e2e-import.twee.")).toBeVisible();
  await expect(page.locator(".react-flow__node")).toHaveCount(4);
  await expect(page.locator(".ws-graph-node--good")).toContainText("Good ending");
  await expectGraphFits(page);
  await expectAccessible(page);
  await screenshot(page, "studio-imported");
  await page.getByRole("button", { name: "Publish version 1" }).click();
  await expect(page.getByText("Published version 1.", { exact: true })).toBeVisible();

  // A file that is not a scenario is refused with a reason and nothing is created.
  await page.goto("/studio");
  await page.getByLabel(/File \(at most 256 KB\)/).setInputFiles({
    name: "notes.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"__proto__": {"x": 1}}'),
  });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("alert")).toContainText("'__proto__'");
  await expectAccessible(page);
  await screenshot(page, "studio-import-refused");
});
