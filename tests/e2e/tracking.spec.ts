// Tracking for a trust, end to end: an admin imports 50 staff from CSV and assigns a scenario to their team; one of
// them sets a password from the invitation link, completes it, prints a certificate; the Completion page and CSV show it.
import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { loadScenario, passingPath } from "./support/passing-path";
import { DEMO, expectAccessible, logIn, screenshot } from "./support/session";

const SCENARIO_ID = "red-flags-chest-pain";
const TEAM = "Urgent Care E2E";
const stamp = Date.now().toString(36);
const email = (n: number) => `e2e-${stamp}-${String(n).padStart(2, "0")}@trust.example.nhs.uk`;
const staffCsv = [
  "email,name,team,roles",
  ...Array.from({ length: 50 }, (_, i) => `${email(i + 1)},Staff Member ${i + 1},${TEAM},clinician`),
].join("\n");
const badCsv = [
  "email,name,team,roles",
  `${email(1)},Good Row,${TEAM},clinician`,
  "not-an-email,Bad Email,,clinician",
  `${email(1)},Duplicate,,clinician`,
  `${email(3)},Wrong Role,,surgeon`,
  `${DEMO.clinician},Already Here,,`,
].join("\n");

test.describe.configure({ mode: "serial" });

async function upload(page: Page, name: string, text: string) {
  await page.goto("/admin/staff/import");
  await page
    .getByLabel("CSV file", { exact: true })
    .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("heading", { name: /^Preview/ })).toBeVisible();
}

let invitation = "";
let certificateCode = "";

test("an admin imports 50 staff from CSV, seeing bad rows first, and assigns a scenario to their team", async ({
  page,
}) => {
  await logIn(page, DEMO.admin);
  await upload(page, "bad.csv", badCsv);
  await expect(page.getByTestId("import-summary")).toContainText("4 of 5 rows have problems");
  await expect(page.getByTestId("import-preview")).toContainText("is not a valid email address");
  await expect(page.getByTestId("import-preview")).toContainText("is also on line 2");
  await expect(page.getByTestId("import-preview")).toContainText('"surgeon" is not a role');
  await expect(page.getByTestId("import-preview")).toContainText("already a member of this organisation");
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, "admin-import-problems");

  await upload(page, "staff.csv", staffCsv);
  await expect(page.getByTestId("import-summary")).toContainText(
    "All 50 rows are ready to import. New teams to create: Urgent Care E2E.",
  );
  await screenshot(page, "admin-import-preview");
  await page.getByRole("button", { name: "Import 50 people" }).click();
  await expect(page.getByRole("heading", { name: "Imported 50 people" })).toBeVisible();
  invitation = (await page.locator(`code[data-email="${email(7)}"]`).textContent()) ?? "";
  expect(invitation).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page);
  await screenshot(page, "admin-import-done");

  await page.goto("/admin/staff");
  await expect(page.getByTestId("staff-table")).toContainText("Staff Member 7");
  await expectAccessible(page);
  await screenshot(page, "admin-staff");
  await page.getByRole("link", { name: "Staff Member 7", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Staff Member 7" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "admin-staff-member");

  await page.goto("/admin/assignments");
  await page.getByLabel(/red flags: chest pain/i).check();
  await page.getByLabel(TEAM).check();
  const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Due date").fill(due);
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByRole("status")).toContainText("Assigned 1 scenario");
  await expect(page.getByTestId("assignments-table")).toContainText("0 of 50");
  await expectAccessible(page);
  await screenshot(page, "admin-assignments");
});

