// The pre-call check: a mirrored self-view, the microphone level and a plain-words verdict on framing, distance, eye line, lighting and microphone.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { rememberCameraChoice } from "~/camera/camera-preference";
import { useCameraAnalysis } from "~/camera/use-camera-analysis";
import { CameraProblemNotice } from "~/components/camera/camera-problem";
import { DiagnosticsLine } from "~/components/camera/diagnostics-line";
import { MicMeter } from "~/components/camera/mic-meter";
import { PrivacyStatement } from "~/components/camera/privacy-statement";
import { ReadinessList } from "~/components/camera/readiness-list";
import { SelfView } from "~/components/camera/self-view";
import { requireViewer } from "~/utils/auth.server";
import { getScenario } from "~/services/catalogue.server";

export const meta: MetaFunction = () => [{ title: "Camera and microphone check | Webside" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const id = new URL(request.url).searchParams.get("scenario");
  const scenario = id ? await getScenario(context, viewer.org.id, id) : null;
  return { scenario: scenario ? { id: scenario.id, title: scenario.title } : null };
}

export default function CheckPage() {
  const { scenario } = useLoaderData<typeof loader>();
  // A retry remounts the session: the browser asks for the camera again.
  const [attempt, setAttempt] = useState(0);
  return (
    <>
      <p className="ws-muted">
        {scenario ? (
          <a href={`/scenarios/${scenario.id}`}>Back to {scenario.title}</a>
        ) : (
          <a href="/scenarios">All scenarios</a>
        )}
      </p>
      <h1>Check your camera and microphone</h1>
      <p className="nhsuk-body-l">
        Set yourself up as you would for a real video consultation. The check tells you what, if anything, to change.
      </p>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <CheckPanel key={attempt} onRetry={() => setAttempt((n) => n + 1)} />
          {scenario ? (
            <p>
              <a className="nhsuk-button" href={`/scenarios/${scenario.id}`}>
                Continue to {scenario.title}
              </a>
            </p>
          ) : null}
        </div>
        <div className="nhsuk-grid-column-one-third">
          <PrivacyStatement />
        </div>
      </div>
    </>
  );
}

function CheckPanel({ onRetry }: { onRetry: () => void }) {
  const camera = useCameraAnalysis({ enabled: true });
  const { snapshot, readiness } = camera;
  const problem = snapshot?.problem ?? null;
  const running = snapshot?.phase === "running";
  // A camera that works here is wanted in the practice room too: remember it, so it is not off again there.
  useEffect(() => {
    if (running) rememberCameraChoice(true);
  }, [running]);
  return (
    // Any click wakes the microphone analyser if the browser held it back until the person interacted.
    <section
      className="ws-card ws-camera-check"
      aria-labelledby="check-heading"
      onPointerDown={camera.resumeAudio}
      onKeyDown={camera.resumeAudio}
    >
      <h2 id="check-heading" className="nhsuk-heading-m">
        How you will look and sound
      </h2>
      {problem ? <CameraProblemNotice problem={problem} onRetry={onRetry} /> : null}
      <div className="ws-camera-check__grid">
        <div>
          <SelfView videoRef={camera.videoRef} />
          {snapshot && snapshot.phase !== "failed" ? (
            <MicMeter level={snapshot.micLevel} speaking={snapshot.speaking} />
          ) : null}
        </div>
        <div>
          {!snapshot || snapshot.phase === "starting" ? (
            <p role="status">Starting your camera… Your browser may ask to use the camera and microphone.</p>
          ) : null}
          {snapshot?.phase === "loading" ? <p role="status">Your camera is on. Getting the analysis ready…</p> : null}
          {readiness && snapshot?.phase === "running" ? <ReadinessList readiness={readiness} /> : null}
          {snapshot?.phase === "running" && snapshot.microphone === "checking" ? (
            <p className="ws-muted">Say a few words, as if greeting a patient, to check your microphone.</p>
          ) : null}
        </div>
      </div>
      {snapshot && snapshot.phase === "running" ? <DiagnosticsLine figures={snapshot.figures} /> : null}
      {running ? (
        <p className="ws-muted" data-testid="camera-remembered">
          Your camera works, so camera feedback will be on in the practice room. You can switch it off there.
        </p>
      ) : null}
    </section>
  );
}
