// A small copy of a camera frame's pixels (64x48) for the lighting measurements; made in the worker with an OffscreenCanvas.
import type { PixelBuffer } from "./measure";

/** Enough pixels to average a face and its background, few enough to cost well under a millisecond. */
export const PIXEL_BUFFER_WIDTH = 64;
export const PIXEL_BUFFER_HEIGHT = 48;

export interface PixelSampler {
  sample(frame: ImageBitmap): PixelBuffer | null;
}

export function createPixelSampler(width = PIXEL_BUFFER_WIDTH, height = PIXEL_BUFFER_HEIGHT): PixelSampler {
  if (typeof OffscreenCanvas === "undefined") return { sample: () => null };
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (!context) return { sample: () => null };
  // Averaging the whole frame into each pixel keeps the figures steady as a face moves.
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = "low";
  return {
    sample(frame) {
      context.drawImage(frame, 0, 0, width, height);
      const image = context.getImageData(0, 0, width, height);
      return { data: image.data, width, height };
    },
  };
}
