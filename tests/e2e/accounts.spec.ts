// Foundation journeys: each role logs in to the right home page, changes password, logs out; every page passes axe.
import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expectAccessible, logIn, logOut, screenshot } from "./support/session";

test("the login page is accessible and explains a wrong password without saying which part was wrong", async ({
  page,
}) => {
  await page.goto("/login");
  await expectAccessible(page);
  await screenshot(page, "login");
  await page.getByLabel("Email address").fill(DEMO.clinician);
  await page.getByLabel("Password", { exact: true }).fill("not the password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert")).toContainText("email address or password is not right");
  await expectAccessible(page);
  await screenshot(page, "login-error");
});

for (const [role, email, heading] of [
  ["clinician", DEMO.clinician, "Your practice"],
  ["educator", DEMO.educator, "Authoring"],
  ["admin", DEMO.admin, "Staff and completion"],
] as const) {
  test(`a ${role} lands on their own home page`, async ({ page }) => {
    await logIn(page, email);
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, `home-${role}`);
    await page.goto("/account");
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    await expectAccessible(page);
    await logOut(page);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });
}

test("changing the password signs out other sessions and the new password works", async ({ browser, page }) => {
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await logIn(otherPage, DEMO.educator);
  await logIn(page, DEMO.educator);
  await page.goto("/account");
  await page.getByLabel("Current password").fill(DEMO_PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill("a much longer passphrase");
  await page.getByLabel("Confirm new password").fill("a much longer passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password has been changed");
  await screenshot(page, "account-password-changed");
  // The other device's session was revoked on the server.
  await otherPage.goto("/account");
  await expect(otherPage).toHaveURL(/\/login/);
  await logOut(page);
  await logIn(page, DEMO.educator, "a much longer passphrase");
  // Put it back so other tests can use the demo password.
  await page.goto("/account");
  await page.getByLabel("Current password").fill("a much longer passphrase");
  await page.getByLabel("New password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByLabel("Confirm new password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toBeVisible();
  await other.close();
});

test("responses carry the security headers", async ({ request }) => {
  const response = await request.get("/login");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'wasm-unsafe-eval'/);
  expect(headers["content-security-policy"]).toContain("connect-src 'self'");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["permissions-policy"]).toContain("camera=(self), microphone=(self)");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["cache-control"]).toBe("no-store");
  const health = await request.get("/healthz");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", store: { ok: true, kind: "lowdb" } });
});

test("a cross-site form post is refused", async ({ request, baseURL }) => {
  const forged = await request.post("/logout", { headers: { Origin: "http://evil.example" }, form: {} });
  expect(forged.status()).toBe(403);
  const noOrigin = await request.fetch(`${baseURL}/login`, {
    method: "POST",
    form: { email: DEMO.admin, password: DEMO_PASSWORD },
  });
  expect(noOrigin.status()).toBe(403);
});
