// The LRS page, end to end: reachable from the main navigation, and saving tests the connection against a stub LRS
// on 127.0.0.1, saying plainly whether it worked (status only, never what the LRS wrote back).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectAccessible, logIn, screenshotBothWidths } from "./support/session";

test.describe.configure({ mode: "serial" });

let lrs: Server;
let endpoint = "";
const GOOD = `Basic ${Buffer.from("webside-key:webside-secret").toString("base64")}`;

test.beforeAll(async () => {
  lrs = createServer((req, res) => {
    if (req.headers.authorization !== GOOD) res.writeHead(401).end("tenant 42 rejected: internal detail");
    else res.writeHead(200, { "Content-Type": "application/json" }).end('{"statements":[]}');
  });
  await new Promise<void>((resolve) => lrs.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(lrs.address() as AddressInfo).port}/xapi/`;
});
test.afterAll(async () => {
  await new Promise((resolve) => lrs.close(resolve));
});

async function save(page: Page, values: { endpoint: string; username: string; password: string }) {
  await page.getByLabel("Endpoint").fill(values.endpoint);
  await page.getByLabel("Key or username").fill(values.username);
  await page.getByLabel("Secret or password").fill(values.password);
  await page.getByRole("button", { name: "Save", exact: true }).click();
}

test("saving a wrong secret says the connection test failed, and why", async ({ page }) => {
  await logIn(page, DEMO.admin);
  await page.getByRole("banner").getByRole("link", { name: "LRS", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "LRS and exports" })).toBeVisible();
  await save(page, { endpoint, username: "webside-key", password: "wrong" });
  const result = page.getByTestId("lrs-result");
  await expect(result).toContainText("Saved, but the connection test failed");
  await expect(result).toContainText("The LRS answered 401 (Unauthorized). Check the key and secret.");
  await expect(result).not.toContainText("tenant 42");
  await expect(result).toBeFocused();
  await expectAccessible(page);
  await screenshotBothWidths(page, "admin-lrs-failed");
});

test("saving the right secret says it is connected", async ({ page }) => {
  await logIn(page, DEMO.admin);
  await page.goto("/admin/lrs");
  await save(page, { endpoint, username: "webside-key", password: "webside-secret" });
  const result = page.getByTestId("lrs-result");
  await expect(result).toContainText("Saved and connected");
  await expect(result).toContainText("The LRS accepted the key and secret (it answered 200).");
  await expect(result).toBeFocused();
  await expectAccessible(page);
  await screenshotBothWidths(page, "admin-lrs-connected");
  // Leave no connection behind for other specs' completed attempts to queue statements for.
  await page.getByRole("button", { name: "Remove the LRS" }).click();
  await expect(page.getByTestId("lrs-result")).toContainText("The LRS connection was removed");
});
