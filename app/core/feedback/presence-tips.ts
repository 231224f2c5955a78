// The three most useful things to say in the debrief about how the clinician came across on camera.
import type { FramingKey, LightingKey, PresenceSummary } from "./presence-summary-schema";
import { EYE_CONTACT_MIN_SHARE } from "./thresholds";

export interface PresenceTip {
  key: string;
  /** work-on: something to change; went-well: something to keep doing. */
  kind: "work-on" | "went-well";
  text: string;
}

/** A problem must cover at least this share of the time to be worth a tip (a moment's slip is not a habit). */
export const MIN_PROBLEM_SHARE = 0.1;
/** Eye contact needs this much speaking (or listening) time before it is judged. */
export const MIN_EYE_CONTACT_MS = 10_000;
/** While listening, looking at the patient's face on screen is natural; only very little glancing at the lens is worth a tip. */
export const LISTENING_LOOKING_MIN = 0.2;

const pct = (share: number) => `${Math.round(share * 100)}%`;

const FRAMING_TIPS: Record<Exclude<FramingKey, "ok">, (p: string) => string> = {
  "no-face": (p) =>
    `We couldn't see you for ${p} of the time: before a call, check the self-view shows you, and stay in the picture.`,
  "too-far": (p) => `You were far from the camera for ${p} of the time: sit closer, so the patient can read your face.`,
  "too-close": (p) =>
    `You were very close to the camera for ${p} of the time: sit back so your head and shoulders show.`,
  "cut-off": (p) => `Your head was cut off for ${p} of the time: leave a little space above your head in the picture.`,
  "off-centre": (p) =>
    `You were off to one side for ${p} of the time: set your chair and camera so you sit in the middle of the picture.`,
  "eye-line": (p) =>
    `Your camera was above or below your eye line for ${p} of the time: raise or lower it (a pile of books works) so it is level with your eyes.`,
  turned: (p) =>
    `You were turned away from the camera for ${p} of the time: put the patient's window and your notes close to the camera.`,
};

const LIGHTING_TIPS: Record<Exclude<LightingKey, "ok">, (p: string) => string> = {
  backlit: (p) => `There was light behind you for ${p} of the time: face the window, or add a lamp in front of you.`,
  "too-dark": (p) =>
    `Your face was dim for ${p} of the time: add a light in front of you so the patient can see your expressions.`,
  "too-bright": (p) =>
    `Your face was very bright for ${p} of the time: soften or move the light so your expressions show.`,
};

/** Up to three tips: the biggest problems first (by share of time), then what went well. */
export function presenceTips(summary: PresenceSummary): PresenceTip[] {
  const { framing, lighting, eyeContactSpeaking: speaking, eyeContactListening: listening } = summary.overall;
  const problems: (PresenceTip & { weight: number })[] = [];

  for (const [key, text] of Object.entries(FRAMING_TIPS) as [keyof typeof FRAMING_TIPS, (p: string) => string][]) {
    // Not being seen at all matters most, so it counts one and a half times.
    const weight = framing[key] * (key === "no-face" ? 1.5 : 1);
    if (framing[key] >= MIN_PROBLEM_SHARE)
      problems.push({ key: `framing:${key}`, kind: "work-on", text: text(pct(framing[key])), weight });
  }
  for (const [key, text] of Object.entries(LIGHTING_TIPS) as [keyof typeof LIGHTING_TIPS, (p: string) => string][]) {
    if (lighting[key] >= MIN_PROBLEM_SHARE)
      problems.push({ key: `lighting:${key}`, kind: "work-on", text: text(pct(lighting[key])), weight: lighting[key] });
  }
  if (speaking.ms >= MIN_EYE_CONTACT_MS && speaking.looking < EYE_CONTACT_MIN_SHARE) {
    problems.push({
      key: "eye-contact:speaking",
      kind: "work-on",
      text: `While you spoke you looked at the camera ${pct(speaking.looking)} of the time; aim for more than ${pct(EYE_CONTACT_MIN_SHARE)}. Put the patient's video just below your camera, so looking at them is close to looking at the lens.`,
      // Eye contact while speaking is what patients notice most; weigh the shortfall like time spent in a problem, a little higher.
      weight: (EYE_CONTACT_MIN_SHARE - speaking.looking) * 1.2 + MIN_PROBLEM_SHARE,
    });
  }
  if (listening.ms >= MIN_EYE_CONTACT_MS && listening.looking < LISTENING_LOOKING_MIN) {
    problems.push({
      key: "eye-contact:listening",
      kind: "work-on",
      text: "While the patient spoke you rarely looked towards the camera: glance at it now and then, and nod, so they can see you are listening.",
      weight: LISTENING_LOOKING_MIN - listening.looking,
    });
  }

  const tips: PresenceTip[] = problems
    .sort((a, b) => b.weight - a.weight)
    .map(({ key, kind, text }) => ({ key, kind, text }));
  for (const tip of strengths(summary)) if (tips.length < 3) tips.push(tip);
  return tips.slice(0, 3);
}

function strengths(summary: PresenceSummary): PresenceTip[] {
  const { framing, lighting, eyeContactSpeaking: speaking } = summary.overall;
  const out: PresenceTip[] = [];
  if (speaking.ms >= MIN_EYE_CONTACT_MS && speaking.looking >= EYE_CONTACT_MIN_SHARE) {
    out.push({
      key: "eye-contact:speaking",
      kind: "went-well",
      text: `You looked at the camera ${pct(speaking.looking)} of the time you spoke: to the patient, that feels like eye contact.`,
    });
  }
  if (framing.ms > 0 && framing.ok >= 0.8) {
    out.push({
      key: "framing:ok",
      kind: "went-well",
      text: `You were well framed ${pct(framing.ok)} of the time: centred, at a good distance, with your camera at eye level.`,
    });
  }
  if (lighting.ms > 0 && lighting.ok >= 0.8) {
    out.push({
      key: "lighting:ok",
      kind: "went-well",
      text: `Your face was well lit ${pct(lighting.ok)} of the time, so the patient could see your expressions.`,
    });
  }
  out.push({
    key: "general:notes",
    kind: "went-well",
    text: 'If you look away to take notes, say so ("I\'m just writing that down"), so the patient knows you are still with them.',
  });
  return out;
}
