// In a live role-play each script step is one spoken turn for the clinician. Their page learns of steps when it
// reloads its data, and a quick actor can record two responses before it does (seen on a busy machine: the page went
// from step 10 straight to 12). The steps in between still get a turn each: the server's times of the steps, moved onto
// the page's clock by the step just learned of, say where one turn ended and the next began.

/** When the script reached a step, by the server's clock (epoch ms). */
export interface StepTime {
  step: number;
  nodeId: string;
  atMs: number;
}

/** One turn's stretch on the page's clock (performance.now() ms). */
export interface TurnSpan {
  step: number;
  nodeId: string;
  startMs: number;
  endMs: number;
}

/**
 * The turns from the one in progress (`from`) up to, but not including, the step the page has just learned of
 * (`toStep`, at `arrivedAt` on the page's clock). The page learned of `toStep` some moments after the server recorded
 * it; the steps before it are taken to have reached the page equally late, which keeps their order and lengths as the
 * server saw them. A step with no known time joins the turn before it; every boundary stays between the turn in
 * progress's start and `arrivedAt`.
 */
export function liveTurnSpans(
  from: { step: number; nodeId: string; shownAt: number },
  toStep: number,
  arrivedAt: number,
  steps: readonly StepTime[],
): TurnSpan[] {
  const end = Math.max(from.shownAt, arrivedAt);
  const times = new Map(steps.map((s) => [s.step, s]));
  const reached = times.get(toStep);
  const spans: TurnSpan[] = [{ step: from.step, nodeId: from.nodeId, startMs: from.shownAt, endMs: end }];
  if (!reached) return spans;
  const lag = arrivedAt - reached.atMs;
  for (let step = from.step + 1; step < toStep; step++) {
    const time = times.get(step);
    if (!time) continue;
    const last = spans[spans.length - 1]!;
    const startMs = Math.min(end, Math.max(last.startMs, time.atMs + lag));
    last.endMs = startMs;
    spans.push({ step, nodeId: time.nodeId, startMs, endMs: end });
  }
  return spans;
}
