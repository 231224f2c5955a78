// One choice in the branch graph: a curve bowed sideways by its lane, so choices between the same two nodes are
// drawn apart, with its label shown only while the edge is hovered, focused or selected (the styles do that), so
// labels never pile up on a large graph; the full text is in the side form.
import { BaseEdge, type Edge, type EdgeProps } from "@xyflow/react";

export type ChoiceEdgeData = { lane: number };
export type ChoiceEdgeType = Edge<ChoiceEdgeData, "choice">;

/** Sideways distance between neighbouring lanes, in graph pixels: wide enough to hover one and not the other. */
const LANE_GAP = 44;

/** The curve from a node's bottom to another's top, its middle pushed `lane` lanes to the side. */
export function choicePath(
  from: { x: number; y: number },
  to: { x: number; y: number },
  lane: number,
): { path: string; labelX: number; labelY: number } {
  // Curves leave downwards and arrive from above; an edge going back up loops round instead of cutting through.
  const bend = Math.max(50, Math.abs(to.y - from.y) / 2);
  const side = lane * LANE_GAP * (4 / 3);
  const c1 = { x: from.x + side, y: from.y + bend };
  const c2 = { x: to.x + side, y: to.y - bend };
  return {
    path: `M ${from.x},${from.y} C ${c1.x},${c1.y} ${c2.x},${c2.y} ${to.x},${to.y}`,
    // The curve's midpoint (t = 0.5), which lies lane * LANE_GAP to the side of the straight line's.
    labelX: (from.x + 3 * c1.x + 3 * c2.x + to.x) / 8,
    labelY: (from.y + 3 * c1.y + 3 * c2.y + to.y) / 8,
  };
}

export function ChoiceEdge({
  sourceX,
  sourceY,
  targetX,
  targetY,
  data,
  label,
  labelStyle,
  markerEnd,
  style,
}: EdgeProps<ChoiceEdgeType>) {
  const { path, labelX, labelY } = choicePath({ x: sourceX, y: sourceY }, { x: targetX, y: targetY }, data?.lane ?? 0);
  return (
    <BaseEdge
      path={path}
      labelX={labelX}
      labelY={labelY}
      label={label}
      labelStyle={labelStyle}
      labelBgPadding={[4, 2]}
      markerEnd={markerEnd}
      style={style}
    />
  );
}
