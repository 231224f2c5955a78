// The live validation panel: every problem the validator finds, each with a button that opens the node it is about,
// then the audit's item-writing warnings.
import type { DraftChecks } from "~/core/audit/draft-checks";
import type { ScenarioProblem } from "~/core/scenario";
import { ItemWritingChecks } from "./item-writing-checks";
import { OpenNodeButton } from "./open-node-button";

export function ValidationPanel({
  problems,
  checks,
  onOpen,
  titles = new Map(),
}: {
  problems: ScenarioProblem[];
  checks: DraftChecks | null;
  onOpen: (nodeId: string) => void;
  /** Node titles by id, so "Open" names the node as the graph does. */
  titles?: ReadonlyMap<string, string>;
}) {
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  return (
    <section className="ws-card ws-validation" aria-labelledby="validation-heading">
      <h2 className="nhsuk-heading-s" id="validation-heading">
        Checks
      </h2>
      <p role="status" aria-live="polite">
        {errors === 0
          ? "No errors: this draft can be published."
          : `${errors} error${errors === 1 ? "" : "s"} to fix before publishing.`}
        {warnings > 0 ? ` ${warnings} warning${warnings === 1 ? "" : "s"}.` : ""}
      </p>
      {problems.length > 0 ? (
        <ul className="nhsuk-list ws-problem-list">
          {problems.map((p, i) => (
            <li key={i} className={`ws-problem ws-problem--${p.severity}`}>
              <span className={`ws-tag ${p.severity === "error" ? "ws-tag--red" : "ws-tag--yellow"}`}>
                {p.severity}
              </span>{" "}
              {p.message}
              {p.nodeId ? (
                <>
                  {" "}
                  <OpenNodeButton nodeId={p.nodeId} title={titles.get(p.nodeId)} onOpen={onOpen} />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <ItemWritingChecks checks={checks} onOpen={onOpen} titles={titles} />
    </section>
  );
}
