// The branch graph as data: one box per node with its kind (start, ending, error), one edge per choice target.
import type { ScenarioProblem } from "../scenario/problems";
import type { Scenario } from "../scenario/schema";

export type GraphNodeKind = "start" | "good" | "mixed" | "poor" | "error" | "step";

// A type alias (not an interface) so it can serve as the graph library's node data record.
export type GraphNode = {
  id: string;
  label: string;
  kind: GraphNodeKind;
  /** Said in words too, so colour is never the only signal. */
  kindLabel: string;
  errors: number;
};

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  choiceId: string;
  /** Only set on analytics graphs: how many attempts took this choice. */
  count?: number;
  /**
   * Where this edge sits among the edges joining the same two nodes: 0 when it is alone, otherwise spread evenly
   * around 0 (-0.5 and 0.5 for two, -1, 0 and 1 for three), so parallel choices are drawn apart, not on top of each
   * other. An edge back the other way shares the lanes, mirrored, so the two do not cross.
   */
  lane: number;
}

const KIND_LABEL: Record<GraphNodeKind, string> = {
  start: "Start",
  good: "Good ending",
  mixed: "Mixed ending",
  poor: "Poor ending",
  error: "Needs fixing",
  step: "",
};

export function graphModel(
  scenario: Scenario,
  problems: ScenarioProblem[],
  counts?: Map<string, number>,
): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const errorsAt = new Map<string, number>();
  for (const p of problems)
    if (p.severity === "error" && p.nodeId) errorsAt.set(p.nodeId, (errorsAt.get(p.nodeId) ?? 0) + 1);
  const nodes: GraphNode[] = Object.entries(scenario.nodes).map(([id, node]) => {
    const errors = errorsAt.get(id) ?? 0;
    const kind: GraphNodeKind =
      errors > 0 ? "error" : node.ending ? node.ending.outcome : id === scenario.start ? "start" : "step";
    const label = node.title ?? node.ending?.title ?? id;
    return { id, label, kind, kindLabel: KIND_LABEL[kind], errors };
  });
  const edges: GraphEdge[] = [];
  for (const [id, node] of Object.entries(scenario.nodes)) {
    for (const choice of node.choices ?? []) {
      const targets = [...(choice.branches ?? []).map((b) => b.next), choice.next];
      for (const [i, target] of [...new Set(targets)].entries()) {
        if (!Object.hasOwn(scenario.nodes, target)) continue;
        const short = choice.text.length > 40 ? `${choice.text.slice(0, 39)}…` : choice.text;
        edges.push({
          id: `${id}/${choice.id}/${i}`,
          source: id,
          target,
          label: i === targets.length - 1 || targets.length === 1 ? short : `${short} (if…)`,
          choiceId: choice.id,
          lane: 0,
          ...(counts ? { count: counts.get(`${id}/${choice.id}`) ?? 0 } : {}),
        });
      }
    }
  }
  return { nodes, edges: withLanes(edges) };
}

/** Spreads edges that join the same two nodes (in either direction) into lanes around 0. */
function withLanes(edges: GraphEdge[]): GraphEdge[] {
  const pairKey = (e: GraphEdge) => (e.source < e.target ? `${e.source}\n${e.target}` : `${e.target}\n${e.source}`);
  const pairs = new Map<string, GraphEdge[]>();
  for (const e of edges) pairs.set(pairKey(e), [...(pairs.get(pairKey(e)) ?? []), e]);
  return edges.map((e) => {
    const pair = pairs.get(pairKey(e)) ?? [e];
    const lane = pair.indexOf(e) - (pair.length - 1) / 2;
    // Lanes are counted in the direction source -> target of the pair's first-sorted node, so a reversed edge flips.
    return { ...e, lane: e.source < e.target ? lane : -lane };
  });
}
