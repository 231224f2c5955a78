// Every path through a scenario, counted without listing them: a depth-first search that remembers each distinct
// attempt state (node, variables, running scores, relevant visits, critical taken), so converging branches are
// explored once. Gives up (exhaustive: false) on loops or when the states exceed a cap; the audit then samples.
import { conditionLeaves } from "../scenario/conditions";
import type { Condition, Scenario } from "../scenario/schema";
import { MAX_WALK_STEPS } from "./walks";
import { choicesAt, passesOnScore, startState, takeChoice, verdictOf, type WalkState } from "./stepper";

export const DEFAULT_MAX_STATES = 200_000;

export interface PathFigures {
  exhaustive: boolean;
  /** Why the search gave up, when it did. */
  gaveUp: string | null;
  paths: number;
  /** Paths that pass under the full rule (score, ending and no critical choice). */
  passing: number;
  /** Paths that pass on score and ending yet contain a critical choice: only the critical rule fails them. */
  scorePassingWithCritical: number;
  /** Paths the app's pass rule passes although they contain a critical choice: 0 unless that rule is broken. */
  passingWithCritical: number;
  /** "node/choice" keys on at least one passing path. */
  onPassingPath: Set<string>;
  /** "node/choice" keys on at least one path that passes on score and ending (critical choices ignored). */
  onScorePassingPath: Set<string>;
  states: number;
}

interface Subtree {
  paths: number;
  scorePassing: number;
  scorePassingWithCritical: number;
  passingWithCritical: number;
}

class GiveUp extends Error {}

function visitedNodesInConditions(scenario: Scenario): Set<string> {
  const conditions: Condition[] = [];
  for (const node of Object.values(scenario.nodes)) {
    for (const choice of node.choices ?? []) {
      if (choice.requires) conditions.push(choice.requires);
      for (const branch of choice.branches ?? []) conditions.push(branch.when);
    }
  }
  const nodes = new Set<string>();
  for (const leaf of conditions.flatMap(conditionLeaves)) if ("visited" in leaf) nodes.add(leaf.visited);
  return nodes;
}

export function explorePaths(scenario: Scenario, maxStates = DEFAULT_MAX_STATES): PathFigures {
  const relevantVisits = visitedNodesInConditions(scenario);
  const memo = new Map<string, Subtree>();
  const onStack = new Set<string>();
  const onPassingPath = new Set<string>();
  const onScorePassingPath = new Set<string>();

  const keyOf = (state: WalkState) => {
    const { variables, scores, possible, visited } = state.context;
    const visits = [...new Set(visited.filter((v) => relevantVisits.has(v)))].sort();
    return JSON.stringify([state.nodeId, variables, scores, possible, visits, state.critical > 0]);
  };

  const explore = (state: WalkState, depth: number): Subtree => {
    const key = keyOf(state);
    const known = memo.get(key);
    if (known) return known;
    if (onStack.has(key)) throw new GiveUp("a loop returns to the same state");
    if (depth > MAX_WALK_STEPS) throw new GiveUp(`a path is longer than ${MAX_WALK_STEPS} decisions`);
    if (memo.size >= maxStates) throw new GiveUp(`more than ${maxStates.toLocaleString("en-GB")} distinct states`);
    const offered = choicesAt(scenario, state);
    let result: Subtree;
    if (offered.length === 0) {
      const verdict = verdictOf(scenario, state);
      const scorePass = passesOnScore(scenario, verdict);
      result = {
        paths: 1,
        scorePassing: scorePass ? 1 : 0,
        scorePassingWithCritical: scorePass && state.critical > 0 ? 1 : 0,
        passingWithCritical: verdict.passed && state.critical > 0 ? 1 : 0,
      };
    } else {
      onStack.add(key);
      result = { paths: 0, scorePassing: 0, scorePassingWithCritical: 0, passingWithCritical: 0 };
      for (const choice of offered) {
        const child = explore(takeChoice(scenario, state, choice, false), depth + 1);
        const edge = `${state.nodeId}/${choice.id}`;
        if (child.scorePassing > 0) onScorePassingPath.add(edge);
        if (child.scorePassing - child.scorePassingWithCritical > 0) onPassingPath.add(edge);
        result.paths += child.paths;
        result.scorePassing += child.scorePassing;
        result.scorePassingWithCritical += child.scorePassingWithCritical;
        result.passingWithCritical += child.passingWithCritical;
      }
      onStack.delete(key);
    }
    memo.set(key, result);
    return result;
  };

  try {
    const root = explore(startState(scenario), 0);
    return {
      exhaustive: true,
      gaveUp: null,
      paths: root.paths,
      passing: root.scorePassing - root.scorePassingWithCritical,
      scorePassingWithCritical: root.scorePassingWithCritical,
      passingWithCritical: root.passingWithCritical,
      onPassingPath,
      onScorePassingPath,
      states: memo.size,
    };
  } catch (error) {
    if (!(error instanceof GiveUp)) throw error;
    return {
      exhaustive: false,
      gaveUp: error.message,
      paths: 0,
      passing: 0,
      scorePassingWithCritical: 0,
      passingWithCritical: 0,
      onPassingPath: new Set(),
      onScorePassingPath: new Set(),
      states: memo.size,
    };
  }
}
