// The practice room: the cast on the call, the conversation, the clinician's choices, progress and the camera corner.
import { Form } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { CastPanel } from "./cast-panel";
import { ChoiceList } from "./choice-list";
import { Dialogue } from "./dialogue";
import { scrollAfterChoice } from "./keep-place";
import { useReadAloud } from "./read-aloud";
import { SpeakFirstPanel } from "./speak-first-panel";
import { useSayItFirst } from "./use-say-it-first";
import type { SpokenTurnLog } from "~/camera/spoken-turn-log";
import type { PracticeView } from "~/services/practice-view.server";

const REVEAL_NEWS = {
  none: "",
  speech: "Thank you. The responses are shown: choose the one closest to what you said.",
  button: "The responses are shown: choose one, or press its number key.",
};

const NO_LINES: Array<{ speaker: string; text: string }> = [];

export function PracticeRoom({
  view,
  camera,
  cameraGlance,
  notice,
  spokenLog,
}: {
  view: PracticeView;
  camera?: ReactNode;
  /** The compact self-view and current nudge (one-column room only), kept in sight above the conversation and responses. */
  cameraGlance?: ReactNode;
  notice?: ReactNode;
  /** Where "say it first" turns are kept for the upload; without it the mode is off. */
  spokenLog?: SpokenTurnLog;
}) {
  const current = view.history[view.history.length - 1];
  const lastSpeaker = current?.lines.filter((l) => l.speaker !== "narrator").at(-1)?.speaker ?? null;
  const castIds = useMemo(() => view.cast.map((c) => c.id), [view.cast]);
  const readAloud = useReadAloud(castIds);
  const { speak } = readAloud;
  const currentKey = `${current?.nodeId}-${view.history.length}`;
  const sayItFirst = !!spokenLog && view.attempt.sayItFirst && view.attempt.status === "in-progress";
  const say = useSayItFirst({
    enabled: sayItFirst,
    turnKey: currentKey,
    step: view.attempt.step,
    nodeId: current?.nodeId ?? "",
    lines: current?.lines ?? NO_LINES,
    castIds,
    log: spokenLog ?? NO_LOG,
  });
  const listeningForAnswer = sayItFirst && say.listening.state !== "unavailable";
  useEffect(() => {
    // Say-it-first reads every turn aloud itself.
    if (current && !listeningForAnswer) speak(current.lines);
    // Speak each new turn once, when it arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [currentKey, readAloud.enabled]);
  const call = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The button that showed the responses has gone: keep keyboard users in place on the first response.
    if (say.revealedBy === "button") call.current?.querySelector<HTMLButtonElement>(".ws-choice")?.focus();
  }, [say.revealedBy, currentKey]);
  const percent = view.progress.percent;
  const shownKey = useRef<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    // On arrival leave focus where the browser put it; after each choice keep the learner's place: focus the new
    // patient turn, announce it, and bring the conversation and the responses into view together.
    const first = shownKey.current === null;
    if (shownKey.current === currentKey) return;
    shownKey.current = currentKey;
    if (first || !current) return;
    const turn = document.getElementById("current-turn");
    turn?.focus({ preventScroll: true });
    const responses = call.current?.querySelector(".ws-choices") ?? call.current;
    if (turn && responses) {
      window.scrollTo({
        top: scrollAfterChoice({
          turnTop: turn.getBoundingClientRect().top + window.scrollY,
          responsesBottom: responses.getBoundingClientRect().bottom + window.scrollY,
          viewportHeight: window.innerHeight,
          topInset: stickyTopHeight(call.current),
        }),
      });
    }
    setAnnouncement(spokenTurn(current, view.cast));
  }, [currentKey, current, view.cast]);
  return (
    <div className="ws-room">
      <div className="ws-room__top">
        <div>
          <p className="ws-muted ws-room__kicker">
            {view.scenario.setting === "group" ? "Group video session" : "Video consultation"} ·{" "}
            {view.attempt.mode === "assessment"
              ? "Assessment mode: feedback comes in the debrief"
              : "Learning mode: feedback after each choice"}
            {listeningForAnswer ? " · Say it first: answer aloud" : null}
          </p>
          <h1 className="nhsuk-heading-l ws-room__title">{view.scenario.title}</h1>
        </div>
        <div className="ws-room__tools">
          {readAloud.supported && !listeningForAnswer ? (
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary ws-button--small"
              aria-pressed={readAloud.enabled}
              onClick={readAloud.toggle}
            >
              {readAloud.enabled ? "Stop reading aloud" : "Read patient lines aloud"}
            </button>
          ) : null}
          <LeaveConfirmation />
        </div>
      </div>
      <div
        className="ws-progress"
        role="progressbar"
        aria-label="Progress through the consultation"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`About ${percent}% of the way through`}
      >
        <span className="ws-progress__bar" style={{ width: `${percent}%` }} />
      </div>
      {notice}
      {say.listening.state === "unavailable" ? (
        <div className="ws-notice ws-notice--warning" role="alert" data-testid="microphone-unavailable">
          <p>{say.listening.message}</p>
        </div>
      ) : null}
      <p className="nhsuk-u-visually-hidden" role="status" aria-live="polite" data-testid="turn-announcement">
        {announcement}
      </p>
      <p className="nhsuk-u-visually-hidden" role="status" aria-live="polite" data-testid="reveal-announcement">
        {REVEAL_NEWS[say.revealedBy ?? "none"]}
      </p>
      <div className="ws-room__grid">
        <div className="ws-room__call" ref={call}>
          {cameraGlance}
          <CastPanel cast={view.cast} speakingId={lastSpeaker} />
          <Dialogue turns={view.history} cast={view.cast} showFeedback={view.attempt.mode === "learning"} />
          {view.attempt.status !== "in-progress" ? null : say.revealed ? (
            <ChoiceList choices={view.choices} step={view.attempt.step} previouslyChosen={view.previouslyChosen} />
          ) : (
            <SpeakFirstPanel say={say} />
          )}
        </div>
        <aside className="ws-room__side" aria-label="Your camera">
          {camera ?? <CameraSlotPlaceholder />}
        </aside>
      </div>
    </div>
  );
}

