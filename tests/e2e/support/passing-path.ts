// Finds a sequence of choices that passes a bundled scenario, by playing it with the real engine (depth-first),
// so the end-to-end test does not hard-code a path that breaks when the scenario is edited.
import { readFileSync } from "node:fs";
import { applyChoice, scoreRun, startRun, validateScenario, viewOf, type Scenario } from "../../../app/core/scenario";

export function loadScenario(file: string): Scenario {
  const report = validateScenario(readFileSync(file, "utf8"));
  if (!report.scenario) throw new Error(`${file} is not a valid scenario`);
  return report.scenario;
}

/** The choice texts, in order, of the first path found that ends passed; throws if none does. */
export function passingPath(scenario: Scenario): Array<{ choiceId: string; text: string }> {
  function search(snapshot: unknown, depth: number): Array<{ choiceId: string; text: string }> | null {
    const view = viewOf(scenario, snapshot);
    if (view.finished) return scoreRun(scenario, snapshot).passed ? [] : null;
    if (depth > 60) return null;
    for (const choice of view.choices) {
      const next = applyChoice(scenario, snapshot, choice.id);
      if (!next.ok) continue;
      const rest = search(next.snapshot, depth + 1);
      if (rest) return [{ choiceId: choice.id, text: choice.text }, ...rest];
    }
    return null;
  }
  const path = search(startRun(scenario).snapshot, 0);
  if (!path) throw new Error(`No passing path found in ${scenario.id}`);
  return path;
}

/** The choice texts of a path to an ending that takes one critical choice, as early as it can. */
type PathStep = { choiceId: string; text: string; critical: boolean };

export function criticalPath(scenario: Scenario): PathStep[] {
  function search(snapshot: unknown, depth: number, taken: boolean): PathStep[] | null {
    const view = viewOf(scenario, snapshot);
    if (view.finished) return taken ? [] : null;
    if (depth > 60) return null;
    const node = scenario.nodes[view.nodeId];
    const isCritical = (id: string) => Boolean(node?.choices?.find((c) => c.id === id)?.critical);
    // Before the critical choice, try it first; after it, avoid another so the debrief names just one.
    const ordered = [...view.choices].sort((a, b) => Number(isCritical(b.id)) - Number(isCritical(a.id)));
    for (const choice of taken ? ordered.reverse() : ordered) {
      const next = applyChoice(scenario, snapshot, choice.id);
      if (!next.ok) continue;
      const rest = search(next.snapshot, depth + 1, taken || isCritical(choice.id));
      if (rest) return [{ choiceId: choice.id, text: choice.text, critical: isCritical(choice.id) }, ...rest];
    }
    return null;
  }
  const path = search(startRun(scenario).snapshot, 0, false);
  if (!path) throw new Error(`No path through a critical choice in ${scenario.id}`);
  return path;
}
