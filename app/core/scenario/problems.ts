// What the validator reports: one actionable problem per mistake, naming the node and choice it concerns.
import { COMPETENCY_INFO, isCompetency } from "../competencies";
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

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === "object" && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/**
 * A node as the editor and graph show it: its title (or its ending's title) in quotes, the id only when it has
 * neither. `scenario` may be a file that failed the schema, so nothing about its shape is assumed.
 */
export function nodeName(scenario: unknown, nodeId: string): string {
  const node = field(field(scenario, "nodes"), nodeId);
  const title = field(node, "title") ?? field(field(node, "ending"), "title");
  return `'${typeof title === "string" && title.trim() ? title.trim() : nodeId}'`;
}

/** "choice 2 of 'Opening'": choices by position, as the editor numbers them, found by index or by id. */
export function choiceName(scenario: unknown, nodeId: string, choice: number | string): string {
  const choices = field(field(field(scenario, "nodes"), nodeId), "choices");
  const index =
    typeof choice === "number"
      ? choice
      : Array.isArray(choices)
        ? choices.findIndex((c) => field(c, "id") === choice)
        : -1;
  return `${index >= 0 ? `choice ${index + 1}` : `choice '${choice}'`} of ${nodeName(scenario, nodeId)}`;
}

/** "Node 'Opening'" or "Choice 2 of 'Opening'", the prefix most messages start with. */
export function nodeLabel(scenario: unknown, nodeId: string, choice?: number | string): string {
  return choice === undefined ? `Node ${nodeName(scenario, nodeId)}` : capitalise(choiceName(scenario, nodeId, choice));
}

/** A competency by the label the editor and debrief use ("Clear information"), an unknown key in quotes. */
export function competencyName(key: string): string {
  return isCompetency(key) ? COMPETENCY_INFO[key].label : `'${key}'`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Sorts errors before warnings, keeping each group in file order. */
export function sortProblems(problems: ScenarioProblem[]): ScenarioProblem[] {
  return [...problems.filter((p) => p.severity === "error"), ...problems.filter((p) => p.severity === "warning")];
}
