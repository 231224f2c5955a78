// The clinician's possible responses as large buttons in one form; keys 1-6 pick a response too.
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { typingInField } from "./typing-in-field";

export function ChoiceList({
  choices,
  step,
  previouslyChosen,
}: {
  choices: Array<{ id: string; text: string }>;
  /** The clinician's step: choices made so far. Sent back so a choice from an out-of-date page is refused. */
  step: number;
  previouslyChosen: string[];
}) {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || typingInField(event.target)) return;
      const index = Number(event.key) - 1;
      if (Number.isInteger(index) && index >= 0 && index < choices.length) {
        event.preventDefault();
        buttons.current[index]?.click();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [choices.length]);
  return (
    <Form method="post" className="ws-choices" aria-labelledby="choices-heading" replace preventScrollReset>
      <h2 id="choices-heading" className="nhsuk-heading-s">
        How do you respond?
        <span className="ws-muted ws-choices__hint"> Choose one, or press its number key.</span>
      </h2>
      <input type="hidden" name="intent" value="choose" />
      <input type="hidden" name="step" value={step} />
      <ol className="ws-choices__list">
        {choices.map((choice, index) => (
          <li key={choice.id}>
            <button
              ref={(el) => {
                buttons.current[index] = el;
              }}
              type="submit"
              name="choiceId"
              value={choice.id}
              className="ws-choice"
              disabled={busy}
              aria-keyshortcuts={String(index + 1)}
            >
              <span className="ws-choice__key" aria-hidden="true">
                {index + 1}
              </span>
              <span className="ws-choice__text">{choice.text}</span>
              {previouslyChosen.includes(choice.id) ? (
                <span className="ws-tag ws-tag--grey ws-choice__before">You chose this last time</span>
              ) : null}
            </button>
          </li>
        ))}
      </ol>
    </Form>
  );
}
