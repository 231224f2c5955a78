// @vitest-environment jsdom
// Before a choice is sent, the presence summary is stored; the choice then goes on unchanged.
import { act, cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useCallback } from "react";
import { usePresenceBeforeChoice } from "~/camera/presence-before-choice";
import { createSpokenTurnLog, summaryWithTurns, type SpokenTurnLog } from "~/camera/spoken-turn-log";
import { createPresenceRecorder, type PresenceRecorder } from "~/core/feedback";
import { frameAt } from "~/core/feedback/test-support";

function Room({
  recorder,
  log = createSpokenTurnLog(),
  onChoice,
}: {
  recorder: PresenceRecorder;
  log?: SpokenTurnLog;
  onChoice: (data: FormData) => void;
}) {
  usePresenceBeforeChoice(
    "attempt-1",
    useCallback(() => summaryWithTurns(recorder, log), [recorder, log]),
  );
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onChoice(new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter));
      }}
    >
      <input type="hidden" name="intent" value="choose" />
      <input type="hidden" name="step" defaultValue="4" />
      <button type="submit" name="choiceId" value="kind">
        Be kind
      </button>
    </form>
  );
}

function recorderWithFrames(): PresenceRecorder {
  const recorder = createPresenceRecorder();
  for (let t = 0; t <= 3000; t += 100) recorder.record(frameAt(t), "greeting");
  return recorder;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("usePresenceBeforeChoice", () => {
  it("posts the summary first, then sends the choice with the step it was showing", async () => {
    const calls: string[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string, init: RequestInit) => {
        calls.push(`${init.method} ${url}`);
        expect(JSON.parse(String(init.body)).durationMs).toBe(3000);
        return Response.json({ ok: true, from: 4, step: 4 });
      }),
    );
    const choices: FormData[] = [];
    const { getByRole } = render(<Room recorder={recorderWithFrames()} onChoice={(d) => choices.push(d)} />);
    await act(async () => getByRole("button", { name: "Be kind" }).click());
    await vi.waitFor(() => expect(choices).toHaveLength(1));
    expect(calls).toEqual(["POST /api/attempts/attempt-1/presence"]);
    expect(choices[0]!.get("step")).toBe("4");
    expect(choices[0]!.get("choiceId")).toBe("kind");
  });

  it("leaves the step alone when something else moved the attempt, so the server can still refuse a stale choice", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Response.json({ ok: true, from: 6, step: 7 })),
    );
    const choices: FormData[] = [];
    const { getByRole } = render(<Room recorder={recorderWithFrames()} onChoice={(d) => choices.push(d)} />);
    await act(async () => getByRole("button", { name: "Be kind" }).click());
    await vi.waitFor(() => expect(choices).toHaveLength(1));
    expect(choices[0]!.get("step")).toBe("4");
  });

  it("sends the choice even when the summary could not be stored", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("down", { status: 503 })),
    );
    const choices: FormData[] = [];
    const { getByRole } = render(<Room recorder={recorderWithFrames()} onChoice={(d) => choices.push(d)} />);
    await act(async () => getByRole("button", { name: "Be kind" }).click());
    await vi.waitFor(() => expect(choices).toHaveLength(1));
  });

  it("does not hold the choice back when the camera was never on", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    const choices: FormData[] = [];
    const { getByRole } = render(<Room recorder={createPresenceRecorder()} onChoice={(d) => choices.push(d)} />);
    await act(async () => getByRole("button", { name: "Be kind" }).click());
    expect(choices).toHaveLength(1);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("with the camera off, still sends the spoken turn measured at the moment of the choice", async () => {
    const bodies: Array<{ durationMs: number; spoken?: Array<{ step: number; speakingMs: number }> }> = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (_url: string, init: RequestInit) => {
        bodies.push(JSON.parse(String(init.body)));
        return Response.json({ ok: true, from: 4, step: 4 });
      }),
    );
    const log = createSpokenTurnLog();
    let speakingMs = 1000;
    log.setCurrent(() => ({
      step: 4,
      node: "greeting",
      optionsShownEarly: false,
      onsetMs: 600,
      speakingMs,
      pauseCount: 0,
      longestPauseMs: 0,
      talkOverMs: 0,
      syllablesPerSecond: null,
      pitchVariationSt: null,
      camera: null,
    }));
    speakingMs = 2500;
    const choices: FormData[] = [];
    const { getByRole } = render(
      <Room recorder={createPresenceRecorder()} log={log} onChoice={(d) => choices.push(d)} />,
    );
    await act(async () => getByRole("button", { name: "Be kind" }).click());
    await vi.waitFor(() => expect(choices).toHaveLength(1));
    expect(bodies).toHaveLength(1);
    expect(bodies[0]!.durationMs).toBe(0);
    expect(bodies[0]!.spoken).toEqual([expect.objectContaining({ step: 4, speakingMs: 2500 })]);
  });
});
