// @vitest-environment jsdom
// The learner's spoken turns in a live role-play: one per script step, including a step the page never showed because
// the actor recorded two responses before the page caught up (seen on a busy machine in the end-to-end run).
import { cleanup, render, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createSpokenTurnLog, type SpokenTurnLog } from "~/camera/spoken-turn-log";
import type { VoiceCapture } from "~/camera/voice-capture";
import { useLiveVoice } from "~/components/live/use-live-voice";
import type { StepTime } from "~/core/speech/live-turn-spans";

// The page's clock, moved by the test; the stream's clock is the same (streamMsAt is the identity).
let clock = 0;
let newestFrameMs = 0;

// Speaks all the time: a turn's speaking time is exactly the stretch it was measured over.
const fakeCapture: VoiceCapture = {
  sampleRate: 48000,
  analysisRate: 16000,
  nowMs: () => newestFrameMs,
  streamMsAt: (t) => t,
  subscribe: () => () => undefined,
  frames: () => ({ frames: [], firstIndex: 0 }),
  revealProgress: () => ({ speechMs: 0, speaking: false, ready: false }),
  measureTurn: ({ fromMs, toMs }) => ({
    onsetMs: 0,
    speakingMs: Math.round((toMs ?? newestFrameMs) - fromMs),
    pauseCount: 0,
    longestPauseMs: 0,
    talkOverMs: 0,
    syllablesPerSecond: null,
    pitchVariationSt: null,
  }),
  resume: async () => undefined,
  stop: async () => undefined,
};

vi.mock("~/camera/voice-capture", () => ({ startVoiceCapture: async () => fakeCapture }));

const track = { kind: "audio" } as MediaStreamTrack;

function Learner(props: { step: number; nodeId: string; stepTimes: StepTime[]; log: SpokenTurnLog }) {
  useLiveVoice({ track, active: true, ...props });
  return null;
}

/** Moves both clocks to `ms`. */
function at(ms: number) {
  clock = ms;
  newestFrameMs = ms;
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("useLiveVoice", () => {
  it("gives each script step its own turn, placing a step the page skipped by the server's times", async () => {
    vi.spyOn(performance, "now").mockImplementation(() => clock);
    const log = createSpokenTurnLog();
    at(1_000);
    const { rerender } = render(<Learner step={0} nodeId="hello" stepTimes={[]} log={log} />);
    // The capture starts asynchronously; the first turn begins once it has.
    await waitFor(() => expect(log.turns().map((t) => t.step)).toEqual([0]));

    // Step 1 arrives 5 s later.
    at(6_000);
    const times: StepTime[] = [{ step: 1, nodeId: "worry", atMs: 900_000 }];
    rerender(<Learner step={1} nodeId="worry" stepTimes={times} log={log} />);

    // The server recorded step 2 at 903,000 and step 3 at 907,000; the page learns of both at once, at 14,000.
    at(14_000);
    times.push({ step: 2, nodeId: "plan", atMs: 903_000 }, { step: 3, nodeId: "close", atMs: 907_000 });
    rerender(<Learner step={3} nodeId="close" stepTimes={[...times]} log={log} />);

    at(15_000);
    const turns = log.turns();
    expect(turns.map((t) => [t.step, t.node, t.speakingMs])).toEqual([
      [0, "hello", 5_000],
      // Step 3 was recorded at 907,000 and reached the page at 14,000; step 2, recorded 4 s before step 3, is placed
      // 4 s before 14,000, at 10,000 on the page's clock.
      [1, "worry", 4_000],
      [2, "plan", 4_000],
      [3, "close", 1_000],
    ]);
    // A colleague spoke the patient's lines: no onset or talk-over is claimed.
    expect(turns.every((t) => t.onsetMs === null && t.talkOverMs === 0)).toBe(true);
  });
});
