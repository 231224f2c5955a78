// The worker's fetch guard: same-origin requests pass, anything to another origin is refused without being sent.
import { describe, expect, it, vi } from "vitest";
import { guardedFetch, REFUSED_EGRESS_MESSAGE } from "~/camera/egress-guard";

const ORIGIN = "https://webside.example.nhs.uk";

describe("guardedFetch", () => {
  it("passes same-origin requests (relative or absolute) to the real fetch", async () => {
    const real = vi.fn(async () => new Response("ok"));
    const guarded = guardedFetch(real as unknown as typeof fetch, ORIGIN);
    await guarded("/mediapipe/models/face_landmarker.task");
    await guarded(new URL(`${ORIGIN}/mediapipe/wasm/vision_wasm_module_internal.wasm`));
    await guarded(new Request(`${ORIGIN}/x`));
    expect(real).toHaveBeenCalledTimes(3);
  });

  it("refuses MediaPipe's usage log (and any other origin) without calling the real fetch", async () => {
    const real = vi.fn(async () => new Response("ok"));
    const refused: string[] = [];
    const guarded = guardedFetch(real as unknown as typeof fetch, ORIGIN, (o) => refused.push(o));
    await expect(guarded("https://odml.pa.googleapis.com/v1/log", { method: "POST", body: "x" })).rejects.toThrow(
      REFUSED_EGRESS_MESSAGE,
    );
    await expect(guarded("http://webside.example.nhs.uk/x")).rejects.toThrow(TypeError);
    await expect(guarded("//cdn.example.com/lib.js")).rejects.toThrow(TypeError);
    expect(real).not.toHaveBeenCalled();
    expect(refused).toEqual([
      "https://odml.pa.googleapis.com",
      "http://webside.example.nhs.uk",
      "https://cdn.example.com",
    ]);
  });
});
