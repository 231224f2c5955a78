// @vitest-environment jsdom
// The debrief's presence section: figures, three tips and a table per node from a stored summary; a calm note otherwise.
import "@testing-library/jest-dom/vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { PresenceDebrief } from "~/components/debrief/presence-debrief";
import { nodeSegments } from "~/components/debrief/presence-timeline";
import { createPresenceRecorder } from "~/core/feedback";
import { frameAt } from "~/core/feedback/test-support";

function summary() {
  const recorder = createPresenceRecorder();
  // 20 s on "greeting" well lit and looking; then 20 s on "bad-news" backlit and looking away while speaking.
  for (let t = 0; t <= 40_000; t += 100) {
    const late = t > 20_000;
    recorder.record(
      frameAt(t, late ? { backlight: "backlit", eyeContact: "away" } : {}, true),
      late ? "bad-news" : "greeting",
    );
  }
  return recorder.summary();
}

afterEach(cleanup);

describe("PresenceDebrief", () => {
  it("shows share-of-time figures, three tips and a row per node", () => {
    render(<PresenceDebrief presence={summary()} nodeTitles={{ greeting: "Saying hello" }} />);
    const figures = screen.getByRole("list", { name: "Share of time" });
    const items = within(figures)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(items).toEqual([
      "100% well framed",
      "50% well lit",
      "50% looking at the camera while speaking",
      "– looking at the camera while listening",
    ]);
    const tips = document.querySelectorAll(".ws-presence-tips li");
    expect(tips).toHaveLength(3);
    expect(tips[0]).toHaveTextContent(/light behind you for 50% of the time|looked at the camera 50%/);
    const table = screen.getByRole("table");
    expect(within(table).getByRole("rowheader", { name: "Saying hello" })).toBeInTheDocument();
    // No title given: the id is made readable.
    const badNews = within(table).getByRole("rowheader", { name: "Bad news" }).closest("tr")!;
    expect(badNews).toHaveTextContent("0%");
    expect(within(table).getByRole("rowheader", { name: "Whole consultation" })).toBeInTheDocument();
  });

  it("says camera feedback was off when there is no summary", () => {
    render(<PresenceDebrief presence={null} />);
    expect(screen.getByText(/Camera feedback was off for this attempt/)).toBeInTheDocument();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });

  it("says camera feedback was off when only spoken-turn figures were stored (camera off in say-it-first)", () => {
    render(<PresenceDebrief presence={createPresenceRecorder().summary()} />);
    expect(screen.getByText(/Camera feedback was off for this attempt/)).toBeInTheDocument();
    expect(screen.queryByRole("list", { name: "Share of time" })).not.toBeInTheDocument();
  });

  it("refuses to draw a stored value that is not a valid summary", () => {
    render(<PresenceDebrief presence={{ version: 1, durationMs: "lots" }} />);
    expect(screen.getByText(/could not be read/)).toBeInTheDocument();
  });
});

describe("nodeSegments", () => {
  it("turns the per-second node column into bands", () => {
    const timeline = summary().timeline;
    const segments = nodeSegments(timeline, { greeting: "Saying hello" });
    expect(segments.map((s) => [s.title, s.fromS, s.toS])).toEqual([
      ["Saying hello", 0, 20],
      ["Bad news", 20, 40],
    ]);
  });
});
