// Adding a person, end to end: an empty form shows the NHS error summary at the top with focus on it; a complete one
// emails the invitation through the test SMTP server, moves focus to the result and empties the form; the emailed
// link opens the set-password page.
import { expect, test } from "@playwright/test";
import { startSmtpSink, type SmtpSink } from "./support/smtp-sink";
import { DEMO, expectAccessible, logIn, screenshotBothWidths } from "./support/session";

test.describe.configure({ mode: "serial" });

const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 3225);
const stamp = Date.now().toString(36);
const newcomer = { name: "Priya Invited", email: `priya.${stamp}@trust.example.nhs.uk` };
let sink: SmtpSink;

test.beforeAll(async () => {
  sink = await startSmtpSink(SMTP_PORT);
});
test.afterAll(async () => {
  await sink?.close();
});

test("an empty 'Add a person' shows the error summary at the top, with focus on it", async ({ page }) => {
  await logIn(page, DEMO.admin);
  await page.goto("/admin/staff");
  await page.getByRole("button", { name: "Add and invite" }).click();
  const summary = page.locator(".nhsuk-error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("There is a problem");
  await expect(summary.getByRole("link", { name: "Enter their name" })).toBeVisible();
  // One message per field, in the form's order.
  await expect(summary.getByRole("link")).toHaveText(["Enter their name", "Enter an email address"]);
  // The summary sits above the page's content, straight under the heading.
  const [summaryTop, tableTop] = await Promise.all([
    summary.evaluate((el) => el.getBoundingClientRect().top),
    page.getByTestId("staff-table").evaluate((el) => el.getBoundingClientRect().top),
  ]);
  expect(summaryTop).toBeLessThan(tableTop);
  await summary.getByRole("link", { name: "Enter their name" }).click();
  await expect(page.locator("#add-name")).toBeFocused();
  // Following a summary link keeps the errors on the page.
  await expect(summary).toBeVisible();
  await expect(page.locator("#add-name-error")).toContainText("Enter their name");
  await expectAccessible(page);
  await screenshotBothWidths(page, "admin-staff-add-errors");
});

test("adding a person emails their invitation, shows the result where the admin is and empties the form", async ({
  page,
  browser,
}) => {
  await logIn(page, DEMO.admin);
  await page.goto("/admin/staff");
  await page.getByLabel("Full name").fill(newcomer.name);
  await page.getByLabel("Email address").fill(newcomer.email);
  await page.locator("#add-role-educator").check();
  await page.getByRole("button", { name: "Add and invite" }).click();

  const result = page.getByTestId("invitation-result");
  await expect(result).toContainText(`Invitation emailed to ${newcomer.name}`);
  await expect(result).toBeFocused();
  await expect(result).toBeInViewport();
  await expect(page.getByLabel("Full name")).toHaveValue("");
  await expect(page.getByLabel("Email address")).toHaveValue("");
  // Back to the defaults for the next person: clinician only.
  await expect(page.locator("#add-role-educator")).not.toBeChecked();
  await expect(page.locator("#add-role-clinician")).toBeChecked();
  await expectAccessible(page);
  await screenshotBothWidths(page, "admin-staff-emailed");

  const message = await sink.waitFor(newcomer.email);
  expect(message.to).toEqual([newcomer.email]);
  expect(message.subject).toBe("Your Webside account at Demo NHS Trust");
  const link = /http:\/\/localhost:\d+\/invite\/[A-Za-z0-9_-]{43}/.exec(message.text)?.[0];
  expect(link, message.text).toBeDefined();

  const stranger = await browser.newPage();
  await stranger.goto(new URL(link!).pathname);
  await expect(stranger.getByRole("heading", { name: `Welcome to Webside, ${newcomer.name}` })).toBeVisible();
  await stranger.close();
});
