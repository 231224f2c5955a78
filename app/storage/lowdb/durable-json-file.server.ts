// A lowdb Adapter for one JSON file that is durable: atomic fsynced replacement, rotating backups, and a refusal
// (never a silent reset to defaults) when the file on disk cannot be understood.
import path from "node:path";
import type { Adapter } from "lowdb";
import { StoreUnavailableError } from "../errors";
import { writeFileAtomic } from "./atomic-write.server";
import type { BackupRotation } from "./backups.server";
import { errorCode, nodeFs, type DurableFs } from "./file-system.server";

export interface DurableJsonFileOptions<T> {
  /** Checks (and may repair) what was parsed; throws an Error whose message says what is wrong. */
  validate?: (value: unknown) => T;
  /** Where to look for the newest backup copy of this file when it is refused (the store backs up the whole set). */
  backups?: BackupRotation;
  /** The newest backup copy of this file, named when it is refused (default: the rotation's copy of it). */
  newestBackup?: () => Promise<string | null>;
  fs?: DurableFs;
}

export class DurableJsonFile<T> implements Adapter<T> {
  readonly file: string;
  private readonly fs: DurableFs;

  constructor(
    file: string,
    private readonly options: DurableJsonFileOptions<T> = {},
  ) {
    this.file = path.resolve(file);
    this.fs = options.fs ?? nodeFs;
  }

  /** null when the file does not exist yet (lowdb then keeps its defaults); throws when it exists but is unusable. */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = (await this.fs.readFile(this.file)).toString("utf8");
    } catch (error) {
      if (errorCode(error) === "ENOENT") return null;
      throw new StoreUnavailableError(
        `Cannot read the data file ${this.file}: ${error instanceof Error ? error.message : String(error)}. Check that the file and its folder are readable by this user.`,
      );
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const reason = text.trim() === "" ? "it is empty" : `it is not valid JSON (${(error as Error).message})`;
      throw await this.unusable(reason);
    }
    if (!this.options.validate) return value as T;
    try {
      return this.options.validate(value);
    } catch (error) {
      throw await this.unusable(error instanceof Error ? error.message : String(error));
    }
  }

  /**
   * Resolves only once the new bytes are fsynced, renamed over the file and the directory is fsynced (unless
   * `syncFolder` is false: see writeFileAtomic).
   */
  async write(data: T, options: { syncFolder?: boolean } = {}): Promise<void> {
    // Serialise before any await so the bytes are one consistent moment of the data.
    // Compact: the whole file is rewritten on each of its writes, and indentation would add a third to its size.
    const text = `${JSON.stringify(data)}\n`;
    await writeFileAtomic(this.file, text, this.fs, options);
  }

  /** The message a person needs: which file, why, and how to get going again without losing data. */
  private async unusable(reason: string): Promise<StoreUnavailableError> {
    const newest = this.options.newestBackup
      ? await this.options.newestBackup().catch(() => null)
      : ((await this.options.backups?.newestCopyOf(this.file).catch(() => null)) ?? null);
    const restore = newest
      ? `The newest backup is ${newest}. To restore it: stop Webside, move the broken file aside (keep it for inspection), copy the backup to ${this.file}, and start Webside again.`
      : `There is no backup${this.options.backups ? ` in ${this.options.backups.dir}` : ""}. Repair the file by hand, or move it aside to start with an empty store.`;
    return new StoreUnavailableError(
      `The data file ${this.file} cannot be used: ${reason}. Webside has not changed it. ${restore}`,
    );
  }
}
