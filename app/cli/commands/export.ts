// `webside export <file-or-id> --format json|twee|xstate [--org name]`: a scenario file or a stored scenario, converted.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { EXPORT_FORMATS, exportScenario, type ExportFormat } from "~/core/interchange";
import { validateScenario, type Scenario } from "~/core/scenario";
import { parseFlags } from "../args";
import { openConfiguredStore } from "../open-store";
import type { CliCommand } from "../types";
import { bundledScenarioFiles, formatProblem } from "./validate";

const help = `Usage: webside export <file-or-id> --format ${EXPORT_FORMATS.join("|")} [--org "Organisation name"]

Prints a scenario in another format on standard output:
  json    the scenario JSON itself (for git)
  twee    Twee 3, which Twine opens and Webside imports back without loss
  xstate  the XState machine config, accepted by createMachine and Stately's editor
The scenario is a file path, a bundled scenario's id, or (with --org) the id of an organisation's scenario in
the configured store (DATA_FILE or DATABASE_URL): its latest published version, or its draft if never published.`;

async function fromStore(id: string, orgName: string): Promise<unknown> {
  const store = await openConfiguredStore();
  try {
    const org = (await store.listOrganisations()).find((o) => o.name.toLowerCase() === orgName.toLowerCase());
    if (!org) throw new Error(`No organisation is called "${orgName}".`);
    const record = await store.getScenarioRecord(org.id, id);
    if (!record) throw new Error(`${org.name} has no scenario with the id '${id}'.`);
    if (record.latestVersion === null) return record.draft;
    return (await store.getScenarioVersion(org.id, id, record.latestVersion))?.content ?? record.draft;
  } finally {
    await store.close();
  }
}

async function fromFileOrBundled(target: string): Promise<string> {
  try {
    return await readFile(target, "utf8");
  } catch {
    for (const file of await bundledScenarioFiles()) {
      const text = await readFile(file, "utf8");
      if (validateScenario(text).scenario?.id === target) return text;
    }
    throw new Error(
      `'${target}' is neither a readable file nor a bundled scenario id (add --org to export an organisation's scenario).`,
    );
  }
}

export const command: CliCommand = {
  help,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, { format: { type: "string" }, org: { type: "string" } }, true);
    const format = values.format as ExportFormat | undefined;
    if (positionals.length !== 1 || !format || !EXPORT_FORMATS.includes(format)) {
      console.error(`export: give one scenario and --format ${EXPORT_FORMATS.join("|")}.\n\n${help}`);
      return 1;
    }
    const target = positionals[0]!;
    const input = values.org ? await fromStore(target, values.org) : await fromFileOrBundled(target);
    const report = validateScenario(input);
    if (!report.ok || !report.scenario) {
      for (const problem of report.problems.filter((p) => p.severity === "error"))
        console.error(formatProblem(path.basename(target), problem));
      console.error(`export: '${target}' has errors; fix them before exporting.`);
      return 1;
    }
    process.stdout.write(exportScenario(report.scenario as Scenario, format).text);
    return 0;
  },
};
