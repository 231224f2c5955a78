// The pre-call check's verdict: a plain-words status line per item and "You're ready" or what to fix.
import { GOOD_STATES, type CheckName } from "./classify";
import { NUDGE_PRIORITY, nudgeText } from "./nudges";
import type { StableStates } from "./stabilise";

export type ReadinessItem = "framing" | "distance" | "eyeLine" | "lighting" | "microphone";
export type ReadinessStatus = "ok" | "fix" | "checking";
/** working: speech heard; silent: a microphone but nothing heard yet; unavailable: none, or permission refused. */
export type MicrophoneStatus = "checking" | "working" | "silent" | "unavailable";

export interface ReadinessLine {
  item: ReadinessItem;
  label: string;
  status: ReadinessStatus;
  text: string;
}

export interface Readiness {
  ready: boolean;
  /** "You're ready", "Checking…" or what to fix in one line. */
  summary: string;
  lines: ReadinessLine[];
  /** The sentences of the lines that need fixing, most important first. */
  toFix: string[];
}

export const READY_TEXT = "You're ready";

const CAMERA_ITEMS: { item: Exclude<ReadinessItem, "microphone">; label: string; checks: CheckName[]; ok: string }[] = [
  {
    item: "framing",
    label: "Framing",
    checks: ["presence", "headInFrame", "centring", "headPose"],
    ok: "You are in the middle of the picture, facing the camera, with your whole head in view.",
  },
  { item: "distance", label: "Distance", checks: ["distance"], ok: "You are at a good distance from the camera." },
  { item: "eyeLine", label: "Eye line", checks: ["eyeLine"], ok: "Your camera is level with your eyes." },
  { item: "lighting", label: "Lighting", checks: ["backlight", "lighting"], ok: "Your face is well lit." },
];

const MICROPHONE_TEXT: Record<MicrophoneStatus, { status: ReadinessStatus; text: string }> = {
  checking: { status: "checking", text: "Say a few words so we can check your microphone." },
  working: { status: "ok", text: "We can hear you." },
  silent: {
    status: "fix",
    text: "We can't hear you yet: say a few words, or check the right microphone is chosen and not muted.",
  },
  unavailable: {
    status: "fix",
    text: "No microphone is available: plug one in, or allow this site to use it in your browser's settings.",
  },
};

const CHECKING_TEXT = "Checking…";
const WAITING_TEXT = "We will check this once we can see you.";

export function assessReadiness(states: StableStates, microphone: MicrophoneStatus): Readiness {
  const cannotSeeYou = states.presence !== null && states.presence !== GOOD_STATES.presence;
  const lines: ReadinessLine[] = CAMERA_ITEMS.map(({ item, label, checks, ok }) => {
    const base = { item, label };
    if (cannotSeeYou && item !== "framing") return { ...base, status: "checking", text: WAITING_TEXT };
    const problems = NUDGE_PRIORITY.filter((c) => checks.includes(c))
      .map((c) => nudgeText(c, states[c]))
      .filter((t): t is string => t !== undefined);
    if (problems[0]) return { ...base, status: "fix", text: problems[0] };
    if (checks.some((c) => states[c] === null)) return { ...base, status: "checking", text: CHECKING_TEXT };
    return { ...base, status: "ok", text: ok };
  });
  lines.push({ item: "microphone", label: "Microphone", ...MICROPHONE_TEXT[microphone] });

  const toFix = lines.filter((l) => l.status === "fix").map((l) => l.text);
  const ready = lines.every((l) => l.status === "ok");
  const summary = ready
    ? READY_TEXT
    : toFix.length === 0
      ? CHECKING_TEXT
      : `Before you start, ${toFix.length === 1 ? "fix 1 thing" : `fix ${toFix.length} things`}: ${lines
          .filter((l) => l.status === "fix")
          .map((l) => l.label.toLowerCase())
          .join(", ")}.`;
  return { ready, summary, lines, toFix };
}
