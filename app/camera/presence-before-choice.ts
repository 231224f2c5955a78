// Saves the presence summary just before each choice is sent, so the summary the debrief reads is complete when the attempt ends.
import { useEffect } from "react";
import type { PresenceSummary } from "~/core/feedback";
import { postPresence } from "./presence-upload";

const CHOICE_INTENTS = ["choose"] as const;

/**
 * Holds back the practice room's choice form (intent=choose) until the summary so far is stored, then sends it on,
 * so the debrief's summary is complete when the last choice ends the attempt. The form's step counts choices made,
 * which storing a summary does not change. The post is capped at a second and a half; the choice goes through
 * whatever happens to it.
 */
export function usePresenceBeforeChoice(
  attemptId: string,
  summarise: () => PresenceSummary,
  /** The forms' intents to hold back: a choice in solo practice; ending the session in live role-play. */
  intents: readonly string[] = CHOICE_INTENTS,
): void {
  useEffect(() => {
    let passing = false;
    const onSubmit = (event: SubmitEvent) => {
      if (passing) {
        passing = false;
        return;
      }
      const form = event.target;
      if (!(form instanceof HTMLFormElement)) return;
      const intent = form.elements.namedItem("intent");
      if (!(intent instanceof HTMLInputElement) || !intents.includes(intent.value)) return;
      const summary = summarise();
      if (summary.durationMs <= 0 && !summary.spoken?.length) return;
      // Capture phase on window: this runs before React sees the event, so the choice waits for the summary.
      event.preventDefault();
      event.stopImmediatePropagation();
      const submitter = event.submitter;
      void postPresence(attemptId, summary).then(() => {
        passing = true;
        try {
          form.requestSubmit(submitter instanceof HTMLElement ? submitter : undefined);
        } catch {
          passing = false;
        }
      });
    };
    window.addEventListener("submit", onSubmit, true);
    return () => window.removeEventListener("submit", onSubmit, true);
  }, [attemptId, summarise, intents]);
}
