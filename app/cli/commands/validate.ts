// `webside validate [files...]`: checks scenario files (default: every scenarios/*.json) and prints one line per problem.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { validateScenario, type ScenarioProblem } from "~/core/scenario";
import type { CliCommand } from "../types";

const help = `Usage: webside validate [files...]

Validates scenario JSON files against the schema and the graph checks (unreachable nodes, dead ends,
missing targets, loops with no exit, undeclared names, size limits).
With no files, validates every scenarios/*.json except scenario.schema.json.
Prints one line per problem:  <file>: <error|warning> <node>/<choice>: <message>
Exits 1 when any file has an error; warnings alone do not fail.`;

/** The bundled scenario files, in name order; the published JSON Schema lives beside them and is skipped. */
export async function bundledScenarioFiles(dir = path.resolve("scenarios")): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter((name) => name.endsWith(".json") && !name.endsWith(".schema.json"))
    .sort()
    .map((name) => path.join(dir, name));
}

export function formatProblem(file: string, problem: ScenarioProblem): string {
  const where = problem.nodeId ? ` ${problem.nodeId}${problem.choiceId ? `/${problem.choiceId}` : ""}` : "";
  return `${file}: ${problem.severity}${where}: ${problem.message}`;
}

export async function validateFiles(
  files: string[],
  print: (line: string) => void,
): Promise<{ errors: number; warnings: number }> {
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const shown = path.relative(process.cwd(), path.resolve(file)) || file;
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (cause) {
      errors += 1;
      print(`${shown}: error: cannot read the file (${cause instanceof Error ? cause.message : String(cause)}).`);
      continue;
    }
    for (const problem of validateScenario(text).problems) {
      if (problem.severity === "error") errors += 1;
      else warnings += 1;
      print(formatProblem(shown, problem));
    }
  }
  return { errors, warnings };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export const command: CliCommand = {
  help,
  async run(argv) {
    const files = argv.length > 0 ? argv : await bundledScenarioFiles();
    if (files.length === 0) {
      console.error("validate: no scenario files found in scenarios/.");
      return 1;
    }
    const { errors, warnings } = await validateFiles(files, (line) => console.log(line));
    console.log(`Checked ${plural(files.length, "file")}: ${plural(errors, "error")}, ${plural(warnings, "warning")}.`);
    return errors > 0 ? 1 : 0;
  },
};
