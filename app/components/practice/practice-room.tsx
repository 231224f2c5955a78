// The practice room: the cast on the call, the conversation, the clinician's choices, progress and the camera corner.
import { Form } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { CastPanel } from "./cast-panel";
import { ChoiceList } from "./choice-list";
import { Dialogue } from "./dialogue";
import { useReadAloud } from "./read-aloud";
import type { PracticeView } from "./types";

export function PracticeRoom({ view, camera, notice }: { view: PracticeView; camera?: ReactNode; notice?: ReactNode }) {
  const current = view.history[view.history.length - 1];
  const lastSpeaker = current?.lines.filter((l) => l.speaker !== "narrator").at(-1)?.speaker ?? null;
  const readAloud = useReadAloud(view.cast.map((c) => c.id));
  const { speak } = readAloud;
  const currentKey = `${current?.nodeId}-${view.history.length}`;
  useEffect(() => {
    if (current) speak(current.lines);
    // Speak each new turn once, when it arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [currentKey, readAloud.enabled]);
  const percent = Math.min(100, Math.round((100 * view.progress.step) / Math.max(1, view.progress.estimatedTotal)));
  return (
    <div className="ws-room">
      <div className="ws-room__top">
        <div>
          <p className="ws-muted ws-room__kicker">
            {view.scenario.setting === "group" ? "Group video session" : "Video consultation"} ·{" "}
            {view.attempt.mode === "assessment"
              ? "Assessment mode: feedback comes in the debrief"
              : "Learning mode: feedback after each choice"}
          </p>
          <h1 className="nhsuk-heading-l ws-room__title">{view.scenario.title}</h1>
        </div>
        <div className="ws-room__tools">
          {readAloud.supported ? (
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary ws-button--small"
              aria-pressed={readAloud.enabled}
              onClick={readAloud.toggle}
            >
              {readAloud.enabled ? "Stop reading aloud" : "Read patient lines aloud"}
            </button>
          ) : null}
          <Form method="post" replace>
            <input type="hidden" name="intent" value="abandon" />
            <button type="submit" className="nhsuk-button nhsuk-button--reverse ws-button--small">
              Leave this practice
            </button>
          </Form>
        </div>
      </div>
      <div
        className="ws-progress"
        role="progressbar"
        aria-label="Progress through the consultation"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <span className="ws-progress__bar" style={{ width: `${percent}%` }} />
      </div>
      {notice}
      <div className="ws-room__grid">
        <div className="ws-room__call">
          <CastPanel cast={view.cast} speakingId={lastSpeaker} />
          <Dialogue turns={view.history} cast={view.cast} showFeedback={view.attempt.mode === "learning"} />
          {view.attempt.status === "in-progress" ? (
            <ChoiceList choices={view.choices} step={view.attempt.step} previouslyChosen={view.previouslyChosen} />
          ) : null}
        </div>
        <aside className="ws-room__side" aria-label="Your camera">
          {camera ?? <CameraSlotPlaceholder />}
        </aside>
      </div>
    </div>
  );
}

/** Shown where the camera self-view and nudges go, until the camera is switched on. */
export function CameraSlotPlaceholder() {
  return (
    <div className="ws-camera-slot" data-testid="camera-slot">
      <p className="nhsuk-heading-s">Your camera</p>
      <p className="ws-muted">Camera feedback is off. Your video is never recorded or sent anywhere.</p>
    </div>
  );
}
