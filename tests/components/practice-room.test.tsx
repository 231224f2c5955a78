// @vitest-environment jsdom
// The practice room as a learner meets it: who is on the call, the conversation, numbered choices and the mode.
import "@testing-library/jest-dom/vitest";
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { PracticeRoom } from "~/components/practice/practice-room";
import type { PracticeView } from "~/services/practice-view.server";

afterEach(cleanup);

function view(overrides: Partial<PracticeView> = {}): PracticeView {
  return {
    attempt: { id: "a1", status: "in-progress", mode: "learning", sayItFirst: false, step: 1 },
    scenario: { id: "s1", title: "Group physiotherapy", version: 1, setting: "group" },
    cast: [
      { id: "maria", name: "Maria Lopez", role: "patient", bio: "", initials: "ML", colour: "#005eb8" },
      { id: "tom", name: "Tom Reed", role: "patient", bio: "", initials: "TR", colour: "#007f3b" },
    ],
    history: [
      {
        nodeId: "hello",
        title: null,
        lines: [{ speaker: "maria", text: "Can you hear me?" }],
        events: [],
        chosen: {
          id: "warm",
          text: "Yes, I can hear you clearly.",
          feedback: "Confirming audio early settles nerves.",
        },
      },
      {
        nodeId: "freeze",
        title: null,
        lines: [{ speaker: "tom", text: "Sorry, my picture went." }],
        events: [{ kind: "video-freeze", who: "tom", text: "Tom's video freezes." }],
        chosen: null,
      },
    ],
    choices: [
      { id: "wait", text: "Let's give it a moment." },
      { id: "ignore", text: "Carry on without Tom." },
    ],
    progress: { step: 1, estimatedTotal: 4, percent: 25 },
    previouslyChosen: ["ignore"],
    ...overrides,
  };
}

function renderRoom(v: PracticeView) {
  const submitted: FormData[] = [];
  const Stub = createRemixStub([
    {
      path: "/attempts/a1",
      Component: () => <PracticeRoom view={v} />,
      action: async ({ request }) => {
        submitted.push(await request.formData());
        return null;
      },
    },
  ]);
  render(<Stub initialEntries={["/attempts/a1"]} />);
  return submitted;
}

describe("PracticeRoom", () => {
  it("shows the cast, marks the last speaker, and shows stage events in the conversation", () => {
    renderRoom(view());
    const cast = screen.getByRole("region", { name: "People on the call" });
    expect(within(cast).getAllByRole("listitem")).toHaveLength(2);
    expect(within(cast).getByText("Speaking").closest("li")).toHaveTextContent("Tom Reed");
    expect(screen.getByText("Tom's video freezes.")).toBeInTheDocument();
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "25");
  });

  it("shows feedback after each choice in learning mode only", () => {
    renderRoom(view());
    expect(screen.getByText("Confirming audio early settles nerves.")).toBeInTheDocument();
    cleanup();
    const assessed = view({
      attempt: { id: "a1", status: "in-progress", mode: "assessment", sayItFirst: false, step: 1 },
    });
    assessed.history[0]!.chosen!.feedback = null;
    renderRoom(assessed);
    expect(screen.queryByText(/Why it matters/)).not.toBeInTheDocument();
    expect(screen.getByText(/Assessment mode/)).toBeInTheDocument();
  });

  it("submits the chosen response with the step the page is showing, by click or number key", async () => {
    const submitted = renderRoom(view());
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: /Let's give it a moment/ }));
    await screen.findByRole("button", { name: /Let's give it a moment/ });
    expect(submitted[0]?.get("choiceId")).toBe("wait");
    expect(submitted[0]?.get("step")).toBe("1");
    expect(submitted[0]?.get("intent")).toBe("choose");
    await user.keyboard("2");
    await expect.poll(() => submitted.length).toBe(2);
    expect(submitted[1]?.get("choiceId")).toBe("ignore");
  });

  it("marks the choice made last time when exploring the other path, and offers no choices once finished", () => {
    renderRoom(view());
    expect(screen.getByRole("button", { name: /Carry on without Tom/ })).toHaveTextContent("You chose this last time");
    cleanup();
    renderRoom(view({ attempt: { id: "a1", status: "abandoned", mode: "learning", sayItFirst: false, step: 1 } }));
    expect(screen.queryByRole("heading", { name: /How do you respond/ })).not.toBeInTheDocument();
  });

  it("keeps a clearly marked place for the camera", () => {
    renderRoom(view());
    expect(screen.getByRole("complementary", { name: "Your camera" })).toBeInTheDocument();
  });
});
