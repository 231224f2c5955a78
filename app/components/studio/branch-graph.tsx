// The branch graph beside the editor (and on analytics): nodes coloured and labelled by kind, edges labelled with
// choice text, laid out by dagre, with a minimap. Each node is a button, so the graph works from the keyboard too.
import dagre from "@dagrejs/dagre";
import {
  Background,
  Controls,
  Handle,
  MarkerType,
  MiniMap,
  Position,
  ReactFlow,
  useReactFlow,
  type FitViewOptions,
  type Node,
  type NodeProps,
} from "@xyflow/react";
import { useEffect, useMemo, useRef, useState } from "react";
import type { GraphEdge, GraphNode, GraphNodeKind } from "~/core/studio/graph-model";
import { ChoiceEdge, type ChoiceEdgeType } from "./choice-edge";

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
const edgeTypes = { choice: ChoiceEdge };

/** The minimap paints each box in its kind's border colour (the same as the graph's and the legend's). */
const KIND_COLOUR: Record<GraphNodeKind, string> = {
  start: "#005eb8",
  good: "#007f3b",
  mixed: "#8a6d00",
  poor: "#8a1c1c",
  error: "#d5281b",
  step: "#4c6272",
};

/**
 * Graphs up to this size are shown whole, still readable; a larger one opens on its start node and what follows it,
 * at a readable zoom, and the minimap, the find box and "fit view" reach the rest.
 */
const WHOLE_GRAPH_AT_MOST = 12;

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
  /** Zooms to and centres this node each time `seq` changes (a node opened from the find box or a list). */
  centreOn?: { id: string; seq: number } | null;
  onOpen?: (id: string) => void;
  onAddChoice?: (id: string) => void;
  /** Dragging from a node's bottom handle to another node adds a choice between them (when given). */
  onConnect?: (source: string, target: string) => void;
  /** Analytics: edge width grows with the number of attempts that took the choice. */
  weighted?: boolean;
  label: string;
}

/** What the view shows when it is (re)fitted: the whole graph, or for a large one its start and next steps. */
function fitOptions(nodes: GraphNode[], edges: GraphEdge[], duration = 0): FitViewOptions {
  if (nodes.length <= WHOLE_GRAPH_AT_MOST) return { maxZoom: 1, duration };
  const start = nodes.find((n) => n.kind === "start")?.id ?? nodes[0]?.id;
  const near = new Set([start, ...edges.filter((e) => e.source === start).map((e) => e.target)]);
  return { maxZoom: 1, duration, nodes: [...near].flatMap((id) => (id ? [{ id }] : [])) };
}

function moveDuration(): number {
  return typeof window !== "undefined" && window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ? 0 : 300;
}

/** Keeps the view useful as the graph changes: refits a small graph when nodes come or go, zooms to a node asked for. */
function ViewFollower({
  nodes,
  edges,
  positions,
  centreOn,
}: {
  nodes: GraphNode[];
  edges: GraphEdge[];
  positions: Map<string, { x: number; y: number }>;
  centreOn: BranchGraphProps["centreOn"];
}) {
  const flow = useReactFlow();
  const seen = useRef({ count: nodes.length, seq: centreOn?.seq ?? 0 });
  useEffect(() => {
    const last = seen.current;
    seen.current = { count: nodes.length, seq: centreOn?.seq ?? 0 };
    const asked = centreOn !== null && centreOn !== undefined && centreOn.seq !== last.seq;
    const at = centreOn ? positions.get(centreOn.id) : undefined;
    if (nodes.length <= WHOLE_GRAPH_AT_MOST) {
      // A small graph is shown whole, which shows the node asked for too.
      if (asked || nodes.length !== last.count) void flow.fitView(fitOptions(nodes, edges, moveDuration()));
    } else if (asked && at) {
      // A large one keeps the educator's view as it changes, and moves only to show a node they asked for.
      void flow.setCenter(at.x + WIDTH / 2, at.y + HEIGHT / 2, { zoom: 1, duration: moveDuration() });
    }
    // Runs on every change but acts only when the node count or the request changed (compared with `seen`): an
    // edit inside a node must not move the view.
  }, [nodes, edges, positions, centreOn, flow]);
  return null;
}

export function BranchGraph({
  nodes,
  edges,
  selected = null,
  centreOn = null,
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
  const titles = new Map(nodes.map((n) => [n.id, n.label]));
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
  const flowEdges: ChoiceEdgeType[] = edges.map((e) => {
    const label = weighted ? `${e.label} · ${e.count ?? 0}` : e.label;
    return {
      id: e.id,
      type: "choice",
      source: e.source,
      target: e.target,
      data: { lane: e.lane },
      label,
      // Focusable, so keyboard users can Tab to a choice and read its label as a mouse user reads it on hover. In the
      // editor only the open node's choices are, since xyflow puts every edge before the nodes in the tab order and a
      // 60-choice graph would otherwise take 60 Tabs to reach its first node.
      focusable: !onOpen || e.source === selected,
      ariaLabel: `Choice "${label}", from ${titles.get(e.source) ?? e.source} to ${titles.get(e.target) ?? e.target}`,
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
    };
  });
  return (
    <div className="ws-graph" role="group" aria-label={label}>
      {mounted ? (
        <ReactFlow
          nodes={flowNodes}
          edges={flowEdges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          fitView
          fitViewOptions={fitOptions(nodes, edges)}
          minZoom={0.2}
          nodesConnectable={Boolean(onConnect)}
          onConnect={(c) => c.source && c.target && onConnect?.(c.source, c.target)}
          proOptions={{ hideAttribution: true }}
        >
          <Background />
          <Controls showInteractive={false} />
          <MiniMap
            className="ws-graph__minimap"
            style={{ width: 150, height: 100 }}
            ariaLabel="Minimap of the whole graph"
            nodeColor={(n) => KIND_COLOUR[(n.data as BoxData).kind]}
            nodeBorderRadius={6}
            pannable
            zoomable
          />
          <ViewFollower nodes={nodes} edges={edges} positions={positions} centreOn={centreOn} />
        </ReactFlow>
      ) : (
        <p className="ws-muted ws-graph__loading">Drawing the graph…</p>
      )}
    </div>
  );
}
