// "Find a node" above the branch graph: type part of a title or id, choose a match (or press Enter for the first)
// and the editor opens that node and zooms the graph to it.
import { useId, useMemo, useState } from "react";
import { findNodes } from "~/core/studio/find-nodes";
import type { GraphNode } from "~/core/studio/graph-model";

export function FindNode({ nodes, onChoose }: { nodes: GraphNode[]; onChoose: (nodeId: string) => void }) {
  const [query, setQuery] = useState("");
  const matches = useMemo(() => findNodes(nodes, query), [nodes, query]);
  const id = useId();
  const choose = (nodeId: string) => {
    setQuery("");
    onChoose(nodeId);
  };
  const typed = query.trim() !== "";
  return (
    <form
      role="search"
      aria-label="Find a node"
      className="ws-find-node"
      onSubmit={(event) => {
        event.preventDefault();
        if (matches[0]) choose(matches[0].id);
      }}
    >
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${id}-query`}>
          Find a node
        </label>
        <input
          className="nhsuk-input"
          id={`${id}-query`}
          type="search"
          autoComplete="off"
          aria-describedby={`${id}-count`}
          placeholder="Part of a title or id"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <p id={`${id}-count`} role="status" className="ws-muted ws-find-node__count">
        {typed ? (matches.length === 0 ? "No node matches." : `${matches.length} shown. Enter opens the first.`) : ""}
      </p>
      {matches.length > 0 ? (
        <ul className="nhsuk-list ws-find-node__matches" aria-label="Matching nodes">
          {matches.map((n) => (
            <li key={n.id}>
              <button type="button" className="ws-link-button" onClick={() => choose(n.id)}>
                {n.label} <span className="ws-muted">({n.id})</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
