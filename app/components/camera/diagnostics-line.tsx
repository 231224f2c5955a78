// One line of figures for the curious (and for the benchmark): how fast the analysis runs on this device.
import type { AnalysisFigures } from "~/camera/analysis-stats";

const ms = (v: number | null) => (v === null ? "–" : `${Math.round(v)} ms`);

export function DiagnosticsLine({ figures }: { figures: AnalysisFigures }) {
  return (
    <p
      className="ws-muted ws-camera-diagnostics"
      data-testid="camera-diagnostics"
      data-fps={figures.fps.toFixed(1)}
      data-frames={figures.frames}
      data-frame-median-ms={figures.frameMedianMs?.toFixed(1) ?? ""}
      data-frame-p95-ms={figures.frameP95Ms?.toFixed(1) ?? ""}
      data-first-frame-ms={figures.firstFrameMs?.toFixed(0) ?? ""}
      data-first-status-ms={figures.firstStatusMs?.toFixed(0) ?? ""}
      data-load-ms={figures.loadMs?.toFixed(0) ?? ""}
      data-refused={figures.refused}
    >
      Analysis on this device: {figures.fps.toFixed(0)} frames per second, {ms(figures.frameMedianMs)} per frame
      (slowest 5%: {ms(figures.frameP95Ms)}).
    </p>
  );
}
