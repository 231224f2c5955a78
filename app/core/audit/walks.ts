// Strategy bots and seeded random walks: what a test-wise clinician who ignores the clinical content would score.
import type { Choice, Scenario } from "../scenario/schema";
import {
  choicesAt,
  passesOnScore,
  startState,
  takeChoice,
  verdictOf,
  type WalkState,
  type WalkVerdict,
} from "./stepper";

/** A walk longer than this is treated as unfinished (not passed): it guards against loops a bot never leaves. */
export const MAX_WALK_STEPS = 200;

export type Picker = (offered: Choice[], state: WalkState) => Choice;

export function walk(scenario: Scenario, pick: Picker): WalkVerdict & { path: string[] } {
  let state = startState(scenario);
  const path: string[] = [];
  for (let steps = 0; steps < MAX_WALK_STEPS; steps += 1) {
    const offered = choicesAt(scenario, state);
    if (offered.length === 0) break;
    const choice = pick(offered, state);
    path.push(`${state.nodeId}/${choice.id}`);
    state = takeChoice(scenario, state, choice, false);
  }
  return { ...verdictOf(scenario, state), path };
}

/** Picks the response with the most characters; ties go to the first offered, as a reader scanning down would. */
export const longestResponse: Picker = (offered) =>
  offered.reduce((best, c) => (c.text.trim().length > best.text.trim().length ? c : best));

export const shortestResponse: Picker = (offered) =>
  offered.reduce((best, c) => (c.text.trim().length < best.text.trim().length ? c : best));

/** mulberry32: a tiny, well-known seeded generator, so the audit prints the same figures on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomWalkFigures {
  walks: number;
  meanOverall: number;
  passRate: number;
  passed: number;
  /** Walks that would have passed on score and ending but took a critical choice. */
  caughtByCritical: number;
  /** Walks that passed while taking a critical choice: always 0 unless the pass rule is broken. */
  passedWithCritical: number;
}

/** Where the sampled walks record which choices lie on a passing path (when the paths are too many to list). */
export interface PathCollectors {
  onPassingPath: Set<string>;
  onScorePassingPath: Set<string>;
  scorePassingWithCritical: number;
}

export function randomWalks(
  scenario: Scenario,
  walks: number,
  seed: number,
  collect?: PathCollectors,
): RandomWalkFigures {
  const random = seededRandom(seed);
  const pick: Picker = (offered) => offered[Math.floor(random() * offered.length)] as Choice;
  let total = 0;
  let passed = 0;
  let caught = 0;
  let passedWithCritical = 0;
  for (let i = 0; i < walks; i += 1) {
    const result = walk(scenario, pick);
    total += result.overall;
    if (result.passed) passed += 1;
    if (result.passed && result.critical > 0) passedWithCritical += 1;
    if (collect && result.passed) for (const key of result.path) collect.onPassingPath.add(key);
    if (collect && passesOnScore(scenario, result)) {
      for (const key of result.path) collect.onScorePassingPath.add(key);
      if (result.critical > 0) collect.scorePassingWithCritical += 1;
    }
    if (result.critical > 0 && passesOnScore(scenario, result)) caught += 1;
  }
  return {
    walks,
    meanOverall: walks === 0 ? 0 : total / walks,
    passRate: walks === 0 ? 0 : passed / walks,
    passed,
    caughtByCritical: caught,
    passedWithCritical,
  };
}
