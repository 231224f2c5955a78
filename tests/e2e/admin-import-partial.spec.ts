// A partial staff import, end to end: a file with an existing member and a bad email no longer blocks the good rows;
// the admin imports those, sees the skipped rows with why, and downloads them as CSV to correct.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { DEMO, expectAccessible, logIn, screenshotBothWidths } from "./support/session";

const stamp = Date.now().toString(36);
const TEAM = `Partial Import ${stamp}`;
const SKIPPED_TEAM = `Only Skipped ${stamp}`;
const good = (n: number) => `partial-${stamp}-${n}@trust.example.nhs.uk`;
const csv = [
  "email,name,team,roles",
  `${good(1)},Partial One,${TEAM},clinician`,
  `${DEMO.clinician},Already Here,${SKIPPED_TEAM},`,
  `${good(2)},Partial Two,${TEAM},`,
  "not-an-email,Bad Address,,clinician",
].join("\n");

test("an admin imports the good rows of a file, skipping an existing member and a bad email", async ({ page }) => {
  await logIn(page, DEMO.admin);
  await page.goto("/admin/staff/import");
  await page
    .getByLabel("CSV file", { exact: true })
    .setInputFiles({ name: "mixed.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByTestId("import-summary")).toContainText(
    "2 of 4 rows have problems. Nothing has been imported.",
  );
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  await expectAccessible(page);
  await screenshotBothWidths(page, "admin-import-partial-preview");

  await page.getByRole("button", { name: "Skip 2 rows with problems and import 2 people" }).click();
  await expect(page.getByRole("heading", { name: "Imported 2 people" })).toBeVisible();
  await expect(page.getByText(`New teams: ${TEAM}.`)).toBeVisible();
  const skipped = page.getByTestId("import-skipped");
  await expect(skipped).toContainText("2 rows were skipped");
  await expect(skipped).toContainText(
    `Line 3, Already Here (${DEMO.clinician}): ${DEMO.clinician} is already a member`,
  );
  await expect(skipped).toContainText(
    'Line 5, Bad Address (not-an-email): "not-an-email" is not a valid email address.',
  );
  await expect(page.locator(`code[data-email="${good(1)}"]`)).toContainText("/invite/");
  await expect(page.locator(`code[data-email="${good(2)}"]`)).toContainText("/invite/");
  await expectAccessible(page);
  await screenshotBothWidths(page, "admin-import-partial-done");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download the skipped rows (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("webside-skipped-staff.csv");
  const rows = parse(await readFile((await download.path())!, "utf8")) as string[][];
  expect(rows.map((r) => [r[0], r[4]])).toEqual([
    ["email", "line"],
    [DEMO.clinician, "3"],
    ["not-an-email", "5"],
  ]);

  await page.goto("/admin/staff");
  await expect(page.getByTestId("staff-table")).toContainText("Partial One");
  await expect(page.getByTestId("staff-table")).toContainText("Partial Two");
  await expect(page.getByTestId("staff-table")).not.toContainText("Bad Address");
  // A team named only on skipped rows is not created.
  await expect(page.getByLabel("Rename team").or(page.locator("body"))).not.toContainText(SKIPPED_TEAM);
});
