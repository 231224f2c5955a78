// What to say for each problem: one clear, kind sentence saying what to do, and which one or two to show first.
import { GOOD_STATES, type CheckName, type CheckStates } from "./classify";
import type { StableStates } from "./stabilise";

type ProblemStates<K extends CheckName> = Exclude<CheckStates[K], (typeof GOOD_STATES)[K]>;

/** The sentence for every non-good state. Centring speaks in the person's own left/right (the state names the image's side). */
export const NUDGE_TEXT: { [K in CheckName]: Record<ProblemStates<K>, string> } = {
  presence: {
    absent: "We can't see you: check your camera is on and you are in view.",
    far: "We can only just see you: move closer to the camera.",
  },
  distance: {
    "too-far": "Move a little closer to the camera.",
    "too-close": "Move back a little so your head and shoulders fit in the picture.",
  },
  headInFrame: {
    "cut-off": "Your head is cut off: move back a little or tilt the camera so your whole head is in the picture.",
  },
  centring: {
    left: "Move a little to your left, so you are in the middle of the picture.",
    right: "Move a little to your right, so you are in the middle of the picture.",
  },
  eyeLine: {
    "too-high": "Raise your camera to the level of your eyes.",
    "too-low": "Lower your camera to the level of your eyes, or sit up a little.",
  },
  backlight: {
    backlit: "There is light behind you: face the window or add a lamp in front of you.",
  },
  lighting: {
    "too-dark": "It is a little dark: add a light in front of you, such as a lamp or a window you face.",
    "too-bright": "Your face is very bright: dim the light or move it a little further away.",
  },
  headPose: {
    turned: "Turn to face the camera.",
  },
  eyeContact: {
    away: "Look at the camera when you speak: to the patient, that is eye contact.",
  },
};

/** Most important first: presence > distance > framing > lighting > pose > eye contact. */
export const NUDGE_PRIORITY = [
  "presence",
  "distance",
  "headInFrame",
  "centring",
  "eyeLine",
  "backlight",
  "lighting",
  "headPose",
  "eyeContact",
] as const satisfies readonly CheckName[];

/** At most this many nudges at once: more is noise while someone is concentrating on a patient. */
export const MAX_NUDGES = 2;

export interface Nudge {
  check: CheckName;
  state: string;
  text: string;
}

/** The sentence for a check's state, or undefined when that state is good or unknown. */
export function nudgeText(check: CheckName, state: string | null): string | undefined {
  const texts: Partial<Record<string, string>> = NUDGE_TEXT[check];
  return state === null || state === GOOD_STATES[check] ? undefined : texts[state];
}

/** The nudges to show now, most important first. */
export function selectNudges(states: StableStates, max = MAX_NUDGES): Nudge[] {
  const out: Nudge[] = [];
  for (const check of NUDGE_PRIORITY) {
    const state = states[check];
    const text = nudgeText(check, state);
    if (!text || state === null) continue;
    // A backlit face is also dark; the backlight sentence already says to add light in front.
    if (check === "lighting" && state === "too-dark" && states.backlight === "backlit") continue;
    out.push({ check, state, text });
    // Without a face in view, nothing else we say can be right.
    if (check === "presence") break;
  }
  return out.slice(0, max);
}
