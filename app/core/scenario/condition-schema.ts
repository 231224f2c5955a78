// The recursive zod schema for conditions (`when`, `requires`) and its TypeScript type.
import { z } from "zod";
import { COMPETENCIES, type Competency } from "../competencies";

export const comparisonOpSchema = z.enum(["eq", "neq", "lt", "lte", "gt", "gte"]);
export type ComparisonOp = z.infer<typeof comparisonOpSchema>;

export type Condition =
  | { var: string; op: ComparisonOp; value: number | boolean }
  | { score: Competency; op: ComparisonOp; value: number }
  | { visited: string }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

// Plain z.string() here (not the slug schemas) so the validator can name a mistyped variable or node
// with a "did you mean" instead of a bare pattern error.
export const conditionSchema: z.ZodType<Condition> = z
  .lazy(() =>
    z.union([
      z.strictObject({ var: z.string().min(1), op: comparisonOpSchema, value: z.union([z.number(), z.boolean()]) }),
      z.strictObject({ score: z.enum(COMPETENCIES), op: comparisonOpSchema, value: z.number() }),
      z.strictObject({ visited: z.string().min(1) }),
      z.strictObject({ all: z.array(conditionSchema).min(1).max(10) }),
      z.strictObject({ any: z.array(conditionSchema).min(1).max(10) }),
      z.strictObject({ not: conditionSchema }),
    ]),
  )
  .meta({
    id: "Condition",
    description:
      "A condition: {var, op, value}, {score, op, value}, {visited}, {all: [...]}, {any: [...]} or {not: ...}; at most 4 levels deep",
  });
