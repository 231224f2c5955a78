// Shown instead of the responses in "say it first" mode until the clinician has answered aloud (or asks for the options).
import { useEffect } from "react";
import type { SayItFirst } from "./use-say-it-first";
import { typingInField } from "./typing-in-field";

/** The key that shows the options without speaking. */
export const SHOW_OPTIONS_KEY = "o";

export function SpeakFirstPanel({ say }: { say: SayItFirst }) {
  const { showOptions } = say;
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || typingInField(event.target)) return;
      if (event.key.toLowerCase() !== SHOW_OPTIONS_KEY) return;
      event.preventDefault();
      showOptions();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [showOptions]);
  const status =
    say.listening.state === "starting"
      ? "Starting your microphone…"
      : say.patientSpeaking
        ? "The patient is speaking. Answer when they finish."
        : say.speechMs > 0
          ? "We can hear you. The responses appear when you pause."
          : "Listening. Answer aloud now, looking at the camera.";
  return (
    <section className="ws-speak-first" aria-labelledby="speak-first-heading" data-testid="speak-first">
      <h2 id="speak-first-heading" className="nhsuk-heading-s">
        Say it first
      </h2>
      <p>
        Answer the patient aloud, in your own words, as you would on a real call. Then pick the written response closest
        to what you said.
      </p>
      <p className="ws-speak-first__status" data-testid="speak-first-status">
        <span
          className={`ws-speak-first__dot${say.speechMs > 0 ? " ws-speak-first__dot--on" : ""}`}
          aria-hidden="true"
        />
        {status}
      </p>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary ws-button--small"
        onClick={showOptions}
        aria-keyshortcuts={SHOW_OPTIONS_KEY.toUpperCase()}
      >
        I can&apos;t speak here: show the options
      </button>
      <p className="ws-muted ws-speak-first__hint">
        Or press {SHOW_OPTIONS_KEY.toUpperCase()}. Your voice is measured on this device and never recorded or sent.
      </p>
    </section>
  );
}
