// Minimal flag parsing for the CLI, on node:util's parseArgs so unknown flags are errors rather than ignored.
import { parseArgs, type ParseArgsConfig } from "node:util";

export function parseFlags<T extends NonNullable<ParseArgsConfig["options"]>>(
  argv: string[],
  options: T,
  allowPositionals = false,
) {
  return parseArgs({ args: argv, options, allowPositionals, strict: true });
}
