// A camera that passed /check is still on in the practice room (issue 15, item 3), remembered on this device only.
import { expect, test } from "@playwright/test";
import { fakeCameraVideo, launchWithCamera } from "./support/fake-camera";
import { expectAccessible } from "./support/session";

test.describe.configure({ timeout: 90_000 });

test("after a working camera check the practice room starts with camera feedback on", async ({ baseURL }) => {
  const run = await launchWithCamera(baseURL!, { camera: "video", file: fakeCameraVideo("well-framed") });
  try {
    const { page } = run;
    await page.goto("/check?scenario=red-flags-chest-pain");
    await expect(page.getByTestId("camera-remembered")).toBeVisible({ timeout: 30_000 });
    await expectAccessible(page);
    await page.getByRole("link", { name: /Continue to/ }).click();
    await page.locator("#confidence-3").check();
    await page.getByRole("button", { name: /Start the consultation|Start over/ }).click();
    await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]+$/);
    const corner = page.getByTestId("camera-corner");
    await expect(corner.getByRole("button", { name: "Turn camera off" })).toBeVisible();
    await expect(corner.locator("video")).toBeVisible();
  } finally {
    await run.close();
  }
});
