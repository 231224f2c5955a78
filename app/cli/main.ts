// The `webside` command line: a table of sub-commands, each loaded only when it is used.
import type { CliCommand } from "./types";

const COMMANDS: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  validate: {
    summary: "Validate scenario files (default: every scenarios/*.json); exits 1 on errors",
    load: () => import("./commands/validate").then((m) => m.command),
  },
  audit: {
    summary: "Audit scenario files for test-wiseness: length cues, strategy bots, random walks, critical choices",
    load: () => import("./commands/audit").then((m) => m.command),
  },
  "export-xstate": {
    summary: "Print a scenario's machine as plain XState JSON config",
    load: () => import("./commands/export-xstate").then((m) => m.command),
  },
  import: {
    summary: "Import a Twine (.twee), H5P Branching Scenario or XState file as a scenario draft (--out draft.json)",
    load: () => import("./commands/import").then((m) => m.command),
  },
  export: {
    summary: "Export a scenario file or stored scenario as json, twee or xstate (--format, --org for stored ones)",
    load: () => import("./commands/export").then((m) => m.command),
  },
  "create-admin": {
    summary: "Create an organisation's first admin (reads the password from a prompt or stdin)",
    load: () => import("./commands/create-admin").then((m) => m.command),
  },
  "db:migrate": {
    summary: "Apply pending PostgreSQL migrations (DATABASE_URL or --url) and print which ran",
    load: () => import("./commands/db-migrate").then((m) => m.command),
  },
  migrate: {
    summary: "Copy a lowdb data file into PostgreSQL (--from data/webside.json --to $DATABASE_URL [--dry-run])",
    load: () => import("./commands/migrate").then((m) => m.command),
  },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    "Usage: webside <command> [options]",
    "",
    "Commands:",
    ...lines,
    "",
    "Run `webside <command> --help` for a command's options.",
  ].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(usage());
    return name ? 0 : 1;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    console.error(`Unknown command "${name}".\n\n${usage()}`);
    return 1;
  }
  const command = await entry.load();
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(command.help);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    console.error(`webside ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
