// The scenario editor: the draft in memory with undo, live validation, the branch graph beside the node and
// settings forms, and saving the whole draft with its revision so a colleague's newer save is never overwritten.
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { ErrorSummary } from "~/components/error-summary";
import { draftChecks, DRAFT_CHECK_MAX_STATES, type DraftChecks } from "~/core/audit/draft-checks";
import type { RarelyChosenResponse } from "~/core/audit/rarely-chosen";
import { validateScenario, type Scenario, type ScenarioNode } from "~/core/scenario";
import { addChoice, addNode, removeNode, renameNode, updateNode } from "~/core/studio/draft-edits";
import { graphModel } from "~/core/studio/graph-model";
import { BranchGraph } from "./branch-graph";
import { FindNode } from "./find-node";
import { NodeForm } from "./node-form";
import { SettingsForm } from "./settings-form";
import { ValidationPanel } from "./validation-panel";

const HISTORY = 100;
/** Keystrokes in the same field within this time undo together. */
const GROUP_MS = 1500;

/** Where the page's save is: sent and not yet answered, the revision the last save stored, or why it was refused. */
export interface DraftSaving {
  busy: boolean;
  saved: { revision: number } | null;
  error: string | null;
}

export function useDraftHistory(initial: Scenario) {
  const [draft, setDraft] = useState(initial);
  const past = useRef<Scenario[]>([]);
  const last = useRef<{ key: string; at: number }>({ key: "", at: 0 });
  const [depth, setDepth] = useState(0);
  const change = useCallback((next: (current: Scenario) => Scenario, key: string) => {
    setDraft((current) => {
      const now = Date.now();
      if (key !== last.current.key || now - last.current.at > GROUP_MS) {
        past.current = [...past.current.slice(-(HISTORY - 1)), current];
        setDepth(past.current.length);
      }
      last.current = { key, at: now };
      return next(current);
    });
  }, []);
  const undo = useCallback(() => {
    const previous = past.current.pop();
    last.current = { key: "", at: 0 };
    setDepth(past.current.length);
    if (previous) setDraft(previous);
  }, []);
  return { draft, change, undo, canUndo: depth > 0 };
}

export interface ScenarioEditorProps {
  initial: Scenario;
  revision: number;
  nodeToOpen: string | null;
  /** Responses the published version's learners almost never chose (from its item statistics). */
  rarelyChosen?: readonly RarelyChosenResponse[];
  onDraftChange?: (draft: Scenario, dirty: boolean, revision: number) => void;
  /** Sends the whole draft with the revision it is based on; the page answers through `saving`. */
  onSave: (draft: string, revision: number) => void;
  saving: DraftSaving;
}

/** One empty list for every render, so the checks are not recomputed for a new but equal default. */
const NONE_RARELY_CHOSEN: readonly RarelyChosenResponse[] = [];

/** The audit's warnings for a draft without errors; null while errors remain (the audit needs a whole scenario). */
function itemWritingChecks(draft: Scenario, rarelyChosen: readonly RarelyChosenResponse[]): DraftChecks | null {
  const report = validateScenario(draft);
  if (!report.scenario || report.problems.some((p) => p.severity === "error")) return null;
  return draftChecks(report.scenario, DRAFT_CHECK_MAX_STATES, rarelyChosen);
}