/** The height of the phone's sticky self-view at the top of the call, or 0 where it is not shown (desktop, camera off). */
function stickyTopHeight(call: HTMLElement | null): number {
  const glance = call?.querySelector<HTMLElement>(".ws-compact-self-view");
  return glance && getComputedStyle(glance).position === "sticky" ? glance.getBoundingClientRect().height : 0;
}

const NO_LOG: SpokenTurnLog = {
  setCurrent: () => undefined,
  addCameraReading: () => undefined,
  cameraReadings: () => [],
  turns: () => [],
  close: () => undefined,
};

/**
 * Leaving asks first (a disclosure, so it works before the page's script has loaded): pausing keeps the attempt to
 * resume later; ending it marks it as left early.
 */
function LeaveConfirmation() {
  return (
    <details className="ws-leave">
      <summary className="nhsuk-button nhsuk-button--reverse ws-button--small">Leave this practice</summary>
      <div className="ws-leave__panel">
        <p className="nhsuk-heading-s">Leave this practice?</p>
        <p>You can pause and come back to this attempt later from My learning, or end it now.</p>
        <div className="ws-actions">
          <a className="nhsuk-button nhsuk-button--secondary ws-button--small" href="/history">
            Pause and leave
          </a>
          <Form method="post" replace>
            <input type="hidden" name="intent" value="abandon" />
            <button type="submit" className="nhsuk-button nhsuk-button--warning ws-button--small">
              End this attempt
            </button>
          </Form>
        </div>
      </div>
    </details>
  );
}

/** The new turn as one sentence for the live region: stage events, then who says what. */
export function spokenTurn(turn: PracticeView["history"][number], cast: PracticeView["cast"]): string {
  const names = new Map(cast.map((c) => [c.id, c.name]));
  const events = turn.events.map((e) => e.text);
  const lines = turn.lines.map((l) => (names.has(l.speaker) ? `${names.get(l.speaker)}: ${l.text}` : l.text));
  return [...events, ...lines].join(" ");
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
