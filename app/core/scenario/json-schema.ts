// The JSON Schema published at scenarios/scenario.schema.json, generated from the zod schema so the two never drift.
import { z } from "zod";
import { scenarioSchema } from "./schema";

export function scenarioJsonSchema(): Record<string, unknown> {
  // "input" describes what an author writes (before zod trims text), which is what an editor should complete.
  return z.toJSONSchema(scenarioSchema, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
}

/** The exact text of the committed file (stable key order, trailing newline). */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