test("a clinician from that team sets a password from the invitation, completes the assignment and prints a certificate", async ({
  page,
}) => {
  expect(invitation).not.toBe("");
  await page.goto(new URL(invitation).pathname);
  await expect(page.getByRole("heading", { name: "Welcome to Webside, Staff Member 7" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "invite");
  await page.getByLabel("Choose a password").fill("short");
  await page.getByLabel("Type it again").fill("short");
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(page.getByText("must be at least 8 characters")).toBeVisible();
  await page.getByLabel("Choose a password").fill("a long enough passphrase");
  await page.getByLabel("Type it again").fill("a long enough passphrase");
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Welcome, Staff/ })).toBeVisible();

  const assigned = page.getByRole("region", { name: "Assigned to you" });
  await expect(assigned).toContainText("Assigned to you, due");
  await expectAccessible(page);
  await screenshot(page, "home-assigned");

  // The link can be used once only.
  const again = await page.request.get(new URL(invitation).pathname);
  expect(again.status()).toBe(410);

  await assigned.getByRole("link").first().click();
  await page.locator("#confidence-2").check();
  await page.getByRole("button", { name: /^(Start the consultation|Start over)$/ }).click();
  await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]+$/);
  for (const step of passingPath(loadScenario(`scenarios/${SCENARIO_ID}.json`))) {
    const button = page.locator(`button[name="choiceId"][value="${step.choiceId}"]`);
    await expect(button).toBeVisible();
    await button.click();
    await expect(button).toHaveCount(0);
  }
  await expect(page).toHaveURL(/\/debrief$/);
  await expect(page.getByText(/^Passed:/)).toBeVisible();
  await page
    .getByLabel("What will you do differently")
    .fill("Ask about red flags in the first two minutes and keep the patient on the line while help comes.");
  await page.locator("#confidenceAfter-4").check();
  await page.getByRole("button", { name: "Save reflection" }).click();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Get your CPD certificate" }).click();
  await expect(page.getByTestId("certificate-name")).toHaveText("Staff Member 7");
  await expect(page.getByText("Ask about red flags in the first two minutes")).toBeVisible();
  certificateCode = (await page.getByTestId("certificate-code").textContent()) ?? "";
  expect(certificateCode).toMatch(/^WS-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expectAccessible(page);
  await screenshot(page, "certificate");
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".ws-header")).toBeHidden();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await screenshot(page, "certificate-print");
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.length).toBeGreaterThan(10_000);
  await page.emulateMedia({ media: "screen" });

  // Issued once: opening it again shows the same code.
  await page.reload();
  await expect(page.getByTestId("certificate-code")).toHaveText(certificateCode);

  await page.goto("/learning-record");
  await expect(page.getByTestId("learning-record")).toContainText(/red flags: chest pain/i);
  await expect(page.getByTestId("cpd-minutes")).toHaveText("15");
  await expectAccessible(page);
  await screenshot(page, "learning-record");
  const csv = await page.request.get("/learning-record.csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const [header, row] = parse(await csv.text()) as string[][];
  expect(header).toEqual([
    "completed at",
    "scenario",
    "version",
    "mode",
    "score",
    "passed",
    "cpd minutes",
    "certificate",
    "reflection",
    "stated minutes",
    "seconds taken",
  ]);
  expect(row!.slice(1, 8)).toEqual([
    expect.stringContaining("red flags: chest pain"),
    String(loadScenario(`scenarios/${SCENARIO_ID}.json`).version),
    "learning",
    expect.any(String),
    "yes",
    "15",
    certificateCode,
  ]);

  // Someone else's home does not show this person's assignment; the admin pages are closed to a clinician.
  expect((await page.request.get("/admin")).status()).toBe(403);
  expect((await page.request.get("/admin/export.csv")).status()).toBe(403);

  await page.context().clearCookies();
  await page.goto(`/verify/${certificateCode}`);
  await expect(page.getByTestId("verify-result")).toContainText("Valid certificate");
  // What a verifier compares with the paper (issue 12, finding 12), and nothing more: no email, no score.
  await expect(page.getByTestId("verify-result")).toContainText("Awarded toStaff Member 7");
  await expect(page.getByTestId("verify-result")).toContainText(/red flags: chest pain.*\(version \d+\)/i);
  await expect(page.getByTestId("verify-result")).toContainText("ResultPassed");
  await expect(page.getByTestId("verify-result")).not.toContainText(email(7));
  await expect(page.getByTestId("verify-result")).not.toContainText("%");
  await expectAccessible(page);
  await screenshot(page, "verify-valid");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "verify-valid-phone");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/verify/WS-0000-0000-0000-0000");
  await expect(page.getByTestId("verify-result")).toContainText("Not a valid certificate");
  await screenshot(page, "verify-invalid");
});

test("Completion and the CSV export show the completion, and agree with each other", async ({ page }) => {
  await logIn(page, DEMO.admin);
  await page.goto("/admin");
  const byScenario = page.getByTestId("completion-by-scenario-table");
  await expect(byScenario).toContainText(/red flags: chest pain/i);
  await expect(byScenario).toContainText("2% (1 of 50)");
  await expect(page.getByTestId("completion-by-team-table")).toContainText(`${TEAM}2% (1 of 50)`);
  await expect(page.getByTestId("completion-by-team")).toBeVisible();
  await expect(page.getByTestId("confidence-table")).toContainText("Before practising2");
  await expect(page.getByTestId("confidence-table")).toContainText("After practising4");
  await expectAccessible(page);
  await screenshot(page, "admin-dashboard");

  const response = await page.request.get("/admin/export.csv");
  expect(response.status()).toBe(200);
  const [header, ...rows] = parse(await response.text()) as string[][];
  expect(header).toEqual([
    "name",
    "email",
    "team",
    "scenario",
    "version",
    "status",
    "due",
    "completed at",
    "score",
    "passed",
  ]);
  const ours = rows.filter((r) => r[2] === TEAM);
  expect(ours).toHaveLength(50);
  const done = ours.filter((r) => r[5] === "completed");
  expect(done.map((r) => [r[0], r[1], r[9]])).toEqual([["Staff Member 7", email(7), "yes"]]);
  // Completion's totals are the CSV's rows counted.
  const total = await page.getByTestId("total-percent").textContent();
  const completedAll = rows.filter((r) => r[5]!.startsWith("completed")).length;
  expect(total).toBe(`${Math.round((1000 * completedAll) / rows.length) / 10}%`);

  await page.getByLabel("Team", { exact: true }).selectOption({ label: TEAM });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByTestId("total-percent")).toHaveText("2%");
  await screenshot(page, "admin-dashboard-filtered");

  const xapi = await page.request.get("/admin/export.xapi.json");
  const statements = (await xapi.json()) as Array<{ verb: { id: string }; actor: { mbox_sha1sum?: string } }>;
  expect(statements.map((s) => s.verb.id)).toContain("http://adlnet.gov/expapi/verbs/passed");
  expect(statements.every((s) => typeof s.actor.mbox_sha1sum === "string")).toBe(true);

  await page.goto("/admin/lrs");
  await expectAccessible(page);
  await screenshot(page, "admin-lrs");
});
