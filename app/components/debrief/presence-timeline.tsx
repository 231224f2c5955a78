// The presence timeline: framing, eye contact and lighting over the session, one row each, with the scenario's nodes as bands.
import { useEffect, useState } from "react";
import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, XAxis, YAxis } from "recharts";
import type { PresenceTimeline as Timeline } from "~/core/feedback";

/** Each metric is drawn on its own row: the upper level of a row is "good", the lower one "needs work". */
const ROWS = [
  { key: "framing", label: "Framing", base: 4, colour: "#005eb8" },
  { key: "eyeContact", label: "Eye contact", base: 2, colour: "#7c2855" },
  { key: "lighting", label: "Lighting", base: 0, colour: "#ed8b00" },
] as const;

export interface NodeSegment {
  node: string;
  title: string;
  fromS: number;
  toS: number;
}

/** Consecutive timeline steps on the same node, as time ranges (seconds). */
/** "his-doubts" -> "His doubts": readable when the debrief has no title for a node. */
export function nodeLabel(id: string, titles: Record<string, string | null | undefined> = {}): string {
  const title = titles[id];
  if (title) return title;
  const words = id.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function nodeSegments(
  timeline: Timeline,
  titles: Record<string, string | null | undefined> = {},
): NodeSegment[] {
  const step = timeline.stepMs / 1000;
  const out: NodeSegment[] = [];
  timeline.node.forEach((index, i) => {
    const id = timeline.nodes[index] ?? "";
    const last = out.at(-1);
    if (last && last.node === id && last.toS === i * step) last.toS = (i + 1) * step;
    else out.push({ node: id, title: nodeLabel(id, titles), fromS: i * step, toS: (i + 1) * step });
  });
  return out;
}

/** Chart points: code 0 (no reading) is a gap; code 1 is the good state of every metric. */
export function timelinePoints(timeline: Timeline) {
  const step = timeline.stepMs / 1000;
  const level = (code: number | undefined, base: number) => (!code ? null : code === 1 ? base + 1 : base);
  return timeline.node.map((_, i) => ({
    s: i * step,
    framing: level(timeline.framing[i], 4),
    eyeContact: level(timeline.eyeContact[i], 2),
    lighting: level(timeline.lighting[i], 0),
  }));
}

const TICK_LABELS: Record<number, string> = {
  5: "Framing: good",
  4: "needs work",
  3: "Eye contact: at lens",
  2: "away",
  1: "Lighting: good",
  0: "needs work",
};

export function PresenceTimeline({
  timeline,
  titles,
}: {
  timeline: Timeline;
  titles?: Record<string, string | null | undefined>;
}) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (!mounted || timeline.node.length === 0) return null;
  const points = timelinePoints(timeline);
  const segments = nodeSegments(timeline, titles);
  const end = points.length * (timeline.stepMs / 1000);
  return (
    // The same figures are in the table below; the chart is a picture of them.
    <div className="ws-presence-chart" aria-hidden="true" data-testid="presence-timeline">
      <ResponsiveContainer width="100%" height={280}>
        <LineChart accessibilityLayer={false} data={points} margin={{ top: 28, right: 16, bottom: 8, left: 8 }}>
          {segments.map((seg, i) => (
            <ReferenceArea
              key={`${seg.node}-${seg.fromS}`}
              x1={seg.fromS}
              x2={seg.toS}
              y1={-0.5}
              y2={5.5}
              fill={i % 2 === 0 ? "#e8edee" : "#ffffff"}
              fillOpacity={1}
              // Only bands wide enough to hold a label get one; the table below names every part.
              label={
                (seg.toS - seg.fromS) / end >= 0.1
                  ? {
                      value: seg.title.length > 18 ? `${seg.title.slice(0, 17)}…` : seg.title,
                      position: "insideTop",
                      fill: "#4c6272",
                      fontSize: 11,
                    }
                  : undefined
              }
            />
          ))}
          <CartesianGrid vertical={false} stroke="#d8dde0" />
          <XAxis type="number" dataKey="s" domain={[0, end]} unit=" s" stroke="#4c6272" allowDecimals={false} />
          <YAxis
            type="number"
            domain={[-0.5, 5.5]}
            ticks={[0, 1, 2, 3, 4, 5]}
            tickFormatter={(v: number) => TICK_LABELS[v] ?? ""}
            width={140}
            stroke="#212b32"
            fontSize={12}
          />
          {ROWS.map((row) => (
            <Line
              key={row.key}
              type="stepAfter"
              dataKey={row.key}
              name={row.label}
              stroke={row.colour}
              strokeWidth={3}
              dot={false}
              isAnimationActive={false}
              connectNulls={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
