// The branch graph beside the editor (and on analytics): nodes coloured and labelled by kind, edges labelled with
// choice text, laid out by dagre. Each node is a button, so the graph works from the keyboard too.
import dagre from "@dagrejs/dagre";
import {
  Background,
  Controls,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  type Edge,
  type Node,
  type NodeProps,
} from "@xyflow/react";
import { useEffect, useMemo, useState } from "react";
import type { GraphEdge, GraphNode } from "~/core/studio/graph-model";

const WIDTH = 190;
const HEIGHT = 70;
/** xyflow's default handle: 6 px square plus a 1 px border, centred on the box's top and bottom edges. */
const HANDLE = 8;

/**
 * Every box is the same fixed size (titles are clamped to two lines), so its size and where its handles sit are
 * given to xyflow up front. Without them xyflow keeps the measured handles only on node objects it was handed back
 * through `onNodesChange`: each re-render of the editor (every keystroke, every added choice) would rebuild the
 * nodes, drop their handles and hide every edge until a ResizeObserver measured the boxes again, and when that
 * re-render landed in the same React batch as the measurement the edges never came back.
 */
const BOX_GEOMETRY = {
  width: WIDTH,
  height: HEIGHT,
  measured: { width: WIDTH, height: HEIGHT },
  handles: [
    {
      type: "target" as const,
      position: Position.Top,
      x: WIDTH / 2 - HANDLE / 2,
      y: -HANDLE / 2 + 2,
      width: HANDLE,
      height: HANDLE,
    },
    {
      type: "source" as const,
      position: Position.Bottom,
      x: WIDTH / 2 - HANDLE / 2,
      y: HEIGHT - HANDLE / 2 - 2,
      width: HANDLE,
      height: HANDLE,
    },
  ],
};

type BoxData = GraphNode & { selected: boolean; onOpen?: (id: string) => void; onAddChoice?: (id: string) => void };

function Box({ data }: NodeProps<Node<BoxData>>) {
  const canBranch = data.onAddChoice && data.kind !== "good" && data.kind !== "mixed" && data.kind !== "poor";
  return (
    <div className={`ws-graph-node ws-graph-node--${data.kind}${data.selected ? " ws-graph-node--selected" : ""}`}>
      <Handle type="target" position={Position.Top} />
      <button
        type="button"
        className="ws-graph-node__open nodrag"
        onClick={() => data.onOpen?.(data.id)}
        aria-pressed={data.selected}
        aria-label={`${data.label}${data.kindLabel ? ` (${data.kindLabel})` : ""}: open node ${data.id}`}
      >
        <span className="ws-graph-node__title">{data.label}</span>
        {data.kindLabel ? <span className="ws-graph-node__kind">{data.kindLabel}</span> : null}
      </button>
      {canBranch ? (
        <button
          type="button"
          className="ws-graph-node__add nodrag"
          onClick={() => data.onAddChoice?.(data.id)}
          aria-label={`Add a choice to ${data.id}`}
          title="Add a choice"
        >
          +
        </button>
      ) : null}
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
}

const nodeTypes = { box: Box };

function layout(nodes: GraphNode[], edges: GraphEdge[]): Map<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "TB", nodesep: 40, ranksep: 70 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: WIDTH, height: HEIGHT });
  for (const e of edges) if (e.source !== e.target) g.setEdge(e.source, e.target);
  dagre.layout(g);
  return new Map(
    nodes.map((n) => [n.id, { x: (g.node(n.id)?.x ?? 0) - WIDTH / 2, y: (g.node(n.id)?.y ?? 0) - HEIGHT / 2 }]),
  );
}

export interface BranchGraphProps {
  nodes: GraphNode[];
  edges: GraphEdge[];
  selected?: string | null;
  onOpen?: (id: string) => void;
  onAddChoice?: (id: string) => void;
  /** Dragging from a node's bottom handle to another node adds a choice between them (when given). */
  onConnect?: (source: string, target: string) => void;
  /** Analytics: edge width grows with the number of attempts that took the choice. */
  weighted?: boolean;
  label: string;
}

export function BranchGraph({
  nodes,
  edges,
  selected = null,
  onOpen,
  onAddChoice,
  onConnect,
  weighted = false,
  label,
}: BranchGraphProps) {
  const positions = useMemo(() => layout(nodes, edges), [nodes, edges]);
  // Drawn after hydration: fitting the view needs the real size of the box, which the server cannot know.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const most = Math.max(1, ...edges.map((e) => e.count ?? 0));
  const flowNodes: Node<BoxData>[] = nodes.map((n) => ({
    id: n.id,
    type: "box",
    position: positions.get(n.id) ?? { x: 0, y: 0 },
    data: { ...n, selected: n.id === selected, onOpen, onAddChoice },
    ...BOX_GEOMETRY,
    draggable: false,
    selectable: false,
    focusable: false,
  }));
  const flowEdges: Edge[] = edges.map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    label: weighted ? `${e.label} · ${e.count ?? 0}` : e.label,
    // Sized in pixels, so a thick analytics edge keeps a normal arrowhead.
    markerEnd: {
      type: MarkerType.ArrowClosed,
      width: 18,
      height: 18,
      color: weighted ? "#005eb8" : "#4c6272",
      markerUnits: "userSpaceOnUse",
    },
    style: weighted ? { strokeWidth: 1 + 9 * ((e.count ?? 0) / most), stroke: "#005eb8" } : { strokeWidth: 1.5 },
    labelStyle: { fontSize: 11 },
    focusable: false,
  }));
  return (
    <div className="ws-graph" role="group" aria-label={label}>
      {/* Re-mounted when nodes come or go, so the view fits the whole graph again. */}
      {mounted ? (
        <ReactFlow
          key={nodes.length}
          nodes={flowNodes}
          edges={flowEdges}
          nodeTypes={nodeTypes}
          fitView
          fitViewOptions={{ maxZoom: 1 }}
          minZoom={0.2}
          nodesConnectable={Boolean(onConnect)}
          onConnect={(c) => c.source && c.target && onConnect?.(c.source, c.target)}
          proOptions={{ hideAttribution: true }}
        >
          <Background />
          <Controls showInteractive={false} />
        </ReactFlow>
      ) : (
        <p className="ws-muted ws-graph__loading">Drawing the graph…</p>
      )}
    </div>
  );
}
