// What an attempt remembers while it runs (the compiled machine's context), and how it starts.
import type { Competency } from "../competencies";
import type { Effects, Scenario } from "./schema";

export interface TranscriptEntry {
  nodeId: string;
  choiceId: string;
  /** The effects of the choice taken. */
  effects: Effects;
  /** For each competency, the best effect any choice offered at this decision had (at least 0): the scoring denominator. */
  possible: Effects;
  feedback: string;
}

export interface AttemptContext {
  /** Raw running score per assessed competency: the sum of the effects of the choices taken. */
  scores: Partial<Record<Competency, number>>;
  /** Running sum of the best effect on offer at each decision, per assessed competency. */
  possible: Partial<Record<Competency, number>>;
  variables: Record<string, number | boolean>;
  transcript: TranscriptEntry[];
  /** The path: every node entered, in order, repeats included; `visited[i]` is where `transcript[i]` was chosen. */
  visited: string[];
}

/** One event per choice, so the exported machine shows each choice as its own labelled transition. */
export type ChoiceEvent = { type: `choose.${string}` };

export function choiceEvent(choiceId: string): ChoiceEvent {
  return { type: `choose.${choiceId}` };
}

export function initialContext(scenario: Scenario): AttemptContext {
  const zeroes = Object.fromEntries(scenario.competencies.map((c) => [c, 0])) as Partial<Record<Competency, number>>;
  const variables: Record<string, number | boolean> = {};
  for (const [name, definition] of Object.entries(scenario.variables ?? {})) variables[name] = definition.initial;
  return { scores: { ...zeroes }, possible: { ...zeroes }, variables, transcript: [], visited: [] };
}
