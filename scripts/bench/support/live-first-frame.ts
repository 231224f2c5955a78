// Time to first remote frame for bench:live: two headless Chromiums on Chromium's own fake camera, the clinician's page
// waiting in the lobby, the actor joining with the code. The clock starts when the actor presses "Join" and stops, on
// each page, when a colleague's video has decoded its first picture (videoWidth > 0).
import { chromium, type Browser, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath, fakeMediaArgs } from "./chromium";

export interface FirstFrameSample {
  /** From the actor's "Join" to the clinician's page showing the actor's picture. */
  learnerMs: number;
  /** From the actor's "Join" to the actor's page showing the clinician's picture. */
  actorMs: number;
}

export interface Person {
  base: string;
  email: string;
}

declare global {
  interface Window {
    firstRemoteFrameAt?: number | null;
  }
}

/**
 * Stamps (wall clock, as this process reads it) the first moment any remote video on the page has a picture. A
 * string, because tsx wraps named inner functions in a helper the page does not have.
 */
const WATCH_FIRST_REMOTE_FRAME = `
  window.firstRemoteFrameAt = null;
  setInterval(() => {
    if (window.firstRemoteFrameAt) return;
    for (const video of document.querySelectorAll("video[data-peer]")) {
      if (video.videoWidth > 0) window.firstRemoteFrameAt = Date.now();
    }
  }, 5);
`;

async function signedIn(browser: Browser, person: Person, password: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: person.base });
  await context.addInitScript(WATCH_FIRST_REMOTE_FRAME);
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email address").fill(person.email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("heading", { level: 1, name: /Welcome/ }).waitFor({ timeout: 30_000 });
  return page;
}

/** What a page shows of the call, for the reason a repeat failed. */
const callState = (page: Page) =>
  page
    .evaluate(() => {
      const videos = [...document.querySelectorAll<HTMLVideoElement>("video[data-peer]")];
      const status = document.querySelector('[aria-label="Video"] [role="status"]')?.textContent ?? "no status";
      return `${status}; remote videos: ${videos.map((v) => `${v.videoWidth}x${v.videoHeight}`).join(", ") || "none"}`;
    })
    .catch((error: Error) => error.message.split("\n")[0]!);

async function firstFrame(page: Page, who: string): Promise<number> {
  try {
    const handle = await page.waitForFunction(() => window.firstRemoteFrameAt ?? null, null, { timeout: 30_000 });
    return (await handle.jsonValue()) as number;
  } catch (error) {
    throw new Error(`${who}: no remote frame within 30 s (${await callState(page)}): ${(error as Error).message}`);
  }
}

/** `repeats` calls, each a fresh session; a repeat that fails ends the run with what was measured so far. */
export async function measureFirstFrames(options: {
  learner: Person;
  actor: Person;
  password: string;
  scenarioId: string;
  repeats: number;
}): Promise<{ samples: FirstFrameSample[]; problem: string | null }> {
  const launch = () =>
    chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, ...fakeMediaArgs({})] });
  const browsers: Browser[] = [];
  const samples: FirstFrameSample[] = [];
  try {
    browsers.push(await launch(), await launch());
    const learner = await signedIn(browsers[0]!, options.learner, options.password);
    const actor = await signedIn(browsers[1]!, options.actor, options.password);
    for (let i = 0; i < options.repeats; i++) {
      await learner.goto(`/scenarios/${options.scenarioId}`);
      await learner.getByRole("button", { name: "Start a live session" }).click();
      const code = (await learner.getByTestId("join-code").textContent({ timeout: 30_000 }))!.trim();
      // The clinician's page is in the lobby with its own stream open before the actor arrives.
      await learner.getByRole("status").filter({ hasText: "Connected" }).waitFor({ timeout: 30_000 });
      await actor.goto(`/live/join/${code.replace("-", "")}`);
      const join = actor.getByRole("button", { name: /Join as the patient actor/ });
      await join.waitFor();
      // Remix moves between pages in place, so the stamps of the last repeat are cleared by hand.
      for (const page of [learner, actor]) await page.evaluate(() => (window.firstRemoteFrameAt = null));
      const pressed = Date.now();
      await join.click();
      const [learnerAt, actorAt] = await Promise.all([firstFrame(learner, "clinician"), firstFrame(actor, "actor")]);
      samples.push({ learnerMs: learnerAt - pressed, actorMs: actorAt - pressed });
      await learner.getByRole("button", { name: "End the session" }).click();
      await learner.getByText("This live session has ended.").waitFor({ timeout: 30_000 });
    }
    return { samples, problem: null };
  } catch (error) {
    return { samples, problem: (error as Error).message.split("\n")[0]!.slice(0, 160) };
  } finally {
    for (const browser of browsers) await browser.close().catch(() => undefined);
  }
}
