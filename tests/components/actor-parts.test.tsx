// @vitest-environment jsdom
// An actor playing several patients of a group scenario: "Speaking as" follows the script, can be switched by hand,
// and follows the script again when it moves on; the brief shown is the chosen character's.
import "@testing-library/jest-dom/vitest";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
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

function Actor({ lines, step, plays = characters }: { lines: ScriptLine[]; step: number; plays?: Character[] }) {
  const [speakingAs, switchTo] = useSpeakingAs(plays, lines, String(step));
  return (
    <>
      <CharacterBriefs characters={plays} speakingAs={speakingAs} onSwitch={switchTo} />
      <ScriptLines lines={lines} characters={plays} speakingAs={speakingAs} />
    </>
  );
}

const pressed = () => screen.getAllByRole("button").filter((b) => b.getAttribute("aria-pressed") === "true");

describe("an actor switching between the patients they play", () => {
  it("follows the script, switches by hand, and follows the script again at the next step", async () => {
    const first = [line("narrator", "Week one."), line("pauline", "Can you see me?"), line("daniel", "Is this on?")];
    const { rerender } = render(<Actor lines={first} step={0} />);
    expect(screen.getByRole("group", { name: /Speaking as/ })).toBeInTheDocument();
    expect(pressed().map((b) => b.textContent)).toEqual(["Daniel Osei"]);
    expect(screen.getByTestId("speaking-as")).toHaveTextContent("Daniel Osei. Camera on the ceiling.");
    // Lines of every part you play are marked as yours; the narrator's are not.
    expect(document.querySelectorAll("[data-mine]")).toHaveLength(2);
    expect(screen.getByText(/Week one/).closest("p")).not.toHaveAttribute("data-mine");

    await userEvent.click(screen.getByRole("button", { name: "Priya Sharma" }));
    expect(pressed().map((b) => b.textContent)).toEqual(["Priya Sharma"]);
    expect(screen.getByTestId("speaking-as")).toHaveTextContent("Arms folded.");

    rerender(<Actor lines={[line("pauline", "Shall I go first?")]} step={1} />);
    expect(pressed().map((b) => b.textContent)).toEqual(["Pauline Hughes"]);
  });

  it("shows a single part's brief with no switch, as for a one-to-one scenario", () => {
    render(<Actor lines={[line("pauline", "Hello")]} step={0} plays={[characters[0]!]} />);
    expect(screen.queryByRole("group", { name: /Speaking as/ })).toBeNull();
    expect(screen.getByText(/You play Pauline Hughes/)).toBeInTheDocument();
  });
});
