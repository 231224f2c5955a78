import { describe, expect, it } from "vitest";
import { conditionDepth, evaluateCondition, type ConditionContext } from "./conditions";

const context: ConditionContext = {
  variables: { trust: 2, consented: false },
  scores: { rapport: 3 },
  visited: ["hello", "ask"],
};

describe("evaluateCondition", () => {
  it("compares variables, scores and visited nodes", () => {
    expect(evaluateCondition({ var: "trust", op: "gte", value: 2 }, context)).toBe(true);
    expect(evaluateCondition({ var: "trust", op: "gt", value: 2 }, context)).toBe(false);
    expect(evaluateCondition({ var: "consented", op: "eq", value: false }, context)).toBe(true);
    expect(evaluateCondition({ score: "rapport", op: "lt", value: 4 }, context)).toBe(true);
    expect(evaluateCondition({ score: "empathy", op: "eq", value: 0 }, context)).toBe(true);
    expect(evaluateCondition({ visited: "ask" }, context)).toBe(true);
    expect(evaluateCondition({ visited: "listen" }, context)).toBe(false);
  });

  it("combines with all, any and not", () => {
    const leafTrue = { var: "trust", op: "eq", value: 2 } as const;
    const leafFalse = { visited: "nowhere" };
    expect(evaluateCondition({ all: [leafTrue, leafFalse] }, context)).toBe(false);
    expect(evaluateCondition({ any: [leafFalse, leafTrue] }, context)).toBe(true);
    expect(evaluateCondition({ not: leafFalse }, context)).toBe(true);
  });

  it("is false for undeclared variables, ordering on booleans, and inherited names", () => {
    expect(evaluateCondition({ var: "missing", op: "neq", value: 1 }, context)).toBe(false);
    expect(evaluateCondition({ var: "consented", op: "lt", value: true }, context)).toBe(false);
    expect(evaluateCondition({ var: "toString", op: "neq", value: 0 }, context)).toBe(false);
  });

  it("measures nesting depth", () => {
    expect(conditionDepth({ visited: "a" })).toBe(1);
    expect(conditionDepth({ all: [{ visited: "a" }, { not: { any: [{ visited: "b" }] } }] })).toBe(4);
  });
});
