// @vitest-environment jsdom
// The debrief's parts: scores against the pass mark (always as a table, so no one depends on the chart) and the path.
import "@testing-library/jest-dom/vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { DecisionPath } from "~/components/debrief/decision-path";
import { ScoreChart } from "~/components/debrief/score-chart";

afterEach(cleanup);

describe("ScoreChart", () => {
  it("lists every assessed competency with its score, and says when a path did not assess one", () => {
    render(
      <ScoreChart
        passMark={70}
        rows={[
          { competency: "rapport", label: "Rapport", score: 80 },
          { competency: "safety", label: "Safety", score: null },
        ]}
      />,
    );
    const table = screen.getByRole("table", { name: /pass mark 70%/ });
    const rows = within(table).getAllByRole("row");
    expect(rows[1]).toHaveTextContent("Rapport80%");
    expect(rows[2]).toHaveTextContent("SafetyNot assessed on this path");
  });
});

describe("DecisionPath", () => {
  it("shows each decision with its effects, feedback and the alternatives not taken", () => {
    render(
      <DecisionPath
        decisions={[
          {
            index: 1,
            nodeId: "hello",
            nodeTitle: "Opening",
            said: null,
            choice: "Hello, can you hear me?",
            feedback: "Checking audio first avoids talking into silence.",
            effects: [
              { competency: "tech", label: "Webside manner", value: 2 },
              { competency: "rapport", label: "Rapport", value: -1 },
            ],
            alternatives: ["Start with the results."],
          },
        ]}
      />,
    );
    expect(screen.getByRole("heading", { name: "1. Opening" })).toBeInTheDocument();
    const effects = screen.getByRole("list", { name: "Effect on competencies" });
    expect(within(effects).getByText("Webside manner +2")).toHaveClass("ws-tag--green");
    expect(within(effects).getByText("Rapport -1")).toHaveClass("ws-tag--red");
    expect(screen.getByText("Checking audio first avoids talking into silence.")).toBeInTheDocument();
    expect(screen.getByText("Start with the results.")).toBeInTheDocument();
  });
});
