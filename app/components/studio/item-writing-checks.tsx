// The audit's node-level warnings on a draft (length cues, absolute words, critical choices, and responses the
// published version's learners almost never choose), each with its fix hint, in the NHS warning style: they are advice
// on item writing, not errors that block publishing.
import type { DraftChecks } from "~/core/audit/draft-checks";
import { OpenNodeButton } from "./open-node-button";

export function ItemWritingChecks({
  checks,
  onOpen,
  titles = new Map(),
}: {
  checks: DraftChecks | null;
  onOpen: (nodeId: string) => void;
  /** Node titles by id, so "Open" names the node as the graph does. */
  titles?: ReadonlyMap<string, string>;
}) {
  if (!checks) return <p className="ws-muted">Fix the errors above to see the item-writing checks.</p>;
  const { findings, pathsChecked } = checks;
  const pathNote = pathsChecked ? null : (
    <p className="ws-muted">
      This draft has too many paths to check here whether a harmful choice that is not critical can still pass;{" "}
      <code>npx webside audit</code> checks it.
    </p>
  );
  if (findings.length === 0)
    return (
      <>
        <p>No item-writing warnings.</p>
        {pathNote}
      </>
    );
  return (
    <div className="nhsuk-warning-callout ws-item-writing" data-testid="item-writing-checks">
      <h3 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          {findings.length} item-writing warning{findings.length === 1 ? "" : "s"}
        </span>
      </h3>
      <ul className="nhsuk-list ws-problem-list">
        {findings.map((f, i) => (
          <li key={i} className="ws-finding">
            <span className="ws-tag ws-tag--yellow">warning</span> {f.message}
            {f.hint ? <span className="ws-finding__hint">How to fix: {f.hint}</span> : null}
            {f.nodeId ? <OpenNodeButton nodeId={f.nodeId} title={titles.get(f.nodeId)} onOpen={onOpen} /> : null}
          </li>
        ))}
      </ul>
      {pathNote}
    </div>
  );
}
