// Organisations are isolated: people of another trust cannot open, change or export the demo trust's records.
import { expect, test } from "@playwright/test";
import { LEARNERS, OTHER_ACCOUNTS } from "./support/organisations";
import { startScenario } from "./support/practice";
import { DEMO, logIn } from "./support/session";

test("another trust's clinician and admin cannot reach the demo trust's attempt, staff or exports", async ({
  browser,
  baseURL,
}) => {
  const demo = await browser.newPage();
  await logIn(demo, LEARNERS.isolation);
  await startScenario(demo, "sceptical-first-video");
  const attemptUrl = new URL(demo.url()).pathname;

  const admin = await browser.newPage();
  await logIn(admin, DEMO.admin);
  await admin.goto("/admin/staff");
  const staffLink = admin.locator('a[href^="/admin/staff/"]', { hasText: "Priya Shah" }).first();
  const staffUrl = (await staffLink.getAttribute("href"))!;
  expect(staffUrl).toMatch(/^\/admin\/staff\/[^/]+$/);

  const other = await browser.newPage();
  await logIn(other, OTHER_ACCOUNTS.clinician);
  const seen = await other.goto(attemptUrl);
  expect(seen?.status()).toBe(404);
  await expect(other.getByRole("heading", { name: "Page not found" })).toBeVisible();
  const forged = await other.request.post(attemptUrl, {
    headers: { Origin: baseURL! },
    form: { intent: "choose", choiceId: "anything", step: "0" },
  });
  expect(forged.status()).toBe(404);
  const api = await other.request.get(`/api${attemptUrl}/choose`);
  expect(api.status()).toBe(404);

  const otherAdmin = await browser.newPage();
  await logIn(otherAdmin, OTHER_ACCOUNTS.admin);
  expect((await otherAdmin.goto(staffUrl))?.status()).toBe(404);
  const csv = await otherAdmin.request.get("/admin/export.csv");
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).not.toContain(DEMO.clinician);
  expect(text).not.toContain("Priya Shah");
  await otherAdmin.goto("/admin/staff");
  await expect(otherAdmin.getByText("Priya Shah")).toHaveCount(0);

  // The demo clinician's attempt is untouched by all of that.
  await demo.reload();
  await expect(demo.locator(".ws-line--you")).toHaveCount(0);
});
