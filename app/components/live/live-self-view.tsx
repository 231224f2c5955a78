// Your own picture on the live page, from the call's stream: in the lobby the pre-call check's verdict and microphone
// meter for everyone; during the consultation the learner keeps the solo room's private nudges. Nothing here is sent
// to the colleagues; the nudges are for the person looking at them.
import { useEffect, useRef } from "react";
import type { CameraAnalysis } from "~/camera/use-camera-analysis";
import { CameraProblemNotice } from "~/components/camera/camera-problem";
import { MicMeter } from "~/components/camera/mic-meter";
import { NudgeList } from "~/components/camera/nudge-list";
import { ReadinessList } from "~/components/camera/readiness-list";
import { SelfView } from "~/components/camera/self-view";

export function LiveSelfView({
  stream,
  analysis,
  mode,
}: {
  stream: MediaStream | null;
  analysis: CameraAnalysis;
  /** check: the lobby's verdict; nudges: the learner during the consultation; plain: the picture only. */
  mode: "check" | "nudges" | "plain";
}) {
  const { snapshot, readiness } = analysis;
  const running = snapshot?.phase === "running";
  return (
    <figure
      className={`ws-live-video ws-live-video--self${mode === "check" ? " ws-live-video--check" : ""}`}
      data-testid="live-self-view"
    >
      {mode === "plain" ? <PlainSelfView stream={stream} /> : <SelfView videoRef={analysis.videoRef} size="corner" />}
      <figcaption>You</figcaption>
      {mode !== "plain" && snapshot?.problem ? <CameraProblemNotice problem={snapshot.problem} /> : null}
      {mode !== "plain" && snapshot && snapshot.phase !== "running" && snapshot.phase !== "failed" ? (
        <p className="ws-muted" role="status">
          Getting your camera check ready…
        </p>
      ) : null}
      {mode !== "plain" && snapshot && snapshot.phase !== "failed" ? (
        <MicMeter id="live-mic" level={snapshot.micLevel} speaking={snapshot.speaking} />
      ) : null}
      {mode === "check" && running && readiness ? <ReadinessList readiness={readiness} /> : null}
      {/* Always in the page while the nudges are on, so a screen reader is listening before the first one. */}
      {mode === "nudges" ? <NudgeList nudges={running ? snapshot.nudges : []} /> : null}
    </figure>
  );
}

/** The picture alone (no analysis running): the stream played muted, mirrored like the analysed self-view. */
function PlainSelfView({ stream }: { stream: MediaStream | null }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current && ref.current.srcObject !== stream) ref.current.srcObject = stream;
  }, [stream]);
  return <SelfView videoRef={ref} size="corner" />;
}
