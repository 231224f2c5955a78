// A new choice can lead to a node that already exists (issue 15, item 8): picked by title from a list, or by
// dragging an edge in the branch graph; "Leads to" shows titles; deleting a node asks first.
import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, logIn, screenshot } from "./support/session";

test("an educator points new choices at an existing node from the list and by dragging in the graph", async ({
  page,
}) => {
  await logIn(page, DEMO.educator);
  await page.goto("/studio");
  await page.getByLabel("Title").fill(`Merging branches ${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Create blank scenario" }).click();
  await expect(page).toHaveURL(/\/studio\/merging-branches/);
  const nodes = page.locator(".react-flow__node");
  const edges = page.locator(".react-flow__edge");
  await expect(nodes).toHaveCount(2);
  // A blank scenario's opening has one choice, to its ending; wait for its edge before counting.
  await expect(edges).toHaveCount(1);
  const edgesBefore = 1;

  // The blank scenario's second node is its ending; a new choice at the opening can lead straight to it.
  const endingId = (await nodes.nth(1).getAttribute("data-id"))!;
  await page.getByRole("button", { name: /open node opening$/ }).click();
  const target = page.getByLabel("A new choice leads to");
  const option = target.locator(`option[value="${endingId}"]`);
  await expect(option).toHaveText(new RegExp(`\\(${endingId}\\)$`));
  await target.selectOption(endingId);
  await page.getByRole("button", { name: "Add a choice", exact: true }).click();
  await expect(nodes).toHaveCount(2);
  await expect(edges).toHaveCount(edgesBefore + 1);
  const leadsTo = page.locator("#node-opening-choice-1-next");
  await expect(leadsTo).toHaveValue(endingId);
  // "Leads to" names nodes by title, with the id after it.
  await expect(leadsTo.locator("option:checked")).toHaveText(new RegExp(`^\\S.* \\(${endingId}\\)$`));
  await expectAccessible(page);
  await screenshot(page, "studio-add-choice-existing");

  // Edges stay drawn while the draft changes: the graph once dropped them on every edit until it re-measured its
  // boxes, and after a drag they could stay gone.
  await page.evaluate(() => {
    const w = window as unknown as { fewestEdges: number };
    w.fewestEdges = document.querySelectorAll(".react-flow__edge").length;
    new MutationObserver(() => {
      w.fewestEdges = Math.min(w.fewestEdges, document.querySelectorAll(".react-flow__edge").length);
    }).observe(document.querySelector(".ws-graph")!, { subtree: true, childList: true });
  });
  await page.locator("#node-opening-choice-1-text").fill("Shall we go straight to the end?");

  // Dragging from the opening's handle onto the ending adds another choice between them, and no node.
  await page
    .locator('.react-flow__node[data-id="opening"] .react-flow__handle.source')
    .dragTo(page.locator(`.react-flow__node[data-id="${endingId}"] .react-flow__handle.target`));
  await expect(nodes).toHaveCount(2);
  await expect(edges).toHaveCount(edgesBefore + 2);
  expect(await page.evaluate(() => (window as unknown as { fewestEdges: number }).fewestEdges)).toBe(edgesBefore + 1);

  // Deleting asks first and says Undo brings it back.
  await page.locator("summary", { hasText: "Delete this node" }).click();
  await expect(page.getByText(/Undo, in the toolbar, brings it/)).toBeVisible();
  await expect(nodes).toHaveCount(2);
});
