// Test support: classified frames at a steady frame rate, for the stabiliser, nudge and summary tests.
import { GOOD_STATES, type ClassifiedFrame, type FrameStates } from "./classify";

export const FRAME_MS = 1000 / 30;

export function frameAt(t: number, states: Partial<FrameStates> = {}, speaking = false): ClassifiedFrame {
  return { t, speaking, states: { ...GOOD_STATES, ...states } };
}

/** Frames every FRAME_MS from `fromMs` (inclusive) to `toMs` (exclusive); `at(i, t)` chooses each frame's states. */
export function framesBetween(
  fromMs: number,
  toMs: number,
  at: (i: number, t: number) => Partial<FrameStates> = () => ({}),
  speaking: (t: number) => boolean = () => false,
): ClassifiedFrame[] {
  const out: ClassifiedFrame[] = [];
  for (let i = 0, t = fromMs; t < toMs; i++, t = fromMs + i * FRAME_MS) out.push(frameAt(t, at(i, t), speaking(t)));
  return out;
}
