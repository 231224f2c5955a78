// `webside export-xstate <file>`: prints a scenario's machine as plain XState JSON for Stately's tools or createMachine.
import { readFile } from "node:fs/promises";
import { machineConfig, validateScenario } from "~/core/scenario";
import type { CliCommand } from "../types";
import { formatProblem } from "./validate";

const help = `Usage: webside export-xstate <file>

Validates the scenario, then prints its XState v5 machine config as JSON on standard output.
The config holds no functions: guards and actions are named with JSON parameters ("condition", "visit",
"applyChoice"), so createMachine(config) accepts it as is and Stately's editor can import it.
Redirect to save it:  npx webside export-xstate scenarios/group-physio-shoulder.json > machine.json`;

export const command: CliCommand = {
  help,
  async run(argv) {
    const [file, ...extra] = argv;
    if (!file || extra.length > 0) {
      console.error(`export-xstate: give exactly one scenario file.\n\n${help}`);
      return 1;
    }
    const report = validateScenario(await readFile(file, "utf8"));
    if (!report.ok || !report.scenario) {
      for (const problem of report.problems.filter((p) => p.severity === "error"))
        console.error(formatProblem(file, problem));
      console.error(`export-xstate: ${file} has errors; fix them first (npx webside validate ${file}).`);
      return 1;
    }
    console.log(JSON.stringify(machineConfig(report.scenario), null, 2));
    return 0;
  },
};
