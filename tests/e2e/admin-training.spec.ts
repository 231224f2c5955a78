// Who is missing training, end to end: an admin sees each person's status per assignment (an invited person who never
// signed in shown as invited, not as active staff), filters it, sees a learner's practice appear as "in progress"
// with its time, and downloads the same list as CSV.
import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { LEARNERS, TRAINING_GAPS } from "./support/organisations";
import { choose, startScenario } from "./support/practice";
import { DEMO, expectAccessible, logIn, logOut, screenshotBothWidths } from "./support/session";

test.describe.configure({ mode: "serial" });

async function filterTo(page: Page, options: { team?: string; status?: string }) {
  await page.goto("/admin/training");
  if (options.team) await page.getByLabel("Team", { exact: true }).selectOption({ label: options.team });
  if (options.status) await page.getByLabel("Status", { exact: true }).selectOption({ label: options.status });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/team=/);
}

test("an admin sees who in a team is missing training, with an invited person shown as invited", async ({ page }) => {
  await logIn(page, DEMO.admin);
  await page.getByRole("link", { name: "Completion", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Completion" })).toBeVisible();
  await page
    .getByRole("navigation", { name: "Administration" })
    .getByRole("link", { name: "Who is missing training" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Who is missing training" })).toBeVisible();

  await filterTo(page, { team: TRAINING_GAPS.team });
  await expect(page.getByTestId("count-active-staff")).toHaveText("1");
  await expect(page.getByTestId("count-invited")).toHaveText("1");
  await expect(page.getByTestId("count-overdue")).toHaveText("2");
  await expect(page.getByTestId("count-not-started")).toHaveText("2");
  const people = page.getByTestId("training-people");
  await expect(people.locator("tbody tr")).toHaveCount(4);
  // Overdue first.
  await expect(people.locator("tbody tr").first()).toContainText("Overdue");
  const invited = people.locator(`tr[data-email="${TRAINING_GAPS.invited.email}"]`);
  await expect(invited).toHaveCount(2);
  await expect(invited.first()).toContainText("Invited, not signed in yet");
  await expect(page.getByTestId("training-by-team")).toContainText(TRAINING_GAPS.team);
  await expectAccessible(page);
  await screenshotBothWidths(page, "admin-training");
});

test("a learner's practice shows as in progress with its time, and the CSV matches the filtered list", async ({
  page,
}) => {
  await logIn(page, LEARNERS.trainingGaps);
  await startScenario(page, TRAINING_GAPS.dueLaterScenario);
  await choose(page);
  await logOut(page);

  await logIn(page, DEMO.admin);
  await filterTo(page, { team: TRAINING_GAPS.team, status: "In progress" });
  const rows = page.getByTestId("training-people").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Learner trainingGaps");
  await expect(rows.first()).toContainText("In progress");
  await expect(rows.first()).not.toContainText("None yet");
  await expectAccessible(page);
  await screenshotBothWidths(page, "admin-training-in-progress");

  const href = await page.getByRole("link", { name: "Download this list as CSV" }).getAttribute("href");
  expect(href).toMatch(/^\/admin\/training\.csv\?/);
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toMatch(/attachment; filename="webside-training-status-/);
  const [header, ...csv] = parse(await response.text()) as string[][];
  expect(header).toEqual(["name", "email", "team", "signed in", "scenario", "due", "status", "last activity"]);
  expect(csv).toHaveLength(1);
  expect(csv[0]!.slice(0, 4)).toEqual(["Learner trainingGaps", LEARNERS.trainingGaps, TRAINING_GAPS.team, "yes"]);
  expect(csv[0]![6]).toBe("in progress");
  expect(csv[0]![7]).toMatch(/^\d{4}-\d{2}-\d{2}T/);

  // The whole team's CSV marks the invited person as never signed in.
  const all = parse(await (await page.request.get(href!.replace(/&?status=[^&]*/, ""))).text()) as string[][];
  expect(all.filter((r) => r[1] === TRAINING_GAPS.invited.email).map((r) => r[3])).toEqual([
    "no (invited)",
    "no (invited)",
  ]);
});
