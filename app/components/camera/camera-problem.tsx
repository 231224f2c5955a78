// Why camera feedback is unavailable, in words a clinician can act on, with the reassurance that the practice goes on.
import type { CameraProblem } from "~/camera/camera-errors";

export function CameraProblemNotice({ problem, onRetry }: { problem: CameraProblem; onRetry?: () => void }) {
  return (
    <div className="ws-notice ws-notice--warning ws-camera-problem" role="alert" data-problem={problem.kind}>
      <p className="nhsuk-heading-s">{problem.title}</p>
      <p>{problem.message}</p>
      {problem.detail ? <p className="ws-muted ws-camera-problem__detail">Technical detail: {problem.detail}</p> : null}
      {onRetry ? (
        <button type="button" className="nhsuk-button nhsuk-button--secondary ws-button--small" onClick={onRetry}>
          Try the camera again
        </button>
      ) : null}
    </div>
  );
}