export function ScenarioEditor({
  initial,
  revision: initialRevision,
  nodeToOpen,
  rarelyChosen = NONE_RARELY_CHOSEN,
  onDraftChange,
  onSave,
  saving,
}: ScenarioEditorProps) {
  const { draft, change, undo, canUndo } = useDraftHistory(initial);
  const [revision, setRevision] = useState(initialRevision);
  const [savedText, setSavedText] = useState(() => JSON.stringify(initial));
  const [selected, setSelected] = useState<string | null>(
    nodeToOpen ??
      (Object.hasOwn(initial.nodes, initial.start) ? initial.start : (Object.keys(initial.nodes)[0] ?? null)),
  );
  const [focusRequest, setFocusRequest] = useState(0);
  const [centreOn, setCentreOn] = useState<{ id: string; seq: number } | null>(null);
  const report = useMemo(() => validateScenario(draft), [draft]);
  const model = useMemo(() => graphModel(draft, report.problems), [draft, report.problems]);
  // The item-writing checks search paths, so they follow the draft a moment behind typing rather than block it.
  const checkedDraft = useDeferredValue(draft);
  const checks = useMemo(() => itemWritingChecks(checkedDraft, rarelyChosen), [checkedDraft, rarelyChosen]);
  const dirty = JSON.stringify(draft) !== savedText;

  useEffect(() => {
    if (!saving.busy && saving.saved) {
      setRevision(saving.saved.revision);
      setSavedText(submitted.current);
    }
    // Only when a save comes back.
  }, [saving.busy, saving.saved]);
  useEffect(() => onDraftChange?.(draft, dirty, revision), [draft, dirty, revision, onDraftChange]);
  useEffect(() => {
    if (focusRequest > 0 && selected) document.getElementById(`node-${selected}-heading`)?.focus();
  }, [focusRequest, selected]);

  /** Opens a node in the side form; from outside the graph (a list, the find box) the graph zooms to it too. */
  const open = (nodeId: string, from: "graph" | "list" = "list") => {
    setSelected(nodeId);
    setFocusRequest((n) => n + 1);
    if (from === "list") setCentreOn((c) => ({ id: nodeId, seq: (c?.seq ?? 0) + 1 }));
  };
  const submitted = useRef("");
  const save = () => {
    submitted.current = JSON.stringify(draft);
    onSave(submitted.current, revision);
  };
  const onAddChoice = (nodeId: string, target?: string) => {
    const added = addChoice(draft, nodeId, target);
    change(() => added.scenario, `add-choice-${Date.now()}`);
    setSelected(nodeId);
    // A choice to a new node: show where the new node landed, which on a large graph may be off screen.
    if (!target) setCentreOn((c) => ({ id: added.targetId, seq: (c?.seq ?? 0) + 1 }));
  };
  const node: ScenarioNode | undefined =
    selected && Object.hasOwn(draft.nodes, selected) ? draft.nodes[selected] : undefined;
  const speakers: Array<[string, string]> = [
    ["narrator", "Narrator"],
    ...draft.cast.map((c) => [c.id, c.name] as [string, string]),
  ];

  return (
    <div className="ws-editor">
      <div className="ws-editor__toolbar" role="toolbar" aria-label="Draft">
        <button type="button" className="nhsuk-button ws-button--small" onClick={save} disabled={saving.busy}>
          {saving.busy ? "Saving…" : "Save draft"}
        </button>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary ws-button--small"
          onClick={undo}
          disabled={!canUndo}
        >
          Undo
        </button>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary ws-button--small"
          onClick={() => {
            const added = addNode(draft);
            change(() => added.scenario, `add-node-${Date.now()}`);
            open(added.nodeId);
          }}
        >
          Add a node
        </button>
        <span role="status" aria-live="polite" className="ws-muted">
          {dirty ? "Unsaved changes" : saving.saved ? `Saved (revision ${revision})` : `Revision ${revision}`}
        </span>
      </div>
      {saving.error ? (
        <ErrorSummary errors={[]} title="Not saved" titleId="save-error-title">
          <p>{saving.error}</p>
        </ErrorSummary>
      ) : null}
      <div className="ws-editor__grid">
        <div className="ws-editor__forms">
          <ValidationPanel
            problems={report.problems}
            checks={checks}
            onOpen={open}
            titles={new Map(model.nodes.map((n) => [n.id, n.label]))}
          />
          {node && selected ? (
            <NodeForm
              key={selected}
              nodeId={selected}
              node={node}
              isStart={selected === draft.start}
              nodeTitles={model.nodes.map((n) => [n.id, n.label] as [string, string])}
              speakers={speakers}
              competencies={draft.competencies}
              problems={report.problems.filter((p) => p.nodeId === selected)}
              onChange={(edit, field) => change((d) => updateNode(d, selected, edit), field)}
              onRename={(to) => {
                if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(to) || Object.hasOwn(draft.nodes, to)) return;
                change((d) => renameNode(d, selected, to), `rename-${Date.now()}`);
                setSelected(to);
              }}
              onAddChoice={(target) => onAddChoice(selected, target)}
              onRemove={() => {
                change((d) => removeNode(d, selected), `remove-${Date.now()}`);
                setSelected(draft.start !== selected ? draft.start : null);
              }}
            />
          ) : (
            <p className="ws-card">Choose a node in the graph to edit it.</p>
          )}
          <SettingsForm
            scenario={draft}
            problems={report.problems}
            onChange={(edit, field) =>
              change((d) => {
                const next = structuredClone(d);
                edit(next);
                return next;
              }, field)
            }
          />
        </div>
        <div className="ws-editor__graph">
          <h2 className="nhsuk-heading-s">Branch graph</h2>
          <FindNode nodes={model.nodes} onChoose={open} />
          <BranchGraph
            nodes={model.nodes}
            edges={model.edges}
            selected={selected}
            centreOn={centreOn}
            onOpen={(id) => open(id, "graph")}
            onAddChoice={onAddChoice}
            onConnect={(source, target) => onAddChoice(source, target)}
            label="Branch graph of the scenario"
          />
          <p className="ws-muted ws-graph-help">
            Select a node to edit it; + adds a choice leading to a new node; drag from the dot under a node onto another
            node to add a choice that leads there. Hover over or Tab to a line to read its choice; the minimap in the
            corner shows the whole graph.
          </p>
          <ul className="ws-graph-legend nhsuk-list" aria-label="Colour key">
            <li>
              <span className="ws-swatch ws-swatch--start" /> Start
            </li>
            <li>
              <span className="ws-swatch ws-swatch--good" /> Good ending
            </li>
            <li>
              <span className="ws-swatch ws-swatch--mixed" /> Mixed ending
            </li>
            <li>
              <span className="ws-swatch ws-swatch--poor" /> Poor ending
            </li>
            <li>
              <span className="ws-swatch ws-swatch--error" /> Needs fixing
            </li>
          </ul>
        </div>
      </div>
    </div>
  );
}
