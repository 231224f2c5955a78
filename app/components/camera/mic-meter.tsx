// A microphone level meter: how loud the raw microphone is right now, on a scale that makes ordinary speech fill most of it.
import { SPEAKING_LEVEL } from "~/core/feedback";

/** RMS 0..1 to a 0..100 meter: speech at a laptop (0.03-0.15 RMS) reads about 45-100. */
export function meterPercent(level: number): number {
  return Math.round(Math.min(1, Math.sqrt(Math.max(0, level) / 0.15)) * 100);
}

export function MicMeter({ level, speaking, id = "mic-level" }: { level: number; speaking: boolean; id?: string }) {
  const percent = meterPercent(level);
  const threshold = meterPercent(SPEAKING_LEVEL);
  return (
    <div className="ws-mic">
      <span className="ws-mic__label" id={`${id}-label`}>
        Microphone {speaking ? "(hearing you)" : ""}
      </span>
      <div
        className="ws-mic__track"
        role="meter"
        aria-labelledby={`${id}-label`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        data-testid="mic-level"
      >
        <span className={`ws-mic__bar${speaking ? " ws-mic__bar--speaking" : ""}`} style={{ width: `${percent}%` }} />
        <span className="ws-mic__threshold" style={{ left: `${threshold}%` }} aria-hidden="true" />
      </div>
    </div>
  );
}
