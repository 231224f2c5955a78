// The browser's WebRTC layer for real: three pages on a loopback harness form a full mesh on fake cameras, a scripted
// freeze and mute reach the learner only and lift at the next node, and a reloaded page is linked to again.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { buildHarnessBundle } from "./harness-bundle";
import { startHarnessServer, type HarnessServer } from "./harness-server";

interface Harness {
  peers(): Array<{ id: string; state: string; hasStream: boolean }>;
  frames(): Record<string, number>;
  firstFrameMs(): Record<string, number>;
  videoWidth(peerId: string): number;
  audioEnergy(peerId: string): number;
  problems(): string[];
}
declare global {
  interface Window {
    harness?: Harness;
  }
}

const LEARNER = "a-learner";
const ACTOR = "b-actor";
const OBSERVER = "c-observer";
const EVERYONE = [LEARNER, ACTOR, OBSERVER];

let server: HarnessServer;

test.beforeAll(async () => {
  server = await startHarnessServer(await buildHarnessBundle());
});
test.afterAll(async () => {
  await server?.close();
});

async function openPage(browser: Browser, me: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.origin}/?me=${me}&learner=${LEARNER}`);
  await page.waitForFunction(() => window.harness !== undefined);
  return page;
}

/** Every page's links and the relayed messages in short form: what a failure needs to be understood. */
async function describeMesh(page: Page): Promise<string> {
  const pages = page
    .context()
    .browser()!
    .contexts()
    .flatMap((c) => c.pages());
  const states = await Promise.all(
    pages.map(async (p) => {
      const state = await p.evaluate(() => ({ peers: window.harness!.peers(), problems: window.harness!.problems() }));
      return `${new URL(p.url()).searchParams.get("me")}: ${JSON.stringify(state)}`;
    }),
  );
  const relayed = server.log.map(({ id, from, to, message }) => {
    const connection = "connection" in message ? ` ${message.connection.slice(0, 7)}` : "";
    return `${id} ${from ?? "webside"} -> ${to ?? "all"} ${message.type}${connection}`;
  });
  return [...states, ...relayed].join("\n");
}

/** Waits until the page has a connected link with a playing video from each of the others. */
async function expectLinkedToOthers(page: Page, me: string) {
  const others = EVERYONE.filter((id) => id !== me);
  const linked = () =>
    page.evaluate(
      (ids) =>
        ids.every((id) => {
          const peer = window.harness!.peers().find((p) => p.id === id);
          return peer?.state === "connected" && window.harness!.videoWidth(id) > 0;
        }),
      others,
    );
  try {
    await expect.poll(linked).toBe(true);
  } catch (error) {
    console.log(`${me} is not linked to everyone:\n${await describeMesh(page)}`);
    throw error;
  }
}

/** Remote frames shown from `peerId` over `ms`. */
async function framesOver(page: Page, peerId: string, ms: number): Promise<number> {
  const before = await page.evaluate((id) => window.harness!.frames()[id] ?? 0, peerId);
  await page.waitForTimeout(ms);
  return (await page.evaluate((id) => window.harness!.frames()[id] ?? 0, peerId)) - before;
}

/**
 * Frames from `peerId` keep arriving. Counts are not judged against a rate: the machine running the check may be
 * busy, and a busy encoder sends fewer frames, not none.
 */
async function expectFramesAdvancing(page: Page, peerId: string, label: string) {
  await expect.poll(() => framesOver(page, peerId, 1000), { message: label, intervals: [0] }).toBeGreaterThanOrEqual(2);
}

async function energyOver(page: Page, peerId: string, ms: number): Promise<number> {
  const before = await page.evaluate((id) => window.harness!.audioEnergy(id), peerId);
  await page.waitForTimeout(ms);
  return (await page.evaluate((id) => window.harness!.audioEnergy(id), peerId)) - before;
}

test("a full mesh on fake cameras, scripted freeze and mute for the learner only, and a reload", async ({
  browser,
}) => {
  const pages = new Map<string, Page>();
  for (const id of EVERYONE) pages.set(id, await openPage(browser, id));
  const learner = pages.get(LEARNER)!;
  const observer = pages.get(OBSERVER)!;

  await test.step("everyone sees everyone else's video, and the frames keep coming", async () => {
    for (const [id, page] of pages) await expectLinkedToOthers(page, id);
    for (const [id, page] of pages) {
      for (const other of EVERYONE.filter((o) => o !== id))
        await expectFramesAdvancing(page, other, `${id} receiving ${other}`);
    }
    const first = await learner.evaluate(() => window.harness!.firstFrameMs());
    console.log(`first remote frame on the learner's page (ms after load): ${JSON.stringify(first)}`);
  });

  await test.step("a scripted freeze and mute reach the learner only", async () => {
    server.broadcast({
      type: "script",
      step: 1,
      nodeId: "frozen",
      finished: false,
      effects: [
        { kind: "freeze-video", actorId: ACTOR },
        { kind: "mute-audio", actorId: ACTOR },
      ],
    });
    // Give the actor's page a moment to capture the still and swap it in.
    await learner.waitForTimeout(1500);
    const [learnerFrames, observerFrames, learnerEnergy, observerEnergy] = await Promise.all([
      framesOver(learner, ACTOR, 3000),
      framesOver(observer, ACTOR, 3000),
      energyOver(learner, ACTOR, 3000),
      energyOver(observer, ACTOR, 3000),
    ]);
    console.log(
      `during the freeze, over 3 s: learner got ${learnerFrames} frames and ${learnerEnergy.toFixed(4)} audio energy from the actor; observer ${observerFrames} frames and ${observerEnergy.toFixed(4)}`,
    );
    // At most the still itself arrives; meanwhile the observer keeps receiving the actor's moving picture.
    expect(learnerFrames).toBeLessThanOrEqual(1);
    expect(observerFrames).toBeGreaterThanOrEqual(3);
    expect(learnerEnergy).toBeLessThan(observerEnergy / 20);
    expect(observerEnergy).toBeGreaterThan(0);
  });

  await test.step("the next node lifts both", async () => {
    server.broadcast({ type: "script", step: 2, nodeId: "thawed", finished: false, effects: [] });
    await expectFramesAdvancing(learner, ACTOR, "learner receiving the actor after the thaw");
    await expect.poll(() => energyOver(learner, ACTOR, 1500), { intervals: [0] }).toBeGreaterThan(0);
  });

  await test.step("a reloaded page is linked to again by everyone", async () => {
    await learner.reload();
    await learner.waitForFunction(() => window.harness !== undefined);
    await expectLinkedToOthers(learner, LEARNER);
    for (const id of [ACTOR, OBSERVER]) {
      const page = pages.get(id)!;
      await expectLinkedToOthers(page, id);
      expect(await page.evaluate(() => window.harness!.peers().length)).toBe(2);
      await expectFramesAdvancing(page, LEARNER, `${id} receiving the reloaded learner`);
    }
  });

  console.log(`largest relayed message by type (characters): ${JSON.stringify(server.largest)}`);
  console.log(`messages posted: ${JSON.stringify(Object.fromEntries(server.posted))}`);
  for (const [id, page] of pages) expect(await page.evaluate(() => window.harness!.problems()), id).toEqual([]);
});
