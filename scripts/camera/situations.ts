// The labelled camera situations for `npm run bench:camera-accuracy`: each is an ffmpeg filter chain applied to a
// portrait still, and a label saying what a correct pre-call check must tell the person (by how the picture was made).
import type { Portrait } from "./portraits";

/** The advice a check gives, one class per thing the person should do (two nudges that ask for the same act share one). */
export const VERDICTS = [
  "ready",
  "no-face",
  "move-closer",
  "move-back",
  "head-cut-off",
  "centre-left",
  "centre-right",
  "raise-camera",
  "lower-camera",
  "backlit",
  "too-dark",
  "too-bright",
  "face-camera",
] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface Situation {
  /** Unique, e.g. "astronaut/off-centre-left-0.30". */
  id: string;
  portrait: Portrait;
  /** What was done to the picture, in words. */
  made: string;
  /** ffmpeg -vf chain; ends at 640x480. */
  filter: string;
  label: Verdict;
}

const W = 640;
const H = 480;
/** Room around the scaled picture so any crop of it stays inside the padded canvas. */
const PAD = 1400;

/** Share of the forehead-to-chin height the crown sits above the forehead (the check's HEAD_TOP_EXTENSION). */
const CROWN = 0.3;

/**
 * Scales the still by `s` and moves it so the face-mesh centre lands at x (share of width) with the eyes at eyeY
 * (share of height); what falls outside is padded with the wall colour.
 */
export function place(p: Portrait, s: number, x: number, eyeY: number): string {
  const cx = (p.mesh.left + p.mesh.width / 2) * s;
  const eye = p.eyeY * s;
  const left = Math.round(cx + PAD - x * W);
  const top = Math.round(eye + PAD - eyeY * H);
  return `scale=${Math.round(W * s)}:${Math.round(H * s)}:flags=lanczos,pad=iw+${2 * PAD}:ih+${2 * PAD}:${PAD}:${PAD}:color=${p.wall},crop=${W}:${H}:${left}:${top}`;
}

/** Where the check will estimate the top of the head and the chin (shares of height) for a placement. */
export function placedHead(p: Portrait, s: number, eyeY: number): { crown: number; chin: number; width: number } {
  const toY = (py: number) => eyeY + ((py - p.eyeY) * s) / H;
  return {
    crown: toY(p.mesh.top - CROWN * p.mesh.height),
    chin: toY(p.mesh.top + p.mesh.height),
    width: (p.mesh.width * s) / W,
  };
}

/**
 * Where a row at `u` (share of the height) ends up after keystone(k, "below"), and how much that row is narrowed: the
 * filter's homography keeps the top and bottom edges and squeezes rows nearer the narrowed top.
 */
export function keystoneBelow(u: number, k: number): { u: number; widthScale: number } {
  const moved = ((1 - 2 * k) * u) / (1 - 2 * k * u);
  return { u: moved, widthScale: 1 - 2 * k * (1 - moved) };
}

/** The still seen by a camera tilted up from below (top of the picture narrower) or down from above (bottom narrower). */
function keystone(amount: number, from: "below" | "above"): string {
  const a = Math.round(W * amount);
  // sense=destination: the four source corners go to these output points (top-left, top-right, bottom-left, bottom-right).
  return from === "below"
    ? `perspective=${a}:0:${W - a}:0:0:${H}:${W}:${H}:sense=destination`
    : `perspective=0:0:${W}:0:${a}:${H}:${W - a}:${H}:sense=destination`;
}

/** Face darkened and the surroundings pushed towards white, as in front of a bright window (a soft-edged ellipse). */
function backlight(p: Portrait, face: number, lift: number, keep = 0.3): string {
  const cx = p.mesh.left + p.mesh.width / 2;
  const cy = p.mesh.top + p.mesh.height / 2 + 10;
  const rx = Math.round(p.mesh.width * 0.81);
  const ry = Math.round(p.mesh.height * 0.92);
  const w = `clip((sqrt(pow((X-${cx})/${rx},2)+pow((Y-${cy})/${ry},2))-0.85)/0.35,0,1)`;
  const channel = (c: string) => `${c}(X,Y)*${face}*(1-${w})+min(255,${c}(X,Y)*${keep}+${lift})*${w}`;
  return `format=rgb24,geq=r='${channel("r")}':g='${channel("g")}':b='${channel("b")}'`;
}

const times = (k: number) => `colorchannelmixer=rr=${k}:gg=${k}:bb=${k}`;

