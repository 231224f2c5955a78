// @vitest-environment jsdom
// The studio's Checks panel: problems in people's words (node titles, line numbers, competency labels), warnings in
// the warning style rather than error red, and a button that opens the node by its title.
import "@testing-library/jest-dom/vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ValidationPanel } from "~/components/studio/validation-panel";
import { validFixtureData } from "~/core/scenario/test-fixtures";
import { validateScenario } from "~/core/scenario/validate";

afterEach(cleanup);

/**
 * An error (an empty line in 'The first question', id ask) and a warning (Clear information assessed but never
 * scored), from two drafts: a schema error stops the validator before the checks that give warnings.
 */
function draftWithProblems() {
  const emptyLine = validFixtureData();
  (emptyLine.nodes as Record<string, { lines: Array<{ text: string }> }>).ask!.lines[0]!.text = "";
  const unscored = validFixtureData();
  unscored.competencies = [...(unscored.competencies as string[]), "information"];
  return [...validateScenario(emptyLine).problems, ...validateScenario(unscored).problems];
}

describe("ValidationPanel", () => {
  it("says what is wrong in the editor's words, with titles and labels, not paths and keys", () => {
    render(
      <ValidationPanel
        problems={draftWithProblems()}
        checks={null}
        onOpen={() => {}}
        titles={new Map([["ask", "The first question"]])}
      />,
    );
    const list = screen.getByRole("list");
    expect(list).toHaveTextContent("Line 1 of 'The first question' has no text. Write it.");
    expect(list).toHaveTextContent("The scenario assesses Clear information, but no choice changes it.");
    expect(list).not.toHaveTextContent(/lines\[0\]|'information'/);
  });

  it("shows warnings in the warning style and errors in red", () => {
    render(<ValidationPanel problems={draftWithProblems()} checks={null} onOpen={() => {}} />);
    const [error, warning] = screen.getAllByRole("listitem");
    expect(within(error!).getByText("error")).toHaveClass("ws-tag--red");
    expect(warning).toHaveClass("ws-problem--warning");
    expect(within(warning!).getByText("warning")).toHaveClass("ws-tag--yellow");
    expect(warning!.querySelector(".ws-tag--red")).toBeNull();
  });

  it("opens a node named by its title, with its id after it", () => {
    const onOpen = vi.fn();
    render(
      <ValidationPanel
        problems={draftWithProblems()}
        checks={null}
        onOpen={onOpen}
        titles={new Map([["ask", "The first question"]])}
      />,
    );
    fireEvent.click(screen.getByRole("button", { name: "Open ‘The first question’ (ask)" }));
    expect(onOpen).toHaveBeenCalledWith("ask");
  });
});
