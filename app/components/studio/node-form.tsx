// The form for one node: its title and id, who says what, stage events, and either the choices or the ending.
import { useState } from "react";
import type { Competency } from "~/core/competencies";
import type { Choice, ScenarioNode, ScenarioProblem, StageEventKind } from "~/core/scenario";
import { ChoiceFields, nodeOptionText } from "./choice-fields";
import { SelectField, SmallButton, TextArea, TextField } from "./fields";

const EVENT_KINDS: StageEventKind[] = [
  "audio-drop",
  "video-freeze",
  "connection-lost",
  "someone-enters",
  "background-noise",
  "screen-share",
  "note",
];

export interface NodeFormProps {
  nodeId: string;
  node: ScenarioNode;
  isStart: boolean;
  /** Every node as [id, title]. */
  nodeTitles: Array<[string, string]>;
  speakers: Array<[string, string]>;
  competencies: Competency[];
  problems: ScenarioProblem[];
  onChange: (change: (node: ScenarioNode) => void, field: string) => void;
  onRename: (to: string) => void;
  /** Adds a choice leading to `target`, or to a new node when none is given. */
  onAddChoice: (target?: string) => void;
  onRemove: () => void;
}

export function NodeForm({
  nodeId,
  node,
  isStart,
  nodeTitles,
  speakers,
  competencies,
  problems,
  onChange,
  onRename,
  onAddChoice,
  onRemove,
}: NodeFormProps) {
  const [newId, setNewId] = useState(nodeId);
  const [newTarget, setNewTarget] = useState("");
  const at = (suffix: string) =>
    problems.find((p) => p.severity === "error" && p.path === `nodes.${nodeId}${suffix}`)?.message;
  const p = `node-${nodeId}`;
  const setChoice = (i: number) => (change: (c: Choice) => void, field: string) =>
    onChange((n) => change(n.choices![i]!), field);
  return (
    <section className="ws-card ws-node-form" aria-labelledby={`${p}-heading`}>
      <h2 className="nhsuk-heading-m" id={`${p}-heading`} tabIndex={-1}>
        Node: {node.title ?? nodeId} {isStart ? <span className="ws-tag ws-tag--blue">Start</span> : null}
      </h2>
      {problems
        .filter((x) => x.severity === "error")
        .map((x) => (
          <p key={x.message} className="nhsuk-error-message">
            {x.message}
          </p>
        ))}
      <div className="ws-field-row">
        <TextField
          id={`${p}-title`}
          label="Title (for the graph)"
          value={node.title ?? ""}
          error={at(".title")}
          onChange={(v) => onChange((n) => (v ? (n.title = v) : delete n.title) && undefined, `${p}-title`)}
        />
        <div className="ws-rename">
          <TextField id={`${p}-id`} label="Node id" width="10" value={newId} onChange={setNewId} />
          <SmallButton onClick={() => onRename(newId.trim())}>Rename</SmallButton>
        </div>
      </div>

      <h3 className="nhsuk-heading-s">What is said</h3>
      {node.lines.map((line, i) => (
        <div className="ws-field-row ws-line-fields" key={i}>
          <SelectField
            id={`${p}-line-${i}-speaker`}
            label={`Line ${i + 1} speaker`}
            value={line.speaker}
            options={speakers}
            error={at(`.lines[${i}].speaker`)}
            onChange={(v) => onChange((n) => void (n.lines[i]!.speaker = v), `${p}-line-${i}-speaker`)}
          />
          <TextArea
            id={`${p}-line-${i}-text`}
            label={`Line ${i + 1}`}
            value={line.text}
            error={at(`.lines[${i}].text`)}
            onChange={(v) => onChange((n) => void (n.lines[i]!.text = v), `${p}-line-${i}-text`)}
          />
          <SmallButton
            variant="warning"
            label={`Remove line ${i + 1}`}
            onClick={() => onChange((n) => void n.lines.splice(i, 1), `${p}-lines`)}
          >
            Remove
          </SmallButton>
        </div>
      ))}
      <SmallButton
        onClick={() =>
          onChange((n) => void n.lines.push({ speaker: speakers[0]?.[0] ?? "narrator", text: "" }), `${p}-lines`)
        }
      >
        Add a line
      </SmallButton>

      <h3 className="nhsuk-heading-s">Stage events</h3>
      {(node.events ?? []).map((event, i) => (
        <div className="ws-field-row" key={i}>
          <SelectField
            id={`${p}-event-${i}-kind`}
            label={`Event ${i + 1}`}
            value={event.kind}
            options={EVENT_KINDS.map((k) => [k, k.replace(/-/g, " ")])}
            onChange={(v) => onChange((n) => void (n.events![i]!.kind = v as StageEventKind), `${p}-event-${i}`)}
          />
          <TextArea
            id={`${p}-event-${i}-text`}
            label={`Event ${i + 1} text`}
            value={event.text}
            error={at(`.events[${i}].text`)}
            onChange={(v) => onChange((n) => void (n.events![i]!.text = v), `${p}-event-${i}-text`)}
          />
          <SmallButton
            variant="warning"
            label={`Remove event ${i + 1}`}
            onClick={() =>
              onChange((n) => {
                n.events!.splice(i, 1);
                if (n.events!.length === 0) delete n.events;
              }, `${p}-events`)
            }
          >
            Remove
          </SmallButton>
        </div>
      ))}
      <SmallButton
        onClick={() =>
          onChange(
            (n) => void (n.events = [...(n.events ?? []), { kind: "note", text: "Describe what happens." }]),
            `${p}-events`,
          )
        }
      >
        Add a stage event
      </SmallButton>

      <SelectField
        id={`${p}-kind`}
        label="This node"
        value={node.ending ? "ending" : "choices"}
        options={[
          ["choices", "offers the clinician choices"],
          ["ending", "ends the scenario"],
        ]}
        onChange={(v) =>
          onChange((n) => {
            if (v === "ending") {
              delete n.choices;
              n.ending = { outcome: "good", title: n.title ?? "The end", summary: "What happened and why." };
            } else delete n.ending;
          }, `${p}-kind`)
        }
      />
      {node.ending ? (
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Ending</legend>
          <SelectField
            id={`${p}-outcome`}
            label="Outcome"
            value={node.ending.outcome}
            options={[
              ["good", "Good"],
              ["mixed", "Mixed"],
              ["poor", "Poor (fails the attempt)"],
            ]}
            onChange={(v) => onChange((n) => void (n.ending!.outcome = v as "good"), `${p}-outcome`)}
          />
          <TextField
            id={`${p}-ending-title`}
            label="Ending title"
            value={node.ending.title}
            error={at(".ending.title")}
            onChange={(v) => onChange((n) => void (n.ending!.title = v), `${p}-ending-title`)}
          />
          <TextArea
            id={`${p}-ending-summary`}
            label="Ending summary"
            value={node.ending.summary}
            error={at(".ending.summary")}
            onChange={(v) => onChange((n) => void (n.ending!.summary = v), `${p}-ending-summary`)}
          />
        </fieldset>
      ) : (
        <>
          <h3 className="nhsuk-heading-s">Choices</h3>
          {(node.choices ?? []).map((choice, i) => (
            <ChoiceFields
              key={i}
              prefix={`${p}-choice-${i}`}
              index={i}
              choice={choice}
              nodeTitles={nodeTitles}
              competencies={competencies}
              errorFor={(field) => at(`.choices[${i}].${field}`)}
              onChange={setChoice(i)}
              onRemove={() =>
                onChange((n) => {
                  n.choices!.splice(i, 1);
                  if (n.choices!.length === 0) delete n.choices;
                }, `${p}-choices`)
              }
            />
          ))}
          {/* A new choice can merge into an existing node (as in H5P Branching Scenario), not only open a new one. */}
          <div className="ws-field-row ws-add-choice">
            <SelectField
              id={`${p}-new-choice-target`}
              label="A new choice leads to"
              value={newTarget}
              options={[
                ["", "A new node (created for it)"],
                ...nodeTitles.map(([id, title]) => [id, nodeOptionText(id, title)] as [string, string]),
              ]}
              onChange={setNewTarget}
            />
            <SmallButton onClick={() => onAddChoice(newTarget || undefined)}>Add a choice</SmallButton>
          </div>
        </>
      )}
      <DeleteNode title={node.title ?? nodeId} onRemove={onRemove} />
    </section>
  );
}

/** Deleting a node asks first, apart from the editing buttons; Undo (in the toolbar) brings it back. */
function DeleteNode({ title, onRemove }: { title: string; onRemove: () => void }) {
  return (
    <details className="nhsuk-details ws-delete-node">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Delete this node</span>
      </summary>
      <div className="nhsuk-details__text">
        <p>
          Delete &lsquo;{title}&rsquo;? Choices that lead to it will need a new target. Undo, in the toolbar, brings it
          back.
        </p>
        <SmallButton variant="warning" onClick={onRemove}>
          Yes, delete this node
        </SmallButton>
      </div>
    </details>
  );
}
