// Developer aid: log in as each demo role against a running server and save screenshots of the main pages.
// Usage: npx tsx scripts/dev/screenshots.ts http://localhost:3000 /tmp/shots [path ...]
import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";

const [base = "http://localhost:3000", out = "/tmp/webside-shots", ...extra] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
const width = Number(process.env.WIDTH ?? 1280);
for (const role of (process.env.ROLES ?? "clinician,educator,admin").split(",")) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${base}/login`);
  if (role === "clinician") await page.screenshot({ path: `${out}/login.png`, fullPage: true });
  await page.fill("#email", `${role}@example.org`);
  await page.fill("#password", "webside-demo");
  await page.click("button[type=submit]");
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `${out}/${role}-home.png`, fullPage: true });
  for (const path of extra) {
    await page.goto(`${base}${path}`);
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `${out}/${role}${path.replace(/[^a-z0-9]+/gi, "_")}.png`, fullPage: true });
  }
  await page.close();
}
await browser.close();
console.log(`screenshots in ${out}`);
