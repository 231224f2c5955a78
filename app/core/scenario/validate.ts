// Validates a scenario (text or parsed data) in stages: raw safety checks, the zod schema, names, then the graph.
import { graphChecks } from "./graph-checks";
import { sortProblems, type ValidationReport } from "./problems";
import { checkParsedSize, checkRawValue, parseScenarioText } from "./raw-json";
import { referenceChecks } from "./reference-checks";
import { scenarioSchema } from "./schema";
import { schemaProblems } from "./schema-problems";

/**
 * Accepts the file's text (checked for size and JSON syntax) or already-parsed data.
 * Later stages only run when earlier ones pass, so every message refers to data that is shaped as expected.
 */
export function validateScenario(input: unknown): ValidationReport {
  let value: unknown = input;
  if (typeof input === "string") {
    const parsed = parseScenarioText(input);
    if (!parsed.ok) return { ok: false, problems: parsed.problems };
    value = parsed.value;
  }
  // Forbidden keys and runaway nesting are checked on the raw data, before zod or anything else walks it.
  const rawProblems = checkRawValue(value);
  if (rawProblems.length > 0) return { ok: false, problems: rawProblems };
  if (typeof input !== "string") {
    const sizeProblems = checkParsedSize(value);
    if (sizeProblems.length > 0) return { ok: false, problems: sizeProblems };
  }

  const result = scenarioSchema.safeParse(value);
  if (!result.success) return { ok: false, problems: schemaProblems(result.error, value) };

  const scenario = result.data;
  const problems = sortProblems([...graphChecks(scenario), ...referenceChecks(scenario)]);
  return { ok: !problems.some((p) => p.severity === "error"), scenario, problems };
}

/** Parses and validates, throwing one readable error listing every error; for bundled files and tests. */
export function parseScenario(input: unknown): NonNullable<ValidationReport["scenario"]> {
  const report = validateScenario(input);
  if (report.ok && report.scenario) return report.scenario;
  const errors = report.problems.filter((p) => p.severity === "error").map((p) => `- ${p.message}`);
  throw new Error(`The scenario is not valid:\n${errors.join("\n")}`);
}
