// The practice room's camera corner: self-view (off unless switched on; the choice is remembered), live nudges, mic level, mute.
import { useCallback, useEffect, useMemo, useState } from "react";
import { useCameraPreference } from "~/camera/camera-preference";
import { usePresenceBeforeChoice } from "~/camera/presence-before-choice";
import { summaryWithTurns, type SpokenTurnLog } from "~/camera/spoken-turn-log";
import { useCameraAnalysis } from "~/camera/use-camera-analysis";
import { CameraProblemNotice } from "~/components/camera/camera-problem";
import { DiagnosticsLine } from "~/components/camera/diagnostics-line";
import { MicMeter } from "~/components/camera/mic-meter";
import { NudgeList } from "~/components/camera/nudge-list";
import { SelfView } from "~/components/camera/self-view";
import { createPresenceRecorder, framingKeyOf, lightingKeyOf, ON_MUTE_TEXT } from "~/core/feedback";

export function PracticeCamera({
  attemptId,
  nodeId,
  spokenLog,
}: {
  attemptId: string;
  nodeId: string;
  /** "Say it first" turns, sent with the summary; the camera's readings go to it for eye contact while speaking. */
  spokenLog: SpokenTurnLog;
}) {
  const [on, setOn] = useCameraPreference();
  const [muted, setMuted] = useState(false);
  // One recorder per attempt, kept while the camera is switched off and on again (a new attempt gets a new one).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const recorder = useMemo(() => createPresenceRecorder(), [attemptId]);
  usePresenceBeforeChoice(
    attemptId,
    useCallback(() => summaryWithTurns(recorder, spokenLog), [recorder, spokenLog]),
  );
  const camera = useCameraAnalysis({ enabled: on, nodeId, recorder });
  const { snapshot, setMuted: applyMute } = camera;
  const phase = snapshot?.phase;
  useEffect(() => {
    if (snapshot?.phase !== "running") return;
    const framing = framingKeyOf(snapshot.states);
    const lighting = lightingKeyOf(snapshot.states);
    spokenLog.addCameraReading({
      tMs: performance.now(),
      eyeContact: snapshot.states.eyeContact === null ? null : snapshot.states.eyeContact === "looking",
      framingOk: framing === null ? null : framing === "ok",
      lightingOk: lighting === null ? null : lighting === "ok",
    });
  }, [snapshot, spokenLog]);
  useEffect(() => applyMute(muted), [muted, phase, applyMute]);

  const working = on && snapshot !== null && phase !== "failed";
  return (
    <section
      className="ws-camera-corner"
      aria-labelledby="camera-corner-heading"
      data-testid="camera-corner"
      onPointerDown={camera.resumeAudio}
    >
      <h2 id="camera-corner-heading" className="nhsuk-heading-s">
        Your camera
      </h2>
      {on ? (
        <SelfView videoRef={camera.videoRef} size="corner" />
      ) : (
        <p className="ws-muted">
          Camera feedback is off. Switch it on for private tips on framing, lighting and eye contact.
        </p>
      )}
      {on && snapshot?.problem ? <CameraProblemNotice problem={snapshot.problem} /> : null}
      {on && (!snapshot || phase === "starting") ? (
        <p role="status" className="ws-muted">
          Starting your camera…
        </p>
      ) : null}
      {on && phase === "loading" ? (
        <p role="status" className="ws-muted">
          Getting the camera tips ready…
        </p>
      ) : null}
      {working ? <MicMeter id="practice-mic" level={snapshot.micLevel} speaking={snapshot.speaking} /> : null}
      <div className="ws-camera-corner__controls">
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary ws-button--small"
          aria-pressed={on}
          onClick={() => setOn(!on)}
        >
          {on ? "Turn camera off" : "Turn camera on"}
        </button>
        {working ? (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary ws-button--small"
            aria-pressed={muted}
            onClick={() => setMuted(!muted)}
          >
            {muted ? "Unmute" : "Mute"}
          </button>
        ) : null}
      </div>
      {/* Always in the page, so assistive technology is listening before the first nudge arrives. */}
      <NudgeList
        nudges={working && phase === "running" ? snapshot.nudges : []}
        onMute={working && snapshot.onMute ? ON_MUTE_TEXT : null}
      />
      {working && phase === "running" ? <DiagnosticsLine figures={snapshot.figures} /> : null}
      <p className="ws-muted ws-camera-corner__privacy">
        Video never leaves this device. <a href="/check">Check your camera</a>
      </p>
    </section>
  );
}