export function situationsFor(p: Portrait): Situation[] {
  const list: Array<Omit<Situation, "id" | "portrait"> & { name: string }> = [];
  const add = (name: string, made: string, filter: string, label: Verdict) => list.push({ name, made, filter, label });
  const eyes = p.eyeY / H;

  // Fine: centred or nearly, at comfortable distances, lit as photographed.
  add("as-photographed", "the still as it is", "null", "ready");
  add("fine-left-0.07", "face centre 0.07 left of the middle", place(p, 1, 0.43, eyes), "ready");
  add("fine-right-0.07", "face centre 0.07 right of the middle", place(p, 1, 0.57, eyes), "ready");
  add("fine-farther", "scaled to 0.9 (face about 0.21 of the width)", place(p, 0.9, 0.5, 0.36), "ready");
  add("fine-closer", "scaled to 1.3 (face about 0.31 of the width), eyes at 0.38", place(p, 1.3, 0.5, 0.38), "ready");

  // Distance.
  add("too-close-2.4", "scaled to 2.4 (face about 0.58 of the width)", place(p, 2.4, 0.5, 0.4), "move-back");
  add("too-close-2.9", "scaled to 2.9 (face about 0.7 of the width)", place(p, 2.9, 0.5, 0.42), "move-back");
  add("too-far-0.6", "scaled to 0.6 (face about 0.14 of the width)", place(p, 0.6, 0.5, 0.36), "move-closer");
  add("too-far-0.45", "scaled to 0.45 (face about 0.11 of the width)", place(p, 0.45, 0.5, 0.36), "move-closer");
  add("too-far-0.3", "scaled to 0.3 (face about 0.07 of the width)", place(p, 0.3, 0.5, 0.38), "move-closer");

  // Head cut off.
  const upBy = placedHead(p, 1, eyes).crown + 0.06;
  add(
    "cut-off-top",
    "moved up until the top of the head is out of the picture",
    place(p, 1, 0.5, eyes - upBy),
    "head-cut-off",
  );
  add(
    "cut-off-top-closer",
    "scaled to 1.7 with the eyes at 0.3: the crown is out of the picture",
    place(p, 1.7, 0.5, 0.3),
    "head-cut-off",
  );
  const chinOut = 1.06 - (placedHead(p, 1, eyes).chin - eyes);
  add("cut-off-chin", "moved down until the chin is out of the picture", place(p, 1, 0.5, chinOut), "head-cut-off");

  // Off-centre, several directions and amounts (the image's own left and right; the label names that side).
  add("off-centre-left-0.22", "face centre 0.22 left of the middle", place(p, 1, 0.28, eyes), "centre-left");
  add("off-centre-left-0.32", "face centre 0.32 left of the middle", place(p, 1, 0.18, eyes), "centre-left");
  add("off-centre-right-0.22", "face centre 0.22 right of the middle", place(p, 1, 0.72, eyes), "centre-right");
  add("off-centre-right-0.32", "face centre 0.32 right of the middle", place(p, 1, 0.82, eyes), "centre-right");
  add("off-centre-left-down", "face centre 0.25 left and 0.1 lower", place(p, 1, 0.25, eyes + 0.1), "centre-left");
  add(
    "off-centre-right-up",
    "face centre 0.25 right and scaled to 0.9, eyes at 0.3",
    place(p, 0.9, 0.75, 0.3),
    "centre-right",
  );
  add("low-in-frame", "moved down: eyes at 0.58 of the height", place(p, 1, 0.5, 0.58), "lower-camera");
  add(
    "high-in-frame",
    "scaled to 0.85, moved up: eyes at 0.21 (crown still in view)",
    place(p, 0.85, 0.5, 0.21),
    "raise-camera",
  );

  // Camera above or below eye level: the face sits low or high in the picture, seen at an angle (perspective warp).
  add(
    "camera-below-mild",
    "camera below eye level: eyes placed at 0.25, then the top of the picture 5% narrower each side (eyes end at 0.23)",
    `${place(p, 1, 0.5, 0.25)},${keystone(0.05, "below")}`,
    "raise-camera",
  );
  add(
    "camera-below-strong",
    "camera below eye level: eyes placed at 0.26, then the top 10% narrower each side (eyes end at 0.22)",
    `${place(p, 1, 0.5, 0.26)},${keystone(0.1, "below")}`,
    "raise-camera",
  );
  add(
    "camera-above-mild",
    "camera above eye level: eyes at 0.55, bottom 8% narrower each side",
    `${place(p, 1, 0.5, 0.55)},${keystone(0.08, "above")}`,
    "lower-camera",
  );
  add(
    "camera-above-strong",
    "camera above eye level: eyes at 0.6, bottom 15% narrower each side",
    `${place(p, 1, 0.5, 0.6)},${keystone(0.15, "above")}`,
    "lower-camera",
  );

  // Lighting.
  add("dark-0.15", "every pixel at 15% brightness", times(0.15), "too-dark");
  add("dark-0.3", "every pixel at 30% brightness", times(0.3), "too-dark");
  add("dark-0.4", "every pixel at 40% brightness", times(0.4), "too-dark");
  add("bright-plus-0.35", "brightness raised by 0.35 of full scale", "eq=brightness=0.35", "too-bright");
  add("bright-plus-0.5", "brightness raised by 0.5 of full scale", "eq=brightness=0.5", "too-bright");
  add("bright-times-1.8", "every pixel at 180% brightness (clipped)", times(1.8), "too-bright");
  add("backlit-window", "face at 40%, surroundings lifted towards white", backlight(p, 0.4, 175), "backlit");
  add("backlit-soft", "face at 60%, surroundings lifted a little less", backlight(p, 0.6, 150), "backlit");
  add("backlit-white-wall", "face as photographed, surroundings near white", backlight(p, 1, 215, 0.15), "backlit");

  // Nobody there.
  p.noFaceCrops.forEach((crop, i) =>
    add(
      `no-face-${i + 1}`,
      `a ${crop.replace("crop=", "")} patch without a face, enlarged`,
      `${crop},scale=${W}:${H}`,
      "no-face",
    ),
  );
  add("no-face-blurred", "the whole still blurred beyond recognition (sigma 40)", "gblur=sigma=40", "no-face");

  return list.map(({ name, ...rest }) => ({ id: `${p.name}/${name}`, portrait: p, ...rest }));
}
