// Where each live turn starts and ends when the clinician's page learns of several script steps at once.
import { describe, expect, it } from "vitest";
import { liveTurnSpans } from "./live-turn-spans";

const from = { step: 10, nodeId: "ankles", shownAt: 50_000 };
// The server recorded step 11 at 1,000,000 ms and step 12 four seconds later.
const steps = [
  { step: 11, nodeId: "mornings", atMs: 1_000_000 },
  { step: 12, nodeId: "closing", atMs: 1_004_000 },
];

describe("liveTurnSpans", () => {
  it("ends the turn in progress when the next step arrives, as before", () => {
    expect(liveTurnSpans(from, 11, 56_000, steps)).toEqual([
      { step: 10, nodeId: "ankles", startMs: 50_000, endMs: 56_000 },
    ]);
  });

  it("gives a step the page never showed its own turn, placed by the server's times on the page's clock", () => {
    // Step 12 reached the page at 60,000 (page clock); step 11 came 4 s before it on the server, so at 56,000.
    expect(liveTurnSpans(from, 12, 60_000, steps)).toEqual([
      { step: 10, nodeId: "ankles", startMs: 50_000, endMs: 56_000 },
      { step: 11, nodeId: "mornings", startMs: 56_000, endMs: 60_000 },
    ]);
  });

  it("keeps every boundary inside the turn in progress, whatever the clocks say", () => {
    // The server's gap (4 s) is longer than the page's whole turn (2 s): step 11 starts where the turn did.
    const spans = liveTurnSpans(from, 12, 52_000, steps);
    expect(spans.map((s) => [s.step, s.startMs, s.endMs])).toEqual([
      [10, 50_000, 50_000],
      [11, 50_000, 52_000],
    ]);
  });

  it("folds a step with no known time into the turn before it", () => {
    expect(liveTurnSpans(from, 12, 60_000, [steps[1]!])).toEqual([
      { step: 10, nodeId: "ankles", startMs: 50_000, endMs: 60_000 },
    ]);
    // Without the arriving step's own time there is nothing to place the others by.
    expect(liveTurnSpans(from, 12, 60_000, [steps[0]!])).toHaveLength(1);
  });
});
