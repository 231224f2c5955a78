// @vitest-environment jsdom
// The top of the debrief: a critical error is named before anything else, in the clinician's own words, with no
// certificate link.
import "@testing-library/jest-dom/vitest";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { DebriefVerdict } from "~/components/debrief/debrief-verdict";
import type { Debrief } from "~/services/debrief.server";

afterEach(cleanup);

describe("DebriefVerdict", () => {
  it("names the critical error first, quoting the response once, and offers no certificate", () => {
    const debrief = {
      passed: false,
      overall: 86,
      passMark: 70,
      criticalErrors: [
        { step: 4, choiceText: '"Could you drive straight there now?"', reason: "Advised to drive to hospital." },
      ],
      ending: null,
    } as unknown as Debrief;
    render(<DebriefVerdict debrief={debrief} attemptId="a1" />);
    expect(screen.getAllByRole("heading")[0]).toHaveTextContent("Critical error: this attempt cannot pass");
    expect(screen.getByText(/you chose/)).toHaveTextContent(
      "Decision 4, you chose: \u201cCould you drive straight there now?\u201d. Advised to drive to hospital.",
    );
    expect(screen.getByText(/^Not passed yet: 86% overall/)).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /certificate/ })).toBeNull();
  });
});
