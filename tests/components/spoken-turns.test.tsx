// @vitest-environment jsdom
// The debrief's per-turn strip: stored spoken turns become rows with figures and tips; nothing without spoken turns.
import "@testing-library/jest-dom/vitest";
import path from "node:path";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { SpokenTurns } from "~/components/debrief/spoken-turns";
import type { SpokenTurn } from "~/core/speech/spoken-turn-schema";
import { loadBundledScenarios } from "~/services/catalogue.server";
import { spokenTurnStrip } from "~/services/spoken-debrief.server";

afterEach(cleanup);

const scenario = loadBundledScenarios(path.resolve("tests/access/fixtures/scenarios")).byId.get(
  "fixture-consultation",
)!;

const turn = (step: number, node: string, overrides: Partial<SpokenTurn> = {}): SpokenTurn => ({
  step,
  node,
  optionsShownEarly: false,
  onsetMs: 1300,
  speakingMs: 6400,
  pauseCount: 2,
  longestPauseMs: 500,
  talkOverMs: 0,
  syllablesPerSecond: 4.4,
  pitchVariationSt: null,
  camera: { ms: 6000, eyeContact: 0.75, framingOk: 1, lightingOk: 1 },
  ...overrides,
});

describe("spokenTurnStrip", () => {
  it("gives a tip for answering at once only where the patient had opened up", () => {
    const rows = spokenTurnStrip(scenario, {
      spoken: [turn(0, "hello", { onsetMs: 200 }), turn(2, "opens-up", { onsetMs: 200 })],
    });
    expect(rows.map((r) => [r.index, r.nodeId, r.tips.map((t) => t.kind)])).toEqual([
      [1, "hello", []],
      [3, "opens-up", ["rushed-after-emotion"]],
    ]);
  });

  it("is empty without spoken turns, and for stored figures that no longer read", () => {
    expect(spokenTurnStrip(scenario, null)).toEqual([]);
    expect(spokenTurnStrip(scenario, { version: 1 })).toEqual([]);
    expect(spokenTurnStrip(scenario, { spoken: [{ step: 0, node: "hello" }] })).toEqual([]);
  });
});

describe("SpokenTurns", () => {
  it("shows per turn how quickly they answered, how long they spoke and eye contact, with tips", () => {
    const rows = spokenTurnStrip(scenario, {
      spoken: [
        turn(0, "hello"),
        turn(1, "ask", { onsetMs: null, speakingMs: 0, pauseCount: 0, optionsShownEarly: true, camera: null }),
        turn(2, "opens-up", { camera: { ms: 6000, eyeContact: 0.3, framingOk: 1, lightingOk: 1 } }),
      ],
    });
    render(<SpokenTurns rows={rows} />);
    const items = screen.getAllByTestId("spoken-turn");
    expect(items).toHaveLength(3);
    expect(within(items[0]!).getByTestId("spoken-onset")).toHaveTextContent("Answered after 1.3 s");
    expect(within(items[0]!).getByTestId("spoken-speaking")).toHaveTextContent("6.4 s, 2 pauses");
    expect(within(items[0]!).getByTestId("spoken-eye-contact")).toHaveTextContent("75% of the time");
    expect(within(items[1]!).getByText("Options shown before speaking")).toBeInTheDocument();
    expect(within(items[1]!).getByText("You chose without answering aloud.")).toBeInTheDocument();
    expect(within(items[1]!).queryByTestId("spoken-onset")).not.toBeInTheDocument();
    expect(within(items[2]!).getByRole("list", { name: "Tips for this turn" })).toHaveTextContent(/Look at the lens/);
    expect(screen.getByText(/not norms/)).toBeInTheDocument();
  });

  it("shows nothing when no turn was spoken", () => {
    const { container } = render(<SpokenTurns rows={[]} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe("SpokenTurns in a live role-play", () => {
  it("shows how the clinician spoke at each step, with no onset (a colleague spoke the patient's lines)", () => {
    const rows = spokenTurnStrip(scenario, { spoken: [turn(0, "hello", { onsetMs: null, talkOverMs: 0 })] });
    const { rerender } = render(<SpokenTurns rows={rows} live />);
    expect(screen.getByRole("heading", { name: "How the clinician spoke" })).toBeInTheDocument();
    expect(screen.getByTestId("spoken-speaking")).toHaveTextContent("6.4 s, 2 pauses");
    expect(screen.queryByTestId("spoken-onset")).toBeNull();
    rerender(<SpokenTurns rows={rows} />);
    expect(screen.getByTestId("spoken-onset")).toHaveTextContent("No speech heard");
  });
});
