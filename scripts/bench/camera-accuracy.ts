// `npm run bench:camera-accuracy`: the pre-call check's verdicts against labelled camera situations. Two public-domain
// portraits (tests/fixtures/faces) are moved, scaled, warped, darkened, brightened, backlit or removed by ffmpeg into
// fake-camera videos (scripts/camera/situations.ts), each labelled with what a correct check must say. Each video is
// played to the built app's /check page in its own headless Chromium (the fake camera is a launch flag), logged in as
// the demo clinician on a fresh lowdb store, and the verdict is read once the page has settled. Prints the confusion
// matrix, the agreement and every miss; a situation that cannot be run gets a row saying why, and the run carries on.
// Options: --only <text> (situations whose id contains it)   --keep (keep the videos)   --json
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Cookie } from "@playwright/test";
import { buildIfStale } from "../build-if-stale.js";
import { settledVerdict } from "../camera/check-verdict";
import { PORTRAITS } from "../camera/portraits";
import { situationsFor, VERDICTS, type Situation, type Verdict } from "../camera/situations";
import { situationVideo } from "../camera/situation-video";
import { CHROMIUM_ARGS, chromiumPath, fakeMediaArgs } from "./support/chromium";
import { startServer } from "./support/server-process";
import { freePort } from "./support/targets";

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    keep: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});

interface Outcome {
  id: string;
  made: string;
  label: Verdict;
  verdict: Verdict | "checking" | "error";
  problems: string[];
  note: string;
}

const messageOf = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 200);

async function main() {
  const situations = PORTRAITS.flatMap(situationsFor).filter((s) => !values.only || s.id.includes(values.only));
  const dir = mkdtempSync(path.join(tmpdir(), "webside-bench-camera-accuracy-"));
  buildIfStale();
  const port = await freePort();
  const server = await startServer({
    port,
    dataFile: path.join(dir, "data", "webside.json"),
    env: { NODE_ENV: "test" },
  });
  // One browser profile for every run, so MediaPipe's files come from the HTTP cache after the first.
  const profile = path.join(dir, "profile");
  const outcomes: Outcome[] = [];
  let cookies: Cookie[] = [];
  const started = Date.now();
  try {
    for (const [n, situation] of situations.entries()) {
      const outcome = await runSituation(situation, { dir, profile, url: server.url, cookies });
      cookies = outcome.cookies;
      outcomes.push(outcome.result);
      if (!values.json)
        process.stderr.write(
          `${String(n + 1).padStart(3)}/${situations.length} ${situation.id.padEnd(42)} ${outcome.result.label.padEnd(13)} -> ${outcome.result.verdict}${outcome.result.note ? ` (${outcome.result.note})` : ""}\n`,
        );
    }
  } finally {
    await server.stop();
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
    else console.error(`Videos kept in ${dir}`);
  }
  if (values.json) {
    console.log(JSON.stringify(outcomes, null, 2));
  } else {
    printReport(outcomes, (Date.now() - started) / 1000);
  }
  const agreed = outcomes.filter((o) => o.verdict === o.label).length;
  process.exitCode = outcomes.length > 0 && agreed / outcomes.length >= 0.95 ? 0 : 1;
}

async function runSituation(
  situation: Situation,
  env: { dir: string; profile: string; url: string; cookies: Cookie[] },
): Promise<{ result: Outcome; cookies: Cookie[] }> {
  const base = { id: situation.id, made: situation.made, label: situation.label };
  let video: string;
  try {
    video = situationVideo(situation, env.dir);
  } catch (error) {
    return { result: { ...base, verdict: "error", problems: [], note: messageOf(error) }, cookies: env.cookies };
  }
  let context: Awaited<ReturnType<typeof chromium.launchPersistentContext>> | null = null;
  try {
    context = await chromium.launchPersistentContext(env.profile, {
      executablePath: chromiumPath(),
      args: [...CHROMIUM_ARGS, ...fakeMediaArgs({ video })],
      baseURL: env.url,
      viewport: { width: 1280, height: 900 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    let cookies = env.cookies;
    if (cookies.length) await context.addCookies(cookies);
    else {
      await page.goto("/login");
      await page.getByLabel("Email address").fill("clinician@example.org");
      await page.getByLabel("Password", { exact: true }).fill("webside-demo");
      await page.getByRole("button", { name: "Log in" }).click();
      await page.waitForURL(`${env.url}/`);
      cookies = await context.cookies();
    }
    await page.goto("/check");
    await page.locator('.ws-readiness__line, [role="alert"]').first().waitFor({ timeout: 30_000 });
    const alert = await page
      .getByRole("alert")
      .first()
      .textContent({ timeout: 500 })
      .catch(() => null);
    if (alert && !(await page.locator(".ws-readiness__line").count()))
      return { result: { ...base, verdict: "error", problems: [], note: `the page said: ${alert}` }, cookies };
    const seen = await settledVerdict(page);
    const note = seen.settled ? "" : `not settled after ${Math.round(seen.afterMs / 1000)} s`;
    return { result: { ...base, verdict: seen.verdict, problems: seen.problems, note }, cookies };
  } catch (error) {
    return { result: { ...base, verdict: "error", problems: [], note: messageOf(error) }, cookies: env.cookies };
  } finally {
    await context?.close().catch(() => undefined);
    rmSync(video, { force: true });
  }
}

function printReport(outcomes: Outcome[], seconds: number) {
  const columns = [...VERDICTS, "checking", "error"] as const;
  const shown = columns.filter((c) => outcomes.some((o) => o.verdict === c || o.label === c));
  const short = (v: string) => v.slice(0, 8);
  console.log(
    `Camera check accuracy: ${outcomes.length} labelled situations, ${PORTRAITS.length} portraits, ${Math.round(seconds)} s`,
  );
  console.log("rows: label (how the picture was made); columns: the verdict /check gave\n");
  console.log(`${"label".padEnd(14)}${shown.map((c) => short(c).padStart(9)).join("")}   agree`);
  for (const label of VERDICTS) {
    const own = outcomes.filter((o) => o.label === label);
    if (own.length === 0) continue;
    const cells = shown.map((c) => {
      const n = own.filter((o) => o.verdict === c).length;
      return (n ? String(n) : ".").padStart(9);
    });
    const ok = own.filter((o) => o.verdict === label).length;
    console.log(`${label.padEnd(14)}${cells.join("")}   ${ok}/${own.length}`);
  }
  const agreed = outcomes.filter((o) => o.verdict === o.label).length;
  const pct = outcomes.length ? (100 * agreed) / outcomes.length : 0;
  console.log(
    `\nagreement: ${agreed}/${outcomes.length} = ${pct.toFixed(1)}% (aim >= 95%: ${pct >= 95 ? "met" : "NOT met"})`,
  );
  for (const portrait of PORTRAITS) {
    const own = outcomes.filter((o) => o.id.startsWith(`${portrait.name}/`));
    if (own.length) console.log(`  ${portrait.name}: ${own.filter((o) => o.verdict === o.label).length}/${own.length}`);
  }
  const misses = outcomes.filter((o) => o.verdict !== o.label);
  console.log(misses.length ? "\nmisses:" : "\nno misses");
  for (const m of misses)
    console.log(
      `  ${m.id}: ${m.made}; expected ${m.label}, got ${m.verdict}${m.problems.length ? ` [${m.problems.join(", ")}]` : ""}${m.note ? ` (${m.note})` : ""}`,
    );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
