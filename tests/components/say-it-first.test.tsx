// @vitest-environment jsdom
// "Say it first" in the practice room: the responses stay hidden until the clinician has spoken (or asks for them),
// the reveal is announced, and without a microphone the room falls back to today's mode and says why.
import "@testing-library/jest-dom/vitest";
import { createRemixStub } from "@remix-run/testing";
import { act, cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSpokenTurnLog, type SpokenTurnLog } from "~/camera/spoken-turn-log";
import type { VoiceCapture, VoiceFramesListener } from "~/camera/voice-capture";
import { PracticeRoom } from "~/components/practice/practice-room";
import { microphoneProblem } from "~/components/practice/use-say-it-first";
import type { RevealProgress } from "~/core/speech/reveal";
import type { PracticeView } from "~/services/practice-view.server";

let listeners: VoiceFramesListener[] = [];
let progress: RevealProgress = { speechMs: 0, speaking: false, ready: false };

const fakeCapture: VoiceCapture = {
  sampleRate: 48000,
  analysisRate: 16000,
  nowMs: () => 0,
  streamMsAt: (t) => t,
  subscribe(listener) {
    listeners.push(listener);
    return () => (listeners = listeners.filter((l) => l !== listener));
  },
  frames: () => ({ frames: [], firstIndex: 0 }),
  revealProgress: () => progress,
  measureTurn: () => ({
    onsetMs: 900,
    speakingMs: 2600,
    pauseCount: 1,
    longestPauseMs: 400,
    talkOverMs: 0,
    syllablesPerSecond: 4.2,
    pitchVariationSt: null,
  }),
  resume: async () => undefined,
  stop: async () => undefined,
};

vi.mock("~/camera/voice-capture", () => ({ startVoiceCapture: async () => fakeCapture }));

function view(): PracticeView {
  return {
    attempt: { id: "a1", status: "in-progress", mode: "learning", sayItFirst: true, step: 0 },
    scenario: { id: "s1", title: "Chest pain on video", version: 1, setting: "one-to-one" },
    cast: [{ id: "maria", name: "Maria Lopez", role: "patient", bio: "", initials: "ML", colour: "#005eb8" }],
    history: [
      {
        nodeId: "hello",
        title: null,
        lines: [{ speaker: "maria", text: "I'm frightened it's my heart." }],
        events: [],
        chosen: null,
      },
    ],
    choices: [
      { id: "ask", text: "Tell me more about the pain." },
      { id: "calm", text: "Try not to worry." },
    ],
    progress: { step: 0, estimatedTotal: 4, percent: 0 },
    previouslyChosen: [],
  };
}

function renderRoom(log: SpokenTurnLog) {
  const submitted: FormData[] = [];
  const Stub = createRemixStub([
    {
      path: "/attempts/a1",
      Component: () => <PracticeRoom view={view()} spokenLog={log} />,
      action: async ({ request }) => {
        submitted.push(await request.formData());
        return null;
      },
    },
  ]);
  render(<Stub initialEntries={["/attempts/a1"]} />);
  return submitted;
}

function microphone(result: "granted" | "refused") {
  const getUserMedia =
    result === "granted"
      ? async () => ({ getAudioTracks: () => [{ kind: "audio", stop: () => undefined }] })
      : async () => Promise.reject(Object.assign(new Error("denied"), { name: "NotAllowedError" }));
  Object.defineProperty(navigator, "mediaDevices", { value: { getUserMedia }, configurable: true });
}

beforeEach(() => {
  listeners = [];
  progress = { speechMs: 0, speaking: false, ready: false };
});
afterEach(cleanup);

describe("Say it first", () => {
  it("hides the responses until the clinician has spoken and paused, then announces them", async () => {
    microphone("granted");
    renderRoom(createSpokenTurnLog());
    await screen.findByText(/Listening\. Answer aloud now/);
    expect(screen.getByText(/Say it first: answer aloud/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Tell me more/ })).not.toBeInTheDocument();
    // Number keys do nothing while the responses are hidden.
    await userEvent.setup().keyboard("1");
    expect(screen.queryByRole("button", { name: /Tell me more/ })).not.toBeInTheDocument();

    progress = { speechMs: 900, speaking: true, ready: false };
    act(() => listeners.forEach((l) => l([], 0)));
    await screen.findByText(/We can hear you/);
    expect(screen.queryByRole("button", { name: /Tell me more/ })).not.toBeInTheDocument();

    progress = { speechMs: 1800, speaking: false, ready: true };
    act(() => listeners.forEach((l) => l([], 0)));
    expect(await screen.findByRole("button", { name: /Tell me more/ })).toBeInTheDocument();
    expect(screen.getByTestId("reveal-announcement")).toHaveTextContent(/choose the one closest to what you said/);
  });

  it("shows the options with one key, then a number key chooses, carrying the turn's figures", async () => {
    microphone("granted");
    const log = createSpokenTurnLog();
    const submitted = renderRoom(log);
    await screen.findByText(/Listening\. Answer aloud now/);
    const user = userEvent.setup();
    await user.keyboard("o");
    expect(await screen.findByRole("button", { name: /Tell me more/ })).toBeInTheDocument();
    expect(screen.getByTestId("reveal-announcement")).toHaveTextContent(/The responses are shown/);
    // The button that showed them is gone, so focus moves to the first response.
    await expect.poll(() => document.activeElement?.classList.contains("ws-choice")).toBe(true);
    expect(log.turns()).toEqual([
      expect.objectContaining({ step: 0, node: "hello", optionsShownEarly: true, speakingMs: 2600, camera: null }),
    ]);
    await user.keyboard("2");
    await expect.poll(() => submitted.length).toBe(1);
  });

  it("falls back to today's mode with a clear message when the microphone is refused", async () => {
    microphone("refused");
    renderRoom(createSpokenTurnLog());
    expect(await screen.findByRole("alert")).toHaveTextContent(
      /Microphone access was refused\. The responses are shown/,
    );
    expect(screen.getByRole("button", { name: /Tell me more/ })).toBeInTheDocument();
    expect(screen.queryByTestId("speak-first")).not.toBeInTheDocument();
    expect(screen.queryByText(/Say it first: answer aloud/)).not.toBeInTheDocument();
  });

  it("says what went wrong with the microphone in words a clinician can act on", () => {
    expect(microphoneProblem(Object.assign(new Error(), { name: "NotFoundError" }))).toMatch(
      /^No microphone was found\./,
    );
    expect(microphoneProblem(Object.assign(new Error(), { name: "NotReadableError" }))).toMatch(/Another app/);
    expect(microphoneProblem(new Error("no getUserMedia"))).toMatch(/could not be started.*shown as usual/);
  });
});
