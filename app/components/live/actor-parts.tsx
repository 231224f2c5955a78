// An actor playing several patients in a group scenario switches between them: "Speaking as" follows the script (the
// part of yours who speaks last in the current node) and can be changed by hand until the script moves on; the others'
// captions follow the switch. The brief shown is the chosen character's; every line of a character you play is marked
// as yours.
import { useFetcher } from "@remix-run/react";
import { useState } from "react";
import { partSpeaking } from "~/core/live";

export type Character = { id: string; name: string; bio: string };
export type ScriptLine = { speaker: string; speakerId: string; text: string };

/**
 * Whose voice the actor is: their switch at this step (made here, or stored before a reload), else the script's. A
 * switch is sent to the server, so the others' captions follow it.
 */
export function useSpeakingAs(
  characters: readonly Character[],
  lines: readonly ScriptLine[],
  step: number,
  stored: string | null,
) {
  const plays = characters.map((c) => c.id);
  const following = partSpeaking(
    lines.map((l) => l.speakerId),
    plays,
  );
  const fetcher = useFetcher();
  // Kept with the step it was made at: when the script moves on, the switch no longer applies.
  const [chosen, setChosen] = useState<{ step: number; id: string } | null>(null);
  const pick = chosen?.step === step ? chosen.id : stored;
  const switchTo = (id: string) => {
    setChosen({ step, id });
    fetcher.submit({ intent: "speaking-as", castId: id, step: String(step) }, { method: "post" });
  };
  return [pick && plays.includes(pick) ? pick : following, switchTo] as const;
}

export function CharacterBriefs({
  characters,
  speakingAs,
  onSwitch,
}: {
  characters: readonly Character[];
  speakingAs: string | null;
  onSwitch(id: string): void;
}) {
  if (characters.length <= 1) {
    return (
      <>
        {characters.map((c) => (
          <div key={c.id} className="nhsuk-inset-text">
            <p>
              <strong>You play {c.name}.</strong> {c.bio}
            </p>
          </div>
        ))}
      </>
    );
  }
  const current = characters.find((c) => c.id === speakingAs) ?? characters[0]!;
  return (
    <div className="nhsuk-inset-text" data-testid="actor-parts">
      <p id="parts-label">
        <strong>You play {characters.length} patients.</strong> Speaking as:
      </p>
      <div className="ws-live-parts" role="group" aria-labelledby="parts-label">
        {characters.map((c) => (
          <button
            key={c.id}
            type="button"
            className="nhsuk-button nhsuk-button--secondary ws-button--small"
            aria-pressed={c.id === current.id}
            onClick={() => onSwitch(c.id)}
          >
            {c.name}
          </button>
        ))}
      </div>
      {/* Polite: switching by hand or by the script announces whose brief is now shown. */}
      <p aria-live="polite" data-testid="speaking-as">
        <strong>{current.name}.</strong> {current.bio}
      </p>
    </div>
  );
}

export function ScriptLines({
  lines,
  characters,
  speakingAs,
}: {
  lines: readonly ScriptLine[];
  characters: readonly Character[];
  speakingAs: string | null;
}) {
  const name = new Map(characters.map((c) => [c.id, c.name]));
  return (
    <>
      {lines.map((line, i) => {
        const mine = name.has(line.speakerId);
        return (
          <p
            key={i}
            className={
              mine ? `ws-live-line--mine${line.speakerId === speakingAs ? " ws-live-line--now" : ""}` : undefined
            }
            data-mine={mine || undefined}
          >
            <strong>
              {line.speaker}
              {mine && characters.length > 1 ? " (you)" : ""}:
            </strong>{" "}
            {line.text}
          </p>
        );
      })}
    </>
  );
}
