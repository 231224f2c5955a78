// The pure evaluator for conditions, and helpers to walk them; the compiled machine's one guard calls `evaluateCondition`.
import type { Competency } from "../competencies";
import type { ComparisonOp, Condition } from "./condition-schema";

/** What a condition can look at: the attempt's variables, raw competency scores and the nodes visited so far. */
export interface ConditionContext {
  variables: Readonly<Record<string, number | boolean>>;
  scores: Readonly<Partial<Record<Competency, number>>>;
  visited: readonly string[];
}

function compare(left: number | boolean | undefined, op: ComparisonOp, right: number | boolean): boolean {
  if (left === undefined) return false;
  if (op === "eq") return left === right;
  if (op === "neq") return left !== right;
  // Ordering only makes sense between numbers; the validator reports any other use.
  if (typeof left !== "number" || typeof right !== "number") return false;
  if (op === "lt") return left < right;
  if (op === "lte") return left <= right;
  if (op === "gt") return left > right;
  return left >= right;
}

function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function evaluateCondition(condition: Condition, context: ConditionContext): boolean {
  if ("all" in condition) return condition.all.every((c) => evaluateCondition(c, context));
  if ("any" in condition) return condition.any.some((c) => evaluateCondition(c, context));
  if ("not" in condition) return !evaluateCondition(condition.not, context);
  if ("visited" in condition) return context.visited.includes(condition.visited);
  if ("score" in condition) return compare(own(context.scores, condition.score) ?? 0, condition.op, condition.value);
  return compare(own(context.variables, condition.var), condition.op, condition.value);
}

/** Levels of nesting: a single comparison is 1, `{ "not": comparison }` is 2. */
export function conditionDepth(condition: Condition): number {
  if ("all" in condition) return 1 + Math.max(...condition.all.map(conditionDepth));
  if ("any" in condition) return 1 + Math.max(...condition.any.map(conditionDepth));
  if ("not" in condition) return 1 + conditionDepth(condition.not);
  return 1;
}

/** Every leaf comparison in a condition, for reference checks. */
export function conditionLeaves(
  condition: Condition,
): Array<Exclude<Condition, { all: unknown } | { any: unknown } | { not: unknown }>> {
  if ("all" in condition) return condition.all.flatMap(conditionLeaves);
  if ("any" in condition) return condition.any.flatMap(conditionLeaves);
  if ("not" in condition) return conditionLeaves(condition.not);
  return [condition];
}
