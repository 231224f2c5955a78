// How brightly lit the face is compared with what is behind it, from a small downscaled copy of the frame.
import type { FaceBox, PixelBuffer } from "./types";

/**
 * Fraction of the face box trimmed from each side before averaging the face. The box bounds an oval face,
 * so its corners are background or hair; a 15% inset keeps the sampled rectangle inside the oval.
 */
export const FACE_SAMPLE_INSET = 0.15;
/**
 * Margin around the face box (fraction of the face's width/height) excluded from the background,
 * so hair, ears and the soft edge of the face do not count as background.
 */
export const BACKGROUND_MARGIN = 0.25;

export interface Luminance {
  faceLuma?: number;
  backgroundLuma?: number;
  contrast?: number;
}

/** Rec. 709 luma of one 8-bit sRGB pixel (0..255). */
export function luma709(r: number, g: number, b: number): number {
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Mean face luma (inset face box) and mean background luma (outside the face box plus a margin, and not in the
 * column below the face where the body is: clothes are not the light source behind a person).
 */
export function measureLuminance(pixels: PixelBuffer, box: FaceBox): Luminance {
  const { data, width, height } = pixels;
  const insetX = box.width * FACE_SAMPLE_INSET;
  const insetY = box.height * FACE_SAMPLE_INSET;
  const face = {
    x0: box.x + insetX,
    x1: box.x + box.width - insetX,
    y0: box.y + insetY,
    y1: box.y + box.height - insetY,
  };
  const marginX = box.width * BACKGROUND_MARGIN;
  const marginY = box.height * BACKGROUND_MARGIN;
  const near = {
    x0: box.x - marginX,
    x1: box.x + box.width + marginX,
    y0: box.y - marginY,
    y1: box.y + box.height + marginY,
  };
  let faceSum = 0;
  let faceCount = 0;
  let backSum = 0;
  let backCount = 0;
  for (let py = 0; py < height; py++) {
    const y = (py + 0.5) / height; // pixel centre, normalised
    for (let px = 0; px < width; px++) {
      const x = (px + 0.5) / width;
      const i = (py * width + px) * 4;
      const value = luma709(data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0);
      if (x >= face.x0 && x <= face.x1 && y >= face.y0 && y <= face.y1) {
        faceSum += value;
        faceCount++;
        continue;
      }
      const inNear = x >= near.x0 && x <= near.x1 && y >= near.y0 && y <= near.y1;
      const belowFace = x >= near.x0 && x <= near.x1 && y > box.y + box.height;
      if (!inNear && !belowFace) {
        backSum += value;
        backCount++;
      }
    }
  }
  const faceLuma = faceCount > 0 ? faceSum / faceCount : undefined;
  const backgroundLuma = backCount > 0 ? backSum / backCount : undefined;
  const contrast =
    faceLuma !== undefined && backgroundLuma !== undefined ? backgroundLuma / Math.max(faceLuma, 1) : undefined;
  return { faceLuma, backgroundLuma, contrast };
}
