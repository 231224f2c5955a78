// Analysis figures: frames per second over the recent window, per-frame time percentiles, first frame and first status.
import { describe, expect, it } from "vitest";
import { AnalysisStats, percentile } from "~/camera/analysis-stats";

describe("percentile", () => {
  it("picks the nearest-rank value", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });
});

describe("AnalysisStats", () => {
  it("reports 20 fps for frames every 50 ms, and the time to the first frame and status", () => {
    const stats = new AnalysisStats(1000);
    for (let t = 3000; t <= 6000; t += 50) stats.frame(t, t % 200 === 0 ? 40 : 10);
    stats.status(4100);
    stats.status(5000);
    const f = stats.figures(6000);
    expect(f.fps).toBeCloseTo(20, 0);
    expect(f.frames).toBe(61);
    expect(f.frameMedianMs).toBe(10);
    expect(f.frameP95Ms).toBe(40);
    expect(f.firstFrameMs).toBe(2000);
    expect(f.firstStatusMs).toBe(3100);
  });

  it("falls to 0 fps when frames stop arriving", () => {
    const stats = new AnalysisStats(0);
    for (let t = 0; t < 1000; t += 33) stats.frame(t, 10);
    expect(stats.figures(1000).fps).toBeGreaterThan(25);
    expect(stats.figures(5000).fps).toBe(0);
  });
});
