// Live role-play end to end (issue 14, ADR 0054): three people of the demo trust, each in their own Chromium with a
// fake camera, hold a scripted video consultation through Webside. Each sees the others' video peer to peer, the
// actor moves the script on three nodes through the server, the clinician reloads and rejoins in place.
import { expect, test, type Page } from "@playwright/test";
import { fakeCameraVideo, launchWithCamera, type CameraBrowser } from "./support/fake-camera";
import { LEARNERS } from "./support/organisations";
import { DEMO, expectAccessible, screenshotBothWidths } from "./support/session";

const SCENARIO = "sceptical-first-video";

/** Every remote video on the page has decoded a picture (videoWidth > 0) and its frames keep advancing. */
async function expectRemoteVideos(page: Page, count: number) {
  const remote = page.locator("video[data-peer]");
  await expect(remote).toHaveCount(count, { timeout: 30_000 });
  await expect
    .poll(async () => remote.evaluateAll((videos) => videos.map((v) => (v as HTMLVideoElement).videoWidth > 0)), {
      timeout: 30_000,
    })
    .toEqual(Array(count).fill(true));
  const played = () =>
    remote.evaluateAll((videos) =>
      videos.map((v) => (v as HTMLVideoElement).getVideoPlaybackQuality().totalVideoFrames),
    );
  const before = await played();
  await expect.poll(async () => (await played()).every((n, i) => n > before[i]!), { timeout: 15_000 }).toBe(true);
}

test.describe("live role-play", () => {
  const browsers: CameraBrowser[] = [];
  test.afterAll(async () => {
    for (const b of browsers) await b.close();
  });

  test("three colleagues hold a scripted video consultation through Webside", async ({ baseURL }) => {
    test.setTimeout(240_000);
    const camera = { camera: "video" as const, file: fakeCameraVideo("well-framed") };
    const learner = await launchWithCamera(baseURL!, camera, LEARNERS.live);
    const actor = await launchWithCamera(baseURL!, camera, DEMO.educator);
    const observer = await launchWithCamera(baseURL!, camera, DEMO.admin);
    browsers.push(learner, actor, observer);

    // The clinician starts a live session from the scenario's overview.
    await learner.page.goto(`/scenarios/${SCENARIO}`);
    await learner.page.getByRole("button", { name: "Start a live session" }).click();
    await expect(learner.page.getByRole("heading", { level: 1, name: "Your consultation" })).toBeVisible();
    const code = (await learner.page.getByTestId("join-code").textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await expect(learner.page.getByRole("button", { name: "Start the consultation" })).toBeDisabled();

    // The actor types the code; the observer follows the link.
    await actor.page.goto("/live/join");
    await expectAccessible(actor.page);
    await actor.page.getByLabel("Join code").fill(code.toLowerCase());
    await actor.page.getByRole("button", { name: "Continue" }).click();
    await expectAccessible(actor.page);
    await actor.page.getByRole("button", { name: /Join as the patient actor/ }).click();
    await expect(actor.page.getByRole("heading", { level: 1, name: "You are the patient" })).toBeVisible();
    await observer.page.goto(`/live/join/${code.replace("-", "")}`);
    await observer.page.getByRole("button", { name: "Join as an observer" }).click();
    await expect(observer.page.getByRole("heading", { level: 1, name: "Observing" })).toBeVisible();

    // Everyone sees the two others' video, peer to peer.
    for (const person of [learner, actor, observer]) await expectRemoteVideos(person.page, 2);
    await expectAccessible(learner.page);
    await screenshotBothWidths(learner.page, "live-lobby");

    // The learner starts once the part has a connected actor; the actor's script card appears on its own.
    const start = learner.page.getByRole("button", { name: "Start the consultation" });
    await expect(start).toBeEnabled({ timeout: 20_000 });
    await start.click();
    const node = actor.page.getByTestId("current-node");
    await expect(node).toHaveAttribute("data-step", "0", { timeout: 20_000 });
    await expect(actor.page.getByText("The clinician's response was closest to:")).toBeVisible();
    // The learner speaks freely: no written responses on their screen.
    await expect(learner.page.getByText("The clinician's response was closest to:")).toHaveCount(0);

    // The actor records three responses; each step goes through the server and every page follows it.
    for (const step of [1, 2, 3]) {
      await actor.page.locator(".ws-live-choice").first().click();
      await expect(node).toHaveAttribute("data-step", String(step), { timeout: 20_000 });
      await expect(observer.page.getByTestId("current-node")).toHaveAttribute("data-step", String(step), {
        timeout: 20_000,
      });
    }
    await expectAccessible(actor.page);
    await screenshotBothWidths(actor.page, "live-actor");
    await expectAccessible(observer.page);
    await screenshotBothWidths(observer.page, "live-observer");

    // The learner reloads and rejoins in place: still the clinician, video back from both colleagues.
    await learner.page.reload();
    await expect(learner.page.getByRole("heading", { level: 1, name: "Your consultation" })).toBeVisible();
    await expectRemoteVideos(learner.page, 2);
    await expectRemoteVideos(actor.page, 2);
    await expectAccessible(learner.page);
    await screenshotBothWidths(learner.page, "live-learner");

    // The learner ends the session; every page says so.
    await learner.page.getByRole("button", { name: "End the session" }).click();
    for (const person of [learner, actor, observer]) {
      await expect(person.page.getByText("This live session has ended.")).toBeVisible({ timeout: 20_000 });
    }
  });
});
