// @vitest-environment jsdom
// Before a choice is sent, the presence summary is stored; the choice then goes on unchanged.
import { act, cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { usePresenceBeforeChoice } from "~/camera/presence-before-choice";
import { createPresenceRecorder, type PresenceRecorder } from "~/core/feedback";
import { frameAt } from "~/core/feedback/test-support";

function Room({ recorder, onChoice }: { recorder: PresenceRecorder; onChoice: (data: FormData) => void }) {
  usePresenceBeforeChoice("attempt-1", recorder);
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
});
