// Reads the pre-call check's verdict from the /check page: the readiness lines it shows, turned back into the advice
// they give (by the nudge sentences in app/core/feedback/nudges.ts), the most important first.
import type { Page } from "@playwright/test";
import { NUDGE_PRIORITY, NUDGE_TEXT } from "~/core/feedback/nudges";
import type { CheckName } from "~/core/feedback/classify";
import type { Verdict } from "./situations";

/** Which advice each problem state gives ("We can only just see you: move closer" and "Move a little closer" are one act). */
const ADVICE: Record<string, Verdict> = {
  "presence:absent": "no-face",
  "presence:far": "move-closer",
  "distance:too-far": "move-closer",
  "distance:too-close": "move-back",
  "headInFrame:cut-off": "head-cut-off",
  "centring:left": "centre-left",
  "centring:right": "centre-right",
  "eyeLine:too-high": "raise-camera",
  "eyeLine:too-low": "lower-camera",
  "backlight:backlit": "backlit",
  "lighting:too-dark": "too-dark",
  "lighting:too-bright": "too-bright",
  "headPose:turned": "face-camera",
};

export interface PageLine {
  item: string;
  status: string;
  text: string;
}

/** The camera's verdict from the lines on the page ("checking" until the camera items have all been judged). */
export function verdictOf(lines: readonly PageLine[]): { verdict: Verdict | "checking"; problems: string[] } {
  const camera = lines.filter((l) => l.item !== "microphone");
  const problems: Array<{ check: CheckName; state: string }> = [];
  for (const line of camera.filter((l) => l.status === "fix")) {
    for (const check of NUDGE_PRIORITY) {
      const texts: Record<string, string> = NUDGE_TEXT[check];
      const state = Object.keys(texts).find((s) => texts[s] === line.text.trim());
      if (state) problems.push({ check, state });
    }
  }
  problems.sort((a, b) => NUDGE_PRIORITY.indexOf(a.check) - NUDGE_PRIORITY.indexOf(b.check));
  const named = problems.map((p) => `${p.check}:${p.state}`);
  const first = named[0];
  if (first) return { verdict: ADVICE[first] ?? "checking", problems: named };
  const judged = camera.length > 0 && camera.every((l) => l.status === "ok");
  return { verdict: judged ? "ready" : "checking", problems: named };
}

export async function readLines(page: Page): Promise<PageLine[]> {
  return page.locator(".ws-readiness__line").evaluateAll((els) =>
    els.map((el) => ({
      item: (el as HTMLElement).dataset.item ?? "",
      status: (el as HTMLElement).dataset.status ?? "",
      text: el.querySelector(".ws-readiness__text")?.textContent ?? "",
    })),
  );
}

/** What the page says once it has settled: the same verdict for `steadyMs` in a row (or the last one at the deadline). */
export async function settledVerdict(
  page: Page,
  options: { steadyMs?: number; timeoutMs?: number } = {},
): Promise<{ verdict: Verdict | "checking"; problems: string[]; afterMs: number; settled: boolean }> {
  const steadyMs = options.steadyMs ?? 3000;
  const deadline = Date.now() + (options.timeoutMs ?? 25_000);
  const started = Date.now();
  let last: ReturnType<typeof verdictOf> | null = null;
  let since = Date.now();
  for (;;) {
    const now = verdictOf(await readLines(page));
    if (!last || now.verdict !== last.verdict) since = Date.now();
    last = now;
    if (now.verdict !== "checking" && Date.now() - since >= steadyMs)
      return { ...now, afterMs: Date.now() - started, settled: true };
    if (Date.now() > deadline) return { ...now, afterMs: Date.now() - started, settled: false };
    await page.waitForTimeout(250);
  }
}
