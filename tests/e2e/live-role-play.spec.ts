// Live role-play end to end (issue 14, ADR 0054): three people of the demo trust, each in their own Chromium with a
// fake camera, hold a scripted video consultation through Webside. Each sees the others' video peer to peer, the
// actor moves the script on three nodes through the server, the clinician reloads and rejoins in place.
import { expect, test, type Page } from "@playwright/test";
import { applyChoice, startRun, viewOf } from "../../app/core/scenario";
import { fakeCameraVideo, fakeMicrophoneSound, launchWithCamera, type CameraBrowser } from "./support/fake-camera";
import { expectRemoteVideos } from "./support/live-video";
import { loadScenario, passingPath } from "./support/passing-path";
import { LEARNERS } from "./support/organisations";
import { DEMO, expectAccessible, screenshotBothWidths } from "./support/session";

const SCENARIO = "sceptical-first-video";
/** The actor records the responses of a passing path, so the script reaches an ending the record can show. */
const PATH = passingPath(loadScenario(`scenarios/${SCENARIO}.json`));
/** The step of that path whose node freezes the patient's video ("mood"); the next one lifts it. */
const FREEZE_STEP = 5;
/** The step whose node puts the patient on mute ("history"); the next one ("audio-back") lifts it. */
const MUTE_STEP = 2;

/**
 * The loudest moment (RMS, 0 to 1) of one colleague's sound as this page receives it, over 1.5 s: the remote audio
 * track played into a Web Audio analyser.
 */
async function remoteLevel(page: Page, name: string): Promise<number> {
  return page.getByLabel(`${name}'s video`).evaluate(async (video) => {
    const tracks = ((video as HTMLVideoElement).srcObject as MediaStream | null)?.getAudioTracks() ?? [];
    if (tracks.length === 0) return -1;
    const context = new AudioContext();
    await context.resume();
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    context.createMediaStreamSource(new MediaStream(tracks)).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let loudest = 0;
    for (const end = performance.now() + 1500; performance.now() < end;) {
      await new Promise((resolve) => setTimeout(resolve, 40));
      analyser.getFloatTimeDomainData(samples);
      loudest = Math.max(loudest, Math.sqrt(samples.reduce((sum, x) => sum + x * x, 0) / samples.length));
    }
    await context.close();
    return loudest;
  });
}

/** Frames decoded from one colleague's video in the 1.5 s after the call. */
async function framesIn(page: Page, name: string): Promise<number> {
  const video = page.getByLabel(`${name}'s video`);
  const count = () => video.evaluate((v) => (v as HTMLVideoElement).getVideoPlaybackQuality().totalVideoFrames);
  const before = await count();
  await page.waitForTimeout(1500);
  return (await count()) - before;
}

