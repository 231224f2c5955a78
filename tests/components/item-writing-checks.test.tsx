// @vitest-environment jsdom
// The studio's item-writing checks: warnings (never errors) with their fix hint and a way to open the node.
import "@testing-library/jest-dom/vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ItemWritingChecks } from "~/components/studio/item-writing-checks";
import { draftChecks } from "~/core/audit/draft-checks";
import { knownAnswersScenario } from "~/core/audit/test-scenario";

afterEach(cleanup);

describe("ItemWritingChecks", () => {
  it("shows each warning in the warning style with how to fix it, and opens the node", () => {
    const onOpen = vi.fn();
    render(<ItemWritingChecks checks={draftChecks(knownAnswersScenario())} onOpen={onOpen} />);
    const panel = screen.getByTestId("item-writing-checks");
    expect(panel).toHaveClass("nhsuk-warning-callout");
    expect(panel).toHaveTextContent("3 item-writing warnings");
    expect(panel).toHaveTextContent(/the best response is 2\.7x the mean length.*How to fix: Give every response/);
    expect(panel.querySelector(".ws-tag--red")).toBeNull();
    fireEvent.click(screen.getAllByRole("button", { name: "Open a" })[0]!);
    expect(onOpen).toHaveBeenCalledWith("a");
  });

  it("asks for the errors to be fixed first when the draft cannot be audited", () => {
    render(<ItemWritingChecks checks={null} onOpen={() => {}} />);
    expect(screen.getByText(/Fix the errors above/)).toBeInTheDocument();
  });

  it("says when the harmful-choice check needs the command line", () => {
    render(<ItemWritingChecks checks={{ findings: [], pathsChecked: false }} onOpen={() => {}} />);
    expect(screen.getByText("No item-writing warnings.")).toBeInTheDocument();
    expect(screen.getByText(/too many paths to check here/)).toBeInTheDocument();
  });
});
