// @vitest-environment jsdom
// An actor playing several patients of a group scenario: "Speaking as" follows the script, can be switched by hand
// (the switch is sent to the server, so the others' captions follow it), and follows the script again when it moves
// on; the brief shown is the chosen character's, and a switch stored before a reload is kept.
import "@testing-library/jest-dom/vitest";
import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import {
  CharacterBriefs,
  ScriptLines,
  useSpeakingAs,
  type Character,
  type ScriptLine,
} from "~/components/live/actor-parts";

afterEach(cleanup);

const characters: Character[] = [
  { id: "pauline", name: "Pauline Hughes", bio: "Chatty, on early." },
  { id: "daniel", name: "Daniel Osei", bio: "Camera on the ceiling." },
  { id: "priya", name: "Priya Sharma", bio: "Arms folded." },
];
const line = (speakerId: string, text: string): ScriptLine => ({ speaker: speakerId, speakerId, text });

type ActorProps = { lines: ScriptLine[]; step: number; plays?: Character[]; stored?: string | null };

function Actor({ lines, step, plays = characters, stored = null }: ActorProps) {
  const [speakingAs, switchTo] = useSpeakingAs(plays, lines, step, stored);
  return (
    <>
      <CharacterBriefs characters={plays} speakingAs={speakingAs} onSwitch={switchTo} />
      <ScriptLines lines={lines} characters={plays} speakingAs={speakingAs} />
    </>
  );
}

/** What the page posted to its session's action. */
let posted: Array<Record<string, string>> = [];

/**
 * The actor's panel inside a route whose action records the posts, as on the live session page; "Next step" moves the
 * script on through `steps` without remounting, as the page's reloaded data does.
 */
function inRoute(steps: ActorProps[]) {
  function Scripted() {
    const [index, setIndex] = useState(0);
    return (
      <>
        <Actor {...steps[index]!} />
        <button type="button" onClick={() => setIndex(index + 1)}>
          Next step
        </button>
      </>
    );
  }
  const Stub = createRemixStub([
    {
      path: "/",
      Component: Scripted,
      action: async ({ request }) => {
        posted.push(Object.fromEntries(await request.formData()) as Record<string, string>);
        return { ok: true };
      },
    },
  ]);
  return <Stub />;
}

const pressed = () => screen.getAllByRole("button").filter((b) => b.getAttribute("aria-pressed") === "true");

describe("an actor switching between the patients they play", () => {
  it("follows the script, switches by hand, and follows the script again at the next step", async () => {
    const first = [line("narrator", "Week one."), line("pauline", "Can you see me?"), line("daniel", "Is this on?")];
    posted = [];
    render(
      inRoute([
        { lines: first, step: 0 },
        { lines: [line("pauline", "Shall I go first?")], step: 1 },
      ]),
    );
    expect(screen.getByRole("group", { name: /Speaking as/ })).toBeInTheDocument();
    expect(pressed().map((b) => b.textContent)).toEqual(["Daniel Osei"]);
    expect(screen.getByTestId("speaking-as")).toHaveTextContent("Daniel Osei. Camera on the ceiling.");
    // Lines of every part you play are marked as yours; the narrator's are not.
    expect(document.querySelectorAll("[data-mine]")).toHaveLength(2);
    expect(screen.getByText(/Week one/).closest("p")).not.toHaveAttribute("data-mine");

    await userEvent.click(screen.getByRole("button", { name: "Priya Sharma" }));
    expect(pressed().map((b) => b.textContent)).toEqual(["Priya Sharma"]);
    expect(screen.getByTestId("speaking-as")).toHaveTextContent("Arms folded.");
    // Sent with the step it applies to.
    await waitFor(() => expect(posted).toEqual([{ intent: "speaking-as", castId: "priya", step: "0" }]));

    await userEvent.click(screen.getByRole("button", { name: "Next step" }));
    expect(pressed().map((b) => b.textContent)).toEqual(["Pauline Hughes"]);
  });

  it("shows a single part's brief with no switch, as for a one-to-one scenario", () => {
    render(inRoute([{ lines: [line("pauline", "Hello")], step: 0, plays: [characters[0]!] }]));
    expect(screen.queryByRole("group", { name: /Speaking as/ })).toBeNull();
    expect(screen.getByText(/You play Pauline Hughes/)).toBeInTheDocument();
  });

  it("keeps a switch stored before a reload at the same step", () => {
    render(inRoute([{ lines: [line("pauline", "Can you see me?")], step: 3, stored: "priya" }]));
    expect(pressed().map((b) => b.textContent)).toEqual(["Priya Sharma"]);
  });
});
