// The branch graph at the size of a real scenario (issue 15, item 9): parallel choices drawn apart, labels only on
// focus or hover, a minimap, and "Find a node" opening a node and zooming the graph to it. Judged on the largest
// bundled scenario, duplicated into the studio.
import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectAccessible, logIn, screenshotBothWidths } from "./support/session";

const LARGEST = "Suicidal thoughts disclosed on a video review";

/** The window as the educator sees it with the graph in view (the graph column is sticky, so no element shots). */
async function graphScreenshot(page: Page, name: string) {
  await page.locator(".ws-graph").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `tests/e2e/screenshots/studio-graph-largest-${name}.png` });
}

test("the branch graph of the largest bundled scenario stays readable and finds nodes", async ({ page }) => {
  await logIn(page, DEMO.educator);
  await page.goto("/studio");
  await page.getByRole("button", { name: `Duplicate to customise ${LARGEST}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(LARGEST);
  const graph = page.locator(".ws-graph");
  await expect(graph.locator(".react-flow__node")).toHaveCount(34);
  await expect(graph.locator(".react-flow__minimap")).toBeVisible();
  await graphScreenshot(page, "opening");

  // Four choices lead from "Joining the call" to "How are things?": four different curves, not one on another.
  const parallel = graph.locator('.react-flow__edge[data-id^="join-call/"] .react-flow__edge-path');
  await expect(parallel).toHaveCount(4);
  const paths = await parallel.evaluateAll((els) => els.map((el) => el.getAttribute("d")));
  expect(new Set(paths).size).toBe(4);

  // Labels stay hidden until an edge has focus (or the pointer), so they never pile up.
  const firstChoice = graph.locator('.react-flow__edge[data-id^="join-call/"]').first();
  const label = firstChoice.locator(".react-flow__edge-textwrapper");
  await expect(label).toBeHidden();
  await firstChoice.focus();
  await expect(label).toBeVisible();
  await graphScreenshot(page, "label");
  await expect(firstChoice).toHaveAttribute("aria-label", /^Choice ".+", from Joining the call to How are things\?$/);
  // Only the open node's choices are in the tab order, so the node buttons stay a few Tabs away.
  await expect(graph.locator('.react-flow__edge[tabindex="0"]')).toHaveCount(4);

  // Find a node by part of its title: it opens in the side form and the graph centres on it at a readable zoom.
  await page.getByRole("searchbox", { name: "Find a node" }).fill("crisis team");
  // The title "Worried about the crisis team" and the id "crisis-team" both match.
  await expect(page.getByRole("status").filter({ hasText: "2 shown" })).toBeVisible();
  await page.getByRole("button", { name: "Worried about the crisis team (hesitant)" }).click();
  await expect(page.locator("#node-hesitant-heading")).toBeFocused();
  await expect(page.locator("#node-hesitant-heading")).toContainText("Worried about the crisis team");
  const box = page.locator('.react-flow__node[data-id="hesitant"]');
  await expect(box.locator(".ws-graph-node--selected")).toHaveCount(1);
  await graph.scrollIntoViewIfNeeded();
  await expect
    .poll(async () => {
      const g = (await graph.boundingBox())!;
      const n = (await box.boundingBox())!;
      return [
        Math.round(Math.abs(n.x + n.width / 2 - (g.x + g.width / 2))),
        Math.round(Math.abs(n.y + n.height / 2 - (g.y + g.height / 2))),
        Math.round(n.width),
      ];
    })
    .toEqual([expect.any(Number), expect.any(Number), 190]);
  const g = (await graph.boundingBox())!;
  const n = (await box.boundingBox())!;
  expect(Math.abs(n.x + n.width / 2 - (g.x + g.width / 2))).toBeLessThan(4);
  expect(Math.abs(n.y + n.height / 2 - (g.y + g.height / 2))).toBeLessThan(4);

  await graphScreenshot(page, "found");

  // Enter opens the first match, by id too.
  await page.getByRole("searchbox", { name: "Find a node" }).fill("sunday-drinks");
  await page.keyboard.press("Enter");
  await expect(page.locator("#node-sunday-drinks-heading")).toBeFocused();

  await expectAccessible(page);
  await screenshotBothWidths(page, "studio-graph-largest");
  await page.setViewportSize({ width: 390, height: 844 });
  await graphScreenshot(page, "phone");
  await page.setViewportSize({ width: 1280, height: 800 });
});

test("the analytics graph of the largest bundled scenario has the minimap and separate parallel choices", async ({
  page,
}) => {
  await logIn(page, DEMO.educator);
  await page.goto("/studio/telemental-suicidal-disclosure/analytics");
  const graph = page.locator(".ws-graph");
  await expect(graph.locator(".react-flow__node")).toHaveCount(34);
  await expect(graph.locator(".react-flow__minimap")).toBeVisible();
  const parallel = graph.locator('.react-flow__edge[data-id^="join-call/"] .react-flow__edge-path');
  expect(new Set(await parallel.evaluateAll((els) => els.map((el) => el.getAttribute("d")))).size).toBe(4);
  await expectAccessible(page);
  await graphScreenshot(page, "analytics");
});
