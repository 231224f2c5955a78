// What a live role-play page shows of the call: remote videos that have decoded a picture and keep playing.
import { expect, type Page } from "@playwright/test";

/** Every remote video on the page has decoded a picture (videoWidth > 0) and its frames keep advancing. */
export async function expectRemoteVideos(page: Page, count: number) {
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
