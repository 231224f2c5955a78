// Live nudges beside the self-view: a polite live region, so a screen reader hears a new nudge without losing its place.
import type { Nudge } from "~/core/feedback";

export function NudgeList({ nudges, onMute }: { nudges: Nudge[]; onMute?: string | null }) {
  return (
    <div className="ws-nudges" role="status" aria-live="polite" aria-label="Camera tips" data-testid="camera-nudges">
      {onMute ? (
        <p className="ws-nudge ws-nudge--mute" data-check="mute">
          {onMute}
        </p>
      ) : null}
      {nudges.map((n) => (
        <p key={n.check} className="ws-nudge" data-check={n.check} data-state={n.state}>
          {n.text}
        </p>
      ))}
    </div>
  );
}
