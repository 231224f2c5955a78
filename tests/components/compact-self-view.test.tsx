// @vitest-environment jsdom
// The phone's compact self-view: the camera corner's own stream and the one nudge that matters now, never a second
// live region.
import "@testing-library/jest-dom/vitest";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { cameraProblem } from "~/camera/camera-errors";
import type { CameraSnapshot } from "~/camera/use-camera-analysis";
import { CompactSelfView, currentNudgeText } from "~/components/camera/compact-self-view";
import { PracticeCameraGlance } from "~/components/practice/practice-camera";
import type { PracticeCameraState } from "~/components/practice/use-practice-camera";
import type { Nudge } from "~/core/feedback";

afterEach(cleanup);

const dark: Nudge = { check: "lighting", state: "too-dark", text: "It is a little dark: add a light in front of you." };
const side: Nudge = { check: "centring", state: "left", text: "Move a little to your left." };

describe("currentNudgeText", () => {
  it("says the camera is starting until the analysis runs, whatever nudges are left over", () => {
    expect(currentNudgeText({ status: "starting", nudges: [dark], onMute: null })).toBe("Starting your camera…");
  });

  it("says the tips are being got ready while the analysis loads, as the corner does", () => {
    expect(currentNudgeText({ status: "loading", nudges: [], onMute: null })).toBe("Getting the camera tips ready…");
  });

  it("shows only the most important nudge", () => {
    expect(currentNudgeText({ status: "running", nudges: [dark, side], onMute: null })).toBe(dark.text);
  });

  it("puts speaking while muted before any nudge", () => {
    expect(currentNudgeText({ status: "running", nudges: [dark], onMute: "You are muted." })).toBe("You are muted.");
  });

  it("says plainly when there is nothing to fix", () => {
    expect(currentNudgeText({ status: "running", nudges: [], onMute: null })).toBe("No camera tips right now.");
  });
});

describe("CompactSelfView", () => {
  it("plays the stream it is given instead of opening the camera again", () => {
    const stream = { id: "camera-corner-stream" } as unknown as MediaStream;
    render(<CompactSelfView stream={stream} status="running" nudges={[dark]} onMute={null} />);
    const video = screen.getByTestId("compact-self-view").querySelector("video")!;
    expect(video.srcObject).toBe(stream);
    expect(video.muted).toBe(true);
  });

  it("marks a nudge as a tip and keeps it out of the accessibility tree, so it is announced once, by the corner", () => {
    render(<CompactSelfView stream={null} status="running" nudges={[dark]} onMute={null} />);
    const view = screen.getByTestId("compact-self-view");
    expect(view).toHaveAttribute("aria-hidden", "true");
    expect(view.querySelector("[aria-live], [role=status], [role=alert]")).toBeNull();
    expect(screen.getByTestId("compact-nudge")).toHaveTextContent(dark.text);
    expect(screen.getByTestId("compact-nudge")).toHaveClass("ws-compact-self-view__nudge--tip");
  });

  it("does not dress the all-clear line as a tip", () => {
    render(<CompactSelfView stream={null} status="running" nudges={[]} onMute={null} />);
    expect(screen.getByTestId("compact-nudge")).not.toHaveClass("ws-compact-self-view__nudge--tip");
  });
});

describe("PracticeCameraGlance", () => {
  function state(on: boolean, snapshot: Partial<CameraSnapshot> | null): PracticeCameraState {
    return {
      on,
      setOn: () => undefined,
      muted: false,
      setMuted: () => undefined,
      analysis: {
        videoRef: { current: null },
        snapshot: snapshot as CameraSnapshot | null,
        readiness: null,
        setMuted: () => undefined,
        resumeAudio: () => undefined,
      },
    };
  }
  const running = { phase: "running" as const, problem: null, stream: null, nudges: [dark], onMute: false };

  it("shows nothing while the clinician has the camera off", () => {
    render(<PracticeCameraGlance camera={state(false, null)} />);
    expect(screen.queryByTestId("compact-self-view")).toBeNull();
  });

  it("leaves a camera problem to the corner, which explains it", () => {
    render(<PracticeCameraGlance camera={state(true, { ...running, problem: cameraProblem("no-camera") })} />);
    expect(screen.queryByTestId("compact-self-view")).toBeNull();
  });

  it("shows the current nudge once the analysis runs", () => {
    render(<PracticeCameraGlance camera={state(true, running)} />);
    expect(screen.getByTestId("compact-nudge")).toHaveTextContent(dark.text);
  });

  it("follows the corner while MediaPipe loads", () => {
    render(<PracticeCameraGlance camera={state(true, { ...running, phase: "loading" })} />);
    expect(screen.getByTestId("compact-nudge")).toHaveTextContent("Getting the camera tips ready…");
  });

  it("says the camera is starting before the first snapshot", () => {
    render(<PracticeCameraGlance camera={state(true, null)} />);
    expect(screen.getByTestId("compact-nudge")).toHaveTextContent("Starting your camera…");
  });
});
