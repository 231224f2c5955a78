// The practice room's camera corner: self-view (off unless switched on; the choice is remembered), live nudges, mic level, mute.
import { CameraProblemNotice } from "~/components/camera/camera-problem";
import { CompactSelfView } from "~/components/camera/compact-self-view";
import { DiagnosticsLine } from "~/components/camera/diagnostics-line";
import { MicMeter } from "~/components/camera/mic-meter";
import { NudgeList } from "~/components/camera/nudge-list";
import { SelfView } from "~/components/camera/self-view";
import { ON_MUTE_TEXT } from "~/core/feedback";
import type { PracticeCameraState } from "./use-practice-camera";

export function PracticeCamera({ camera: state }: { camera: PracticeCameraState }) {
  const { on, setOn, muted, setMuted, analysis: camera } = state;
  const { snapshot } = camera;
  const phase = snapshot?.phase;
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

/** The compact self-view for the one-column room, while the camera is on and working; nothing when it is off or has a problem. */
export function PracticeCameraGlance({ camera: state }: { camera: PracticeCameraState }) {
  const snapshot = state.analysis.snapshot;
  if (!state.on || snapshot?.problem || snapshot?.phase === "failed" || snapshot?.phase === "stopped") return null;
  const running = snapshot?.phase === "running";
  return (
    <CompactSelfView
      stream={snapshot?.stream ?? null}
      status={running ? "running" : snapshot?.phase === "loading" ? "loading" : "starting"}
      nudges={running ? snapshot.nudges : []}
      onMute={running && snapshot.onMute ? ON_MUTE_TEXT : null}
    />
  );
}
