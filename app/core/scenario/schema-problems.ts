// Turns zod's issues into problems a scenario author can act on, naming the node, choice and field.
import type { z } from "zod";
import {
  capitalise,
  choiceName,
  competencyName,
  error,
  formatPath,
  nodeName,
  type PathSegment,
  type ScenarioProblem,
} from "./problems";
import {
  branchSchema,
  castMemberSchema,
  choiceSchema,
  endingSchema,
  lineSchema,
  scenarioNodeSchema,
  scenarioSchema,
  stageEventSchema,
  variableUpdateSchema,
} from "./schema";
import { didYouMean } from "./suggest";

const CONDITION_KEYS = ["var", "score", "visited", "all", "any", "not"] as const;
const CONDITION_HELP =
  'use {"var", "op", "value"}, {"score", "op", "value"}, {"visited"}, {"all": [...]}, {"any": [...]} or {"not": ...}';

const TOP = "the scenario";

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<PathSegment, unknown>)[key];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string")
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  return `${typeof value} ${String(value)}`;
}

/** Who the problem is about ("choice 2 of 'Opening'", in the editor's words) and the rest of the path inside it. */
function locate(root: unknown, path: readonly PathSegment[]) {
  const [first, second, third, fourth] = path;
  if (first === "nodes" && typeof second === "string") {
    if (third === "choices" && typeof fourth === "number") {
      const rawId = valueAt(root, ["nodes", second, "choices", fourth, "id"]);
      const choiceId = typeof rawId === "string" && rawId ? rawId : `#${fourth + 1}`;
      return { subject: choiceName(root, second, fourth), nodeId: second, choiceId, rest: path.slice(4) };
    }
    return { subject: nodeName(root, second), nodeId: second, rest: path.slice(2) };
  }
  if (first === "cast" && typeof second === "number") {
    const rawId = valueAt(root, ["cast", second, "id"]);
    return {
      subject: typeof rawId === "string" ? `cast member '${rawId}'` : `cast member ${second + 1}`,
      rest: path.slice(2),
    };
  }
  if (first === "variables" && typeof second === "string")
    return { subject: `variable '${second}'`, rest: path.slice(2) };
  return { subject: TOP, rest: path };
}

/** One item of each list, as the editor labels them ("Line 1", "Choice 2"). */
const ITEM: Record<string, string> = {
  lines: "line",
  events: "stage event",
  choices: "choice",
  branches: "branch",
  set: "variable update",
  objectives: "learning objective",
  competencies: "competency",
  cast: "cast member",
};
/** Field names in the editor's words where the file's key is not plain English. */
const WORDS: Record<string, string> = {
  next: "'Leads to' node",
  passMark: "pass mark",
  minutes: "minutes",
  when: "condition",
  requires: "condition",
  who: "person",
  var: "variable",
  op: "operation",
};

function words(key: string): string {
  return Object.hasOwn(WORDS, key) ? (WORDS[key] as string) : key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/**
 * The path inside the subject in words: `lines[0].text` in 'Opening' is the "text" of "line 1 of 'Opening'".
 * `what` is empty when the path names the thing itself.
 */
function describeField(subject: string, rest: readonly PathSegment[]): { owner: string; what: string } {
  let owner = subject;
  let what = "";
  for (let i = 0; i < rest.length; i += 1) {
    const part = rest[i] as PathSegment;
    const next = rest[i + 1];
    if (what) owner = `the ${what} of ${owner}`;
    what = "";
    if (typeof part === "number") owner = `item ${part + 1} of ${owner}`;
    else if (typeof next === "number") {
      owner = `${Object.hasOwn(ITEM, part) ? ITEM[part] : words(part)} ${next + 1} of ${owner}`;
      i += 1;
    } else if (part === "effects" && typeof next === "string") {
      what = `effect on ${competencyName(next)}`;
      i += 1;
    } else what = words(part);
  }
  return { owner, what };
}

/** "The text of line 1 of 'Opening'", or the owner itself when the path names it. */
function theField({ owner, what }: { owner: string; what: string }): string {
  return what ? `The ${what} of ${owner}` : capitalise(owner);
}

/** The keys an object at `path` may have, for "did you mean" on unknown keys. */
function knownKeys(path: readonly PathSegment[]): readonly string[] {
  const names = path.filter((p): p is string => typeof p === "string");
  const last = names[names.length - 1];
  if (names.some((n) => n === "when" || n === "requires")) return [...CONDITION_KEYS, "op", "value"];
  if (path.length === 0) return Object.keys(scenarioSchema.shape);
  if (path.length === 2 && names[0] === "nodes") return Object.keys(scenarioNodeSchema.shape);
  const byLast: Record<string, readonly string[]> = {
    cast: Object.keys(castMemberSchema.shape),
    avatar: ["initials", "colour"],
    variables: ["type", "initial", "min", "max"],
    lines: Object.keys(lineSchema.shape),
    events: Object.keys(stageEventSchema.shape),
    choices: Object.keys(choiceSchema.shape),
    branches: Object.keys(branchSchema.shape),
    set: Object.keys(variableUpdateSchema.shape),
    ending: Object.keys(endingSchema.shape),
  };
  return (last !== undefined && Object.hasOwn(byLast, last) ? byLast[last] : undefined) ?? [];
}

const EXPECTED: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "an object",
  array: "a list",
};

