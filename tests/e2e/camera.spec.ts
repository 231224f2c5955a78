// The pre-call check in a real browser with fake cameras: each camera situation gets the right plain-words status,
// and a refused or missing camera gets a specific message while the practice carries on without camera feedback.
import { expect, test, type Page } from "@playwright/test";
import { fakeCameraVideo, launchWithCamera, type CameraBrowser, type FakeCameraVariant } from "./support/fake-camera";
import { expectAccessible, screenshot } from "./support/session";

test.describe.configure({ timeout: 60_000 });

const line = (page: Page, item: string) => page.locator(`.ws-readiness__line[data-item="${item}"]`);

/** What /check must say for each fake camera, once the analysis has settled. */
const SITUATIONS: Array<{
  variant: FakeCameraVariant;
  situation: string;
  expectations: (page: Page) => Promise<void>;
}> = [
  {
    variant: "well-framed",
    situation: "a well-framed, well-lit face is told it is ready",
    expectations: async (page) => {
      await expect(page.getByTestId("readiness-summary")).toHaveText("You're ready");
      for (const item of ["framing", "distance", "eyeLine", "lighting", "microphone"])
        await expect(line(page, item)).toHaveAttribute("data-status", "ok");
    },
  },
  {
    variant: "off-centre",
    situation: "a face far to one side is asked to move to the centre",
    expectations: async (page) => {
      await expect(line(page, "framing")).toContainText(
        /Move a little to your (left|right), so you are in the middle of the picture/,
      );
      await expect(page.getByTestId("readiness-summary")).toContainText("fix 1 thing: framing");
    },
  },
  {
    variant: "tiny",
    situation: "a tiny, distant face is asked to move closer",
    expectations: async (page) => {
      await expect(line(page, "framing")).toContainText(/move closer/i);
    },
  },
  {
    variant: "huge",
    situation: "a huge face with the head cut off is asked to move back",
    expectations: async (page) => {
      await expect(line(page, "distance")).toContainText("Move back a little");
      await expect(line(page, "framing")).toContainText("Your head is cut off");
    },
  },
  {
    variant: "dark",
    situation: "a dark picture gets the lighting nudge",
    expectations: async (page) => {
      await expect(line(page, "lighting")).toContainText("It is a little dark: add a light in front of you");
      await expect(line(page, "framing")).toHaveAttribute("data-status", "ok");
    },
  },
  {
    variant: "backlit",
    situation: "a bright background behind a dark face gets the backlight nudge",
    expectations: async (page) => {
      await expect(line(page, "lighting")).toContainText("There is light behind you");
    },
  },
  {
    variant: "empty",
    situation: "an empty room is told we can't see you",
    expectations: async (page) => {
      await expect(line(page, "framing")).toContainText("We can't see you");
      await expect(line(page, "lighting")).toHaveAttribute("data-status", "checking");
    },
  },
];

for (const { variant, situation, expectations } of SITUATIONS) {
  test(`/check: ${situation}`, async ({ baseURL }) => {
    const session = await launchWithCamera(baseURL!, { camera: "video", file: fakeCameraVideo(variant) });
    try {
      const { page } = session;
      await page.goto("/check?scenario=sceptical-first-video");
      await expect(page.getByRole("link", { name: /Back to/ })).toBeVisible();
      await expect(page.getByTestId("camera-diagnostics")).toBeVisible({ timeout: 15_000 });
      await expect(async () => expectations(page)).toPass({ timeout: 15_000 });
      await expect(page.getByText("Your video never leaves this device")).toBeVisible();
      if (variant === "well-framed") {
        const fps = Number(await page.getByTestId("camera-diagnostics").getAttribute("data-fps"));
        expect(fps).toBeGreaterThan(5);
        await expectAccessible(page);
        await screenshot(page, "check-ready");
      }
      if (variant === "backlit") await screenshot(page, "check-backlit");
    } finally {
      await session.close();
    }
  });
}

async function expectPracticeWithoutCamera(session: CameraBrowser, problem: RegExp) {
  const { page } = session;
  await page.goto("/scenarios/sceptical-first-video");
  await page.locator("#confidence-3").check();
  await page.getByRole("button", { name: /^(Start the consultation|Start over)$/ }).click();
  await expect(page.getByRole("heading", { name: "How do you respond?" })).toBeVisible();
  await page.getByRole("button", { name: "Turn camera on" }).click();
  await expect(page.getByTestId("camera-corner").getByRole("alert")).toContainText(problem);
  await expect(page.getByTestId("camera-corner")).toContainText("You can still practise without camera feedback");
  // The practice carries on: a choice moves the consultation on.
  const before = await page.locator(".ws-line--you").count();
  await page.locator(".ws-choice").first().click();
  await expect
    .poll(async () => page.url().includes("/debrief") || (await page.locator(".ws-line--you").count()) > before)
    .toBe(true);
}

test("a refused camera gets a specific message on /check, and the practice continues without camera feedback", async ({
  baseURL,
}) => {
  const session = await launchWithCamera(baseURL!, { camera: "denied" });
  try {
    await session.page.goto("/check");
    await expect(session.page.getByRole("alert")).toContainText("Webside is not allowed to use your camera");
    await expect(session.page.getByRole("alert")).toContainText("allow the camera and microphone for this site");
    await expectAccessible(session.page);
    await expectPracticeWithoutCamera(session, /not allowed to use your camera/);
  } finally {
    await session.close();
  }
});

test("a computer with no camera is told so", async ({ baseURL }) => {
  const session = await launchWithCamera(baseURL!, { camera: "none" });
  try {
    await session.page.goto("/check");
    await expect(session.page.getByRole("alert")).toContainText("No camera was found");
  } finally {
    await session.close();
  }
});
