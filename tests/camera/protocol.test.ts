// The worker protocol: well-formed messages pass, malformed or foreign ones are refused, and frames are transferred.
import { describe, expect, it } from "vitest";
import { isFromWorker, isToWorker, MEDIAPIPE_FILES, transferablesOf, type ToWorker } from "~/camera/protocol";

const bitmap = { width: 640, height: 480, close: () => undefined } as unknown as ImageBitmap;
const timing = { landmarkerMs: 12, detectorMs: 0, pixelsMs: 0.4, totalMs: 13 };

describe("messages to the worker", () => {
  it("accepts start, frame and stop", () => {
    expect(isToWorker({ type: "start", files: { ...MEDIAPIPE_FILES } })).toBe(true);
    expect(isToWorker({ type: "frame", id: 3, t: 1234.5, bitmap })).toBe(true);
    expect(isToWorker({ type: "stop" })).toBe(true);
  });

  it("refuses MediaPipe files from anywhere but our own origin", () => {
    for (const wasmBase of [
      "https://cdn.jsdelivr.net/npm/@mediapipe/tasks-vision/wasm",
      "//evil.example/wasm",
      "wasm",
      "",
    ]) {
      expect(isToWorker({ type: "start", files: { ...MEDIAPIPE_FILES, wasmBase } }), wasmBase).toBe(false);
    }
  });

  it("refuses frames without a bitmap, with a fractional id or a non-finite time, and unknown types", () => {
    expect(isToWorker({ type: "frame", id: 1, t: 0 })).toBe(false);
    expect(isToWorker({ type: "frame", id: 1.5, t: 0, bitmap })).toBe(false);
    expect(isToWorker({ type: "frame", id: 1, t: Number.NaN, bitmap })).toBe(false);
    expect(isToWorker({ type: "frame", id: 1, t: 0, bitmap: "data:image/png;base64,AAAA" })).toBe(false);
    expect(isToWorker({ type: "upload" })).toBe(false);
    expect(isToWorker(null)).toBe(false);
    expect(isToWorker([{ type: "stop" }])).toBe(false);
  });

  it("transfers a frame's bitmap and nothing else", () => {
    const frame: ToWorker = { type: "frame", id: 1, t: 0, bitmap };
    expect(transferablesOf(frame)).toEqual([bitmap]);
    expect(transferablesOf({ type: "stop" })).toEqual([]);
  });
});

describe("messages from the worker", () => {
  it("accepts every kind of answer", () => {
    expect(isFromWorker({ type: "ready", loadMs: 1800 })).toBe(true);
    expect(isFromWorker({ type: "measured", id: 2, measurement: { t: 10, facePresent: true }, timing })).toBe(true);
    expect(isFromWorker({ type: "skipped", id: 2 })).toBe(true);
    expect(isFromWorker({ type: "failed", stage: "load", message: "ModuleFactory not set." })).toBe(true);
    expect(isFromWorker({ type: "refused", origin: "https://odml.pa.googleapis.com" })).toBe(true);
    expect(isFromWorker({ type: "stopped" })).toBe(true);
  });

  it("refuses answers with missing or wrong fields", () => {
    expect(isFromWorker({ type: "measured", id: 2, measurement: { t: 10 }, timing })).toBe(false);
    expect(
      isFromWorker({
        type: "measured",
        id: 2,
        measurement: { t: 10, facePresent: true },
        timing: { ...timing, totalMs: "13" },
      }),
    ).toBe(false);
    expect(isFromWorker({ type: "failed", stage: "somewhere", message: "x" })).toBe(false);
    expect(isFromWorker({ type: "failed", stage: "frame", message: "x".repeat(5000) })).toBe(false);
    expect(isFromWorker({ type: "ready" })).toBe(false);
    expect(isFromWorker("ready")).toBe(false);
  });
});