function describeIssue(issue: z.core.$ZodIssue, at: { owner: string; what: string }, raw: unknown): string {
  const it = theField(at);
  switch (issue.code) {
    case "invalid_type": {
      const expected =
        (Object.hasOwn(EXPECTED, issue.expected) ? EXPECTED[issue.expected] : undefined) ?? issue.expected;
      if (raw === undefined)
        return at.what
          ? `${capitalise(at.owner)} has no ${at.what}. Add it (${expected}).`
          : `${it} is missing. Add it (${expected}).`;
      return `${it} should be ${expected} but is ${describeValue(raw)}.`;
    }
    case "too_big":
      if (issue.origin === "string")
        return `${it} is ${String(raw).length} characters long; the limit is ${issue.maximum}. Shorten it.`;
      if (issue.origin === "array")
        return `${it} has ${(raw as unknown[]).length} items; the limit is ${issue.maximum}. Remove some.`;
      return `${it} is ${String(raw)}; the most allowed is ${issue.maximum}.`;
    case "too_small":
      if (issue.origin === "string")
        return at.what ? `${capitalise(at.owner)} has no ${at.what}. Write it.` : `${it} is empty. Write it.`;
      if (issue.origin === "array")
        return `${it} needs at least ${issue.minimum} item${Number(issue.minimum) === 1 ? "" : "s"}. Add ${Number(issue.minimum) === 1 ? "one" : "more"}.`;
      return `${it} is ${String(raw)}; the least allowed is ${issue.minimum}.`;
    case "invalid_value": {
      const allowed = issue.values.map((v) => JSON.stringify(v));
      const hint = typeof raw === "string" ? didYouMean(raw, issue.values.map(String)) : "";
      return `${it} is ${describeValue(raw)}, which is not allowed${hint}: use one of ${allowed.join(", ")}.`;
    }
    case "invalid_format":
      return `${it} is ${describeValue(raw)}: ${issue.message}.`;
    default:
      return `${it}: ${issue.message}.`;
  }
}

function toProblems(issue: z.core.$ZodIssue, root: unknown, prefix: readonly PathSegment[]): ScenarioProblem[] {
  const path = [...prefix, ...(issue.path as PathSegment[])];
  const { subject, rest, ...where } = locate(root, path);
  const at = { ...where, path: formatPath(path) };
  const raw = valueAt(root, path);
  const field = describeField(subject, rest);

  if (issue.code === "unrecognized_keys") {
    const known = knownKeys(path);
    return issue.keys.map((key) =>
      error(
        "unknown-key",
        `${theField(field)} has an unknown key '${key}'${didYouMean(key, known)}. Remove or rename it.`,
        {
          ...at,
          path: formatPath([...path, key]),
        },
      ),
    );
  }
  if (issue.code === "invalid_key") {
    const kind = path[0] === "nodes" ? "node id" : path[0] === "variables" ? "variable name" : "key";
    const reason = issue.issues[0]?.message ?? "is not valid";
    const name = String(path[path.length - 1]);
    return [
      error("invalid-id", `The ${kind} '${name}' is not valid: ${reason}. Rename it and every reference to it.`, at),
    ];
  }
  if (issue.code === "invalid_union") {
    const isCondition = path.some((p) => p === "when" || p === "requires");
    if (isCondition && raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
      const index = CONDITION_KEYS.findIndex((key) => Object.hasOwn(raw, key));
      const branch = index >= 0 ? issue.errors[index] : undefined;
      if (branch) return branch.flatMap((inner) => toProblems(inner, root, path));
    }
    const what = isCondition
      ? `should be a condition: ${CONDITION_HELP}`
      : path[0] === "variables"
        ? 'should be {"type": "number", "initial": 0} or {"type": "boolean", "initial": false}'
        : "should be a number or true/false";
    return [error("schema", `${theField(field)} is ${describeValue(raw)} but ${what}.`, at)];
  }
  return [error("schema", describeIssue(issue, field, raw), at)];
}

/** Problems for every zod issue, in file order. */
export function schemaProblems(zodError: z.ZodError, root: unknown): ScenarioProblem[] {
  return zodError.issues.flatMap((issue) => toProblems(issue, root, []));
}
