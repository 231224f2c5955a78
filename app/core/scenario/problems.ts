// What the validator reports: one actionable problem per mistake, naming the node and choice it concerns.
import type { Scenario } from "./schema";

export interface ScenarioProblem {
  severity: "error" | "warning";
  /** Stable, machine-readable kind, e.g. "missing-target"; tests and the editor key on it. */
  code: string;
  /** A sentence a person can act on: what is wrong, where, and how to fix it. */
  message: string;
  nodeId?: string;
  choiceId?: string;
  /** Where in the file, e.g. "nodes.greeting.choices[1].next". */
  path?: string;
  /** How to fix it, when the message alone does not say (the audit's item-writing checks). */
  hint?: string;
}

export interface ValidationReport {
  /** True when there are no errors (warnings are allowed). */
  ok: boolean;
  /** The parsed scenario, present whenever it matched the schema (even if graph checks found errors). */
  scenario?: Scenario;
  problems: ScenarioProblem[];
}

export type PathSegment = string | number;

/** Formats a path as `nodes.greeting.choices[1].next`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}

export function error(
  code: string,
  message: string,
  where: Omit<ScenarioProblem, "severity" | "code" | "message"> = {},
): ScenarioProblem {
  return { severity: "error", code, message, ...where };
}

export function warning(
  code: string,
  message: string,
  where: Omit<ScenarioProblem, "severity" | "code" | "message"> = {},
): ScenarioProblem {
  return { severity: "warning", code, message, ...where };
}

/** "Node 'greeting' choice 'ask-why'" (or just "Node 'greeting'"), the prefix most messages start with. */
export function nodeLabel(nodeId: string, choiceId?: string): string {
  return choiceId === undefined ? `Node '${nodeId}'` : `Node '${nodeId}' choice '${choiceId}'`;
}

/** Sorts errors before warnings, keeping each group in file order. */
export function sortProblems(problems: ScenarioProblem[]): ScenarioProblem[] {
  return [...problems.filter((p) => p.severity === "error"), ...problems.filter((p) => p.severity === "warning")];
}
