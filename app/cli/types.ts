// What every `webside` sub-command module exports.
export interface CliCommand {
  /** Shown for `webside <command> --help`. */
  help: string;
  /** Returns the process exit code: 0 for success, 1 for errors the user can fix. */
  run(argv: string[]): Promise<number>;
}
