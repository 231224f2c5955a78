// `webside import <file> [--out file] [--format twee|h5p|xstate|json]`: turns a Twine, H5P or XState file into a draft.
import { readFile, stat, writeFile } from "node:fs/promises";
import { importScenario, IMPORT_FORMATS } from "~/core/interchange";
import { SCENARIO_LIMITS, validateScenario } from "~/core/scenario";
import { parseFlags } from "../args";
import type { CliCommand } from "../types";
import { formatProblem } from "./validate";

const help = `Usage: webside import <file> [--out draft.json] [--format ${IMPORT_FORMATS.join("|")}]

Reads a Twine story (Twee 3 text), an H5P Branching Scenario content.json or an XState machine config and writes
a Webside scenario draft as JSON (to --out, or to standard output). Prints the import report on standard error:
everything that could not be mapped, then the draft's validation problems, so you know what to finish by hand.
The format is taken from the file name and content unless --format is given. Exits 1 if the file was refused.
The Twine conventions (speakers, endings, effects) are in docs/twee-conventions.md.`;

export const command: CliCommand = {
  help,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, { out: { type: "string" }, format: { type: "string" } }, true);
    if (positionals.length !== 1) {
      console.error(`import: give exactly one file.\n\n${help}`);
      return 1;
    }
    const file = positionals[0]!;
    const size = (await stat(file)).size;
    if (size > SCENARIO_LIMITS.fileBytes) {
      console.error(
        `import: ${file} is ${Math.ceil(size / 1024)} KB; imports are limited to ${SCENARIO_LIMITS.fileBytes / 1024} KB.`,
      );
      return 1;
    }
    const result = importScenario(new Uint8Array(await readFile(file)), { filename: file, format: values.format });
    for (const item of result.report) console.error(`${file}: ${item.severity} ${item.where}: ${item.message}`);
    if (!result.draft) {
      console.error(`import: ${file} was not imported.`);
      return 1;
    }
    const validation = validateScenario(result.draft);
    for (const problem of validation.problems) console.error(formatProblem("draft", problem));
    const text = `${JSON.stringify(result.draft, null, 2)}\n`;
    if (values.out) {
      await writeFile(values.out, text);
      const errors = validation.problems.filter((p) => p.severity === "error").length;
      console.error(
        `Wrote ${values.out} (${result.format}, ${Object.keys(result.draft.nodes).length} nodes, ${errors} validation error(s) to fix).`,
      );
    } else {
      process.stdout.write(text);
    }
    return 0;
  },
};
