// Turns noisy per-frame states into calm reported states: 5-frame smoothing, then a state must hold ~1 s to be reported or cleared.
import type { CheckName, CheckStates, ClassifiedFrame, EyeContactState, PresenceState } from "./classify";
import { TimedWindow, longest } from "./timed-window";
import {
  CONFIRM_SHARE,
  CONFIRM_WINDOW_MS,
  EYE_CONTACT_MIN_SHARE,
  EYE_CONTACT_MIN_SPEAKING_MS,
  EYE_CONTACT_WINDOW_MS,
  MAX_FRAME_HOLD_MS,
  PRESENCE_MIN_SHARE,
  PRESENCE_WINDOW_MS,
  SMOOTHING_FRAMES,
} from "./thresholds";

/** What each check currently reports; null until the first state has been confirmed. */
export type StableStates = { [K in CheckName]: CheckStates[K] | null };

export interface StateConfirmer<S> {
  /** Feeds one frame's state (null = no reading) and returns the reported state. */
  push(t: number, state: S | null): S | null;
  readonly reported: S | null;
}

/**
 * Smoothing: the most common of the last few readings (ties go to the reported state, then the newest).
 * Confirmation: a state different from the reported one takes over only when it fills CONFIRM_SHARE of the
 * last CONFIRM_WINDOW_MS. The same rule applies to going back to good, so alternating input never flips it.
 */
export function createStateConfirmer<S>(smoothingFrames = SMOOTHING_FRAMES): StateConfirmer<S> {
  let recent: S[] = [];
  let lastT = -Infinity;
  let reported: S | null = null;
  const window = new TimedWindow<S>(CONFIRM_WINDOW_MS);

  const smooth = (): S | null => {
    const counts = new Map<S, number>();
    for (const s of recent) counts.set(s, (counts.get(s) ?? 0) + 1);
    const top = Math.max(0, ...counts.values());
    const tied = [...counts].filter(([, n]) => n === top).map(([s]) => s);
    if (tied.length === 0) return null;
    if (reported !== null && tied.includes(reported)) return reported;
    return recent.filter((s) => tied.includes(s)).pop() ?? null;
  };

  return {
    push(t, state) {
      if (t <= lastT) return reported;
      // After a long gap the old readings say nothing about now.
      if (t - lastT > MAX_FRAME_HOLD_MS) recent = [];
      lastT = t;
      if (state !== null) recent = [...recent, state].slice(-smoothingFrames);
      window.push(t, state === null ? null : smooth());
      const best = longest(window.durations(t, CONFIRM_WINDOW_MS));
      if (best && best.state !== reported && best.ms >= CONFIRM_SHARE * CONFIRM_WINDOW_MS) reported = best.state;
      return reported;
    },
    get reported() {
      return reported;
    },
  };
}

/** Presence per moment: a face in at least 90% of the last 2 s; otherwise whichever of "far" and "absent" was commoner. */
function createPresenceWindow() {
  const window = new TimedWindow<PresenceState>(PRESENCE_WINDOW_MS);
  return (t: number, state: PresenceState): PresenceState => {
    window.push(t, state);
    const d = window.durations(t, PRESENCE_WINDOW_MS);
    const present = d.get("present") ?? 0;
    const far = d.get("far") ?? 0;
    const absent = d.get("absent") ?? 0;
    const seen = present + far + absent;
    // Before 2 s of history, judge the time there is.
    if (seen === 0 || present >= PRESENCE_MIN_SHARE * seen) return "present";
    return far > absent ? "far" : "absent";
  };
}

/** Eye contact per moment: looking when gaze was at the lens for >= 60% of recent speaking time; no verdict without enough speech. */
function createEyeContactWindow() {
  const window = new TimedWindow<EyeContactState>(EYE_CONTACT_WINDOW_MS);
  return (t: number, state: EyeContactState | null, speaking: boolean): EyeContactState | null => {
    window.push(t, speaking ? state : null);
    const d = window.durations(t, EYE_CONTACT_WINDOW_MS);
    const looking = d.get("looking") ?? 0;
    const total = looking + (d.get("away") ?? 0);
    if (total < EYE_CONTACT_MIN_SPEAKING_MS) return null;
    return looking >= EYE_CONTACT_MIN_SHARE * total ? "looking" : "away";
  };
}

export interface FeedbackStabiliser {
  /** Feeds one classified frame (timestamps must increase; others are ignored) and returns what each check reports. */
  update(frame: ClassifiedFrame): StableStates;
  readonly states: StableStates;
}

export function createFeedbackStabiliser(): FeedbackStabiliser {
  const presenceNow = createPresenceWindow();
  const eyeContactNow = createEyeContactWindow();
  // Presence and eye contact are already window judgements, so they skip the 5-frame smoothing.
  const confirmers: { [K in CheckName]: StateConfirmer<CheckStates[K]> } = {
    presence: createStateConfirmer(1),
    centring: createStateConfirmer(),
    eyeLine: createStateConfirmer(),
    distance: createStateConfirmer(),
    headInFrame: createStateConfirmer(),
    headPose: createStateConfirmer(),
    lighting: createStateConfirmer(),
    backlight: createStateConfirmer(),
    eyeContact: createStateConfirmer(1),
  };
  let lastT = -Infinity;
  const read = (): StableStates => ({
    presence: confirmers.presence.reported,
    centring: confirmers.centring.reported,
    eyeLine: confirmers.eyeLine.reported,
    distance: confirmers.distance.reported,
    headInFrame: confirmers.headInFrame.reported,
    headPose: confirmers.headPose.reported,
    lighting: confirmers.lighting.reported,
    backlight: confirmers.backlight.reported,
    eyeContact: confirmers.eyeContact.reported,
  });
  return {
    update(frame) {
      if (frame.t <= lastT) return read();
      lastT = frame.t;
      const { t, states: s } = frame;
      confirmers.presence.push(t, presenceNow(t, s.presence ?? "absent"));
      confirmers.centring.push(t, s.centring);
      confirmers.eyeLine.push(t, s.eyeLine);
      confirmers.distance.push(t, s.distance);
      confirmers.headInFrame.push(t, s.headInFrame);
      confirmers.headPose.push(t, s.headPose);
      confirmers.lighting.push(t, s.lighting);
      confirmers.backlight.push(t, s.backlight);
      confirmers.eyeContact.push(t, eyeContactNow(t, s.eyeContact, frame.speaking));
      return read();
    },
    get states() {
      return read();
    },
  };
}
