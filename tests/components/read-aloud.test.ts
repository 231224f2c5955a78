// @vitest-environment jsdom
// Reading the patient's lines aloud in say-it-first mode: the room learns when the patient finished, even when the
// browser's speech synthesis never says so.
import { afterEach, describe, expect, it, vi } from "vitest";
import { readingTimeMs, speakLines } from "~/components/practice/read-aloud";

class FakeUtterance {
  voice: unknown = null;
  pitch = 1;
  rate = 1;
  lang = "";
  onstart: (() => void) | null = null;
  onend: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly text: string) {}
}

function fakeSynthesis(behaviour: "reads" | "silent") {
  const queue: FakeUtterance[] = [];
  const synth = {
    getVoices: () => [
      { lang: "en-GB", name: "a" },
      { lang: "en-US", name: "b" },
    ],
    cancel: vi.fn(),
    speak(u: FakeUtterance) {
      queue.push(u);
      if (behaviour === "silent") return;
      const at = queue.length;
      setTimeout(() => u.onstart?.(), at * 1000 - 1000);
      setTimeout(() => u.onend?.(), at * 1000 - 100);
    },
  };
  vi.stubGlobal("SpeechSynthesisUtterance", FakeUtterance);
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  return { synth, queue };
}

const lines = [
  { speaker: "maria", text: "My chest feels tight." },
  { speaker: "tom", text: "She has been like this since Sunday." },
];

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("speakLines", () => {
  it("reads each line in its speaker's own voice settings and reports each line and the end", () => {
    vi.useFakeTimers();
    const { queue } = fakeSynthesis("reads");
    const onLine = vi.fn();
    const onDone = vi.fn();
    speakLines(lines, ["maria", "tom"], { onLine, onDone });
    expect(queue.map((u) => u.text)).toEqual(lines.map((l) => l.text));
    expect(queue[0]!.pitch).not.toBe(queue[1]!.pitch);
    vi.advanceTimersByTime(1000);
    expect(onLine).toHaveBeenCalledTimes(1);
    expect(onDone).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(onLine).toHaveBeenCalledTimes(2);
    expect(onDone).toHaveBeenCalledTimes(1);
    // The fallback timer does not announce the end twice.
    vi.advanceTimersByTime(readingTimeMs(lines));
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it("ends the patient's turn after a generous reading time when synthesis never answers", () => {
    vi.useFakeTimers();
    fakeSynthesis("silent");
    const onDone = vi.fn();
    speakLines(lines, ["maria", "tom"], { onDone });
    vi.advanceTimersByTime(readingTimeMs(lines) - 1);
    expect(onDone).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it("stopping cancels the reading and ends the turn at once", () => {
    const { synth } = fakeSynthesis("silent");
    const onDone = vi.fn();
    const stop = speakLines(lines, ["maria", "tom"], { onDone });
    stop();
    expect(synth.cancel).toHaveBeenCalled();
    expect(onDone).toHaveBeenCalledTimes(1);
  });
});

describe("readingTimeMs", () => {
  it("allows about 2.5 words a second plus a second", () => {
    expect(readingTimeMs([{ text: "one two three four five" }])).toBe(3000);
  });
});