test.describe("live role-play", () => {
  const browsers: CameraBrowser[] = [];
  test.afterAll(async () => {
    for (const b of browsers) await b.close();
  });

  test("three colleagues hold a scripted video consultation through Webside", async ({ baseURL }) => {
    // Three Chromiums, camera analysis, voice capture and many checks on a 2-core machine shared with other work.
    test.setTimeout(360_000);
    const camera = { camera: "video" as const, file: fakeCameraVideo("well-framed") };
    // The clinician sits in a dark room, so the camera check and the nudges on the call have something to say, and
    // speaks (a speech-like sound on the fake microphone), so each step of the script has voice figures.
    const learner = await launchWithCamera(
      baseURL!,
      { camera: "video", file: fakeCameraVideo("dark") },
      LEARNERS.live,
      [`--use-file-for-fake-audio-capture=${fakeMicrophoneSound()}`],
    );
    // The actor's microphone plays a speech-like sound, so a scripted mute can be heard (or not) on the other side.
    const actor = await launchWithCamera(baseURL!, camera, DEMO.educator, [
      `--use-file-for-fake-audio-capture=${fakeMicrophoneSound()}`,
    ]);
    const observer = await launchWithCamera(baseURL!, camera, DEMO.admin);
    browsers.push(learner, actor, observer);
    // Counts the learner page's camera requests: the camera check must analyse the call's stream, not open another.
    await learner.page.addInitScript(() => {
      const media = navigator.mediaDevices;
      const open = media.getUserMedia.bind(media);
      const counted = window as unknown as { gumCalls: number };
      counted.gumCalls = 0;
      media.getUserMedia = (constraints) => {
        counted.gumCalls++;
        return open(constraints);
      };
    });

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
    // Each has the pre-call check on their own picture in the lobby (the call's stream, analysed on the device).
    await expect(learner.page.locator('[data-item="lighting"]')).toHaveAttribute("data-status", "fix", {
      timeout: 30_000,
    });
    await expect(actor.page.getByTestId("readiness-summary")).toHaveText(/ready/i, { timeout: 30_000 });
    expect(await learner.page.evaluate(() => (window as unknown as { gumCalls?: number }).gumCalls)).toBe(1);
    // And each sees the others' verdicts beside their names (only the verdict travels): the clinician knows the
    // actor is ready, and the actor that the clinician has something to fix.
    const checkOf = (page: Page, role: string) =>
      page.getByTestId("participants").locator("li", { hasText: role }).getByTestId("participant-check");
    await expect(checkOf(learner.page, "Patient actor")).toHaveText("Camera and microphone ready", { timeout: 30_000 });
    await expect(checkOf(actor.page, "Clinician")).toHaveText(/^\d+ things? to fix in the camera check$/, {
      timeout: 30_000,
    });
    await expectAccessible(learner.page);
    await screenshotBothWidths(learner.page, "live-lobby");

    // The learner starts once the part has a connected actor; the actor's script card appears on its own.
    const start = learner.page.getByRole("button", { name: "Start the consultation" });
    await expect(start).toBeEnabled({ timeout: 20_000 });
    await start.click();
    const node = actor.page.getByTestId("current-node");
    await expect(node).toHaveAttribute("data-step", "0", { timeout: 20_000 });
    await expect(actor.page.getByText("The clinician's response was closest to:")).toBeVisible();
    // The learner speaks freely: no written responses on their screen, and the solo room's private nudges.
    await expect(learner.page.getByText("The clinician's response was closest to:")).toHaveCount(0);
    await expect(learner.page.getByTestId("camera-nudges").locator('[data-check="lighting"]')).toBeVisible({
      timeout: 30_000,
    });
    await expect(actor.page.getByTestId("camera-nudges")).toHaveCount(0);

    // The actor records three responses; each step goes through the server and every page follows it. The scripted
    // mute really silences the actor's sound for the clinician (not for the observer) until the next node.
    const actorName = (await learner.page
      .getByTestId("participants")
      .locator("li", { hasText: "Patient actor" })
      .locator("strong")
      .textContent())!;
    const HEARD = 0.01;
    for (const step of [1, 2, 3]) {
      await actor.page.getByRole("button", { name: PATH[step - 1]!.text, exact: true }).click();
      await expect(node).toHaveAttribute("data-step", String(step), { timeout: 20_000 });
      await expect(observer.page.getByTestId("current-node")).toHaveAttribute("data-step", String(step), {
        timeout: 20_000,
      });
      if (step === MUTE_STEP) {
        await expect(node).toHaveAttribute("data-node", "history");
        await expect.poll(() => remoteLevel(learner.page, actorName), { timeout: 15_000 }).toBeLessThan(0.001);
        expect(await remoteLevel(observer.page, actorName)).toBeGreaterThan(HEARD);
      } else {
        await expect.poll(() => remoteLevel(learner.page, actorName), { timeout: 15_000 }).toBeGreaterThan(HEARD);
      }
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

    // The actor records the rest of the path to the ending. Where the script freezes the patient's video, the
    // clinician's picture of the actor really stops (the observer's does not) until the next node lifts it.
    for (const [index, choice] of PATH.entries()) {
      if (index < 3) continue;
      await actor.page.getByRole("button", { name: choice.text, exact: true }).click();
      await expect(node).toHaveAttribute("data-step", String(index + 1), { timeout: 20_000 });
      if (index + 1 === FREEZE_STEP) {
        await expect(node).toHaveAttribute("data-node", "mood");
        await expect.poll(() => framesIn(learner.page, actorName), { timeout: 15_000 }).toBe(0);
        expect(await framesIn(observer.page, actorName)).toBeGreaterThan(0);
      }
      if (index + 1 === FREEZE_STEP + 1) {
        await expect.poll(() => framesIn(learner.page, actorName), { timeout: 15_000 }).toBeGreaterThan(0);
      }
    }
    await expect(actor.page.getByText("The consultation has reached its ending.")).toBeVisible();

    // The observer rates on the debrief page's form (open from the start): a 4 for everything, final.
    const sessionPath = new URL(learner.page.url()).pathname;
    await observer.page.goto(`${sessionPath}/debrief`);
    const rating = observer.page
      .locator("form")
      .filter({ has: observer.page.locator('input[name="intent"][value="rate"]') });
    for (const radio of await rating.locator('input[type="radio"][value="4"]').all()) await radio.check();
    await rating.getByLabel("This is my final rating").check();
    await rating.getByRole("button", { name: "Save rating" }).click();
    await expect(observer.page.getByText("Saved.")).toBeVisible();
    await observer.page.getByLabel("Add a note (time-stamped)").fill("Acknowledged the trouble with the call calmly");
    await observer.page.getByRole("button", { name: "Add note" }).click();
    await expect(observer.page.getByTestId("observer-rating")).toContainText("Acknowledged the trouble");
    await expectAccessible(observer.page);

    // The learner ends the session; the session pages still open say so.
    await learner.page.getByRole("button", { name: "End the session" }).click();
    for (const person of [learner, actor]) {
      await expect(person.page.getByText("This live session has ended.")).toBeVisible({ timeout: 20_000 });
    }

    // The actor answers as the patient afterwards; then everyone reads one debrief with every perspective.
    await actor.page.goto(`${sessionPath}/debrief`);
    const view = actor.page
      .locator("form")
      .filter({ has: actor.page.locator('input[name="intent"][value="patient"]') });
    for (const radio of await view.locator('input[type="radio"][value="4"]').all()) await radio.check();
    await view.getByRole("button", { name: /view$/ }).click();
    await expect(actor.page.getByTestId("patient-view")).toBeVisible();
    for (const person of [learner, actor, observer]) {
      await person.page.goto(`${sessionPath}/debrief`);
      await expect(person.page.getByRole("heading", { level: 1, name: "Live debrief" })).toBeVisible();
      await expect(person.page.getByRole("heading", { name: "The path the actor recorded" })).toBeVisible();
      await expect(person.page.getByTestId("observer-rating")).toContainText("Global rating: Good");
      await expect(person.page.getByTestId("patient-view")).toContainText("Mostly");
      // The clinician's presence figures, recorded on their device during the call (numbers only).
      await expect(person.page.getByText(/Camera feedback was on for/)).toBeVisible();
      // And how they spoke at each step of the script, measured on their device (no onset: a colleague spoke the lines):
      // a turn for every step from the first response to the ending, including any step the actor recorded before the
      // clinician's page had shown it (only the very first can be missing, if the sound analysis started late).
      const turns = person.page.getByTestId("spoken-turn");
      expect(await turns.count()).toBeGreaterThanOrEqual(PATH.length);
      const spoke = await person.page
        .getByTestId("spoken-speaking")
        .allTextContents()
        .then((all) => all.map((t) => Number(/([\d.]+) s/.exec(t)?.[1] ?? 0)));
      expect(Math.max(...spoke)).toBeGreaterThan(1);
      await expect(person.page.getByTestId("spoken-onset")).toHaveCount(0);
      await expectAccessible(person.page);
    }
    await screenshotBothWidths(learner.page, "live-debrief");

    // The learner's learning record lists it as live practice.
    await learner.page.goto("/learning-record");
    await expect(learner.page.getByTestId("learning-record")).toContainText("live practice");

    // The trust's admin (here also the observer) sees it on the dashboard as live practice, by team and person.
    await observer.page.goto("/admin");
    const live = observer.page.getByTestId("live-practice");
    await expect(live.getByTestId("live-practice-totals")).toContainText(/live consultations? held/);
    await expect(live.getByTestId("live-practice-by-person")).toContainText("Learner live");
    await expectAccessible(observer.page);
    await live.scrollIntoViewIfNeeded();
    await screenshotBothWidths(observer.page, "admin-live-practice");
  });
  test("an actor playing all three patients of a group scenario switches between them", async ({ baseURL }) => {
    test.setTimeout(180_000);
    const group = loadScenario("scenarios/group-physio-shoulder.json");
    const name = new Map(group.cast.map((c) => [c.id, c.name]));
    /** Whose voice the actor is by the script: the last of the cast to speak in the node. */
    const speaking = (snapshot: unknown) =>
      name.get(
        viewOf(group, snapshot)
          .lines.map((l) => l.speaker)
          .filter((id) => name.has(id))
          .at(-1)!,
      )!;
    const start = startRun(group).snapshot;
    const first = viewOf(group, start).choices[0]!;
    const next = applyChoice(group, start, first.id);
    if (!next.ok) throw new Error("the group scenario's first choice was refused");

    const camera = { camera: "video" as const, file: fakeCameraVideo("well-framed") };
    const learner = await launchWithCamera(baseURL!, camera, LEARNERS.live);
    const actor = await launchWithCamera(baseURL!, camera, DEMO.educator);
    browsers.push(learner, actor);
    await learner.page.goto(`/scenarios/${group.id}`);
    await learner.page.getByRole("button", { name: "Start a live session" }).click();
    const code = (await learner.page.getByTestId("join-code").textContent())!.trim();
    await actor.page.goto(`/live/join/${code.replace("-", "")}`);
    await actor.page.getByRole("button", { name: /Join as the patient actor/ }).click();
    await expectRemoteVideos(learner.page, 1);
    await learner.page.getByRole("button", { name: "Start the consultation" }).click({ timeout: 20_000 });

    // The switch follows the script: the first node's last speaker; the clinician's caption says whose voice it is.
    const parts = actor.page.getByRole("group", { name: /Speaking as/ });
    await expect(parts.getByRole("button")).toHaveCount(3, { timeout: 20_000 });
    const pressed = parts.locator('[aria-pressed="true"]');
    await expect(pressed).toHaveText(speaking(start));
    await expect(learner.page.locator("figcaption", { hasText: `as ${speaking(start)}` })).toBeVisible();
    // Switched by hand: that character's brief is shown.
    const other = group.cast.find((c) => c.name !== speaking(start))!;
    await parts.getByRole("button", { name: other.name }).click();
    await expect(pressed).toHaveText(other.name);
    await expect(actor.page.getByTestId("speaking-as")).toContainText(other.bio.slice(0, 40));
    // The switch is shared: the clinician's caption of the actor's video now names that character.
    await expect(learner.page.locator("figcaption", { hasText: `as ${other.name}` })).toBeVisible({ timeout: 20_000 });
    await expectAccessible(actor.page);
    await screenshotBothWidths(actor.page, "live-actor-parts");
    // The script moves on: the switch follows it again.
    await actor.page.getByRole("button", { name: first.text, exact: true }).click();
    await expect(actor.page.getByTestId("current-node")).toHaveAttribute("data-step", "1", { timeout: 20_000 });
    await expect(pressed).toHaveText(speaking(next.snapshot));
    await expect(learner.page.locator("figcaption", { hasText: `as ${speaking(next.snapshot)}` })).toBeVisible({
      timeout: 20_000,
    });
    await learner.page.getByRole("button", { name: "End the session" }).click();
    await expect(learner.page.getByText("This live session has ended.")).toBeVisible({ timeout: 20_000 });
  });
});
