// The open lowdb database the store functions share: the in-memory data, one way to change it (mutate, which
// resolves after the change is on disk), the clock and ids, and the closed/broken states.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Low } from "lowdb";
import { StoreUnavailableError } from "../errors";
import { checkData, type LowdbData } from "./data.server";
import { WriteQueue } from "./write-queue.server";

export class LowdbDatabase {
  private readonly queue: WriteQueue;
  private closed = false;
  /** Set when the memory could not be brought back in line with the file after a failed write. */
  private broken: StoreUnavailableError | null = null;
  lastWriteAt: Date | null = null;
  lastWriteError: Error | null = null;

  constructor(
    private readonly low: Low<LowdbData>,
    readonly file: string,
    private readonly clock: () => Date,
  ) {
    this.queue = new WriteQueue(
      async () => {
        await this.low.write();
        this.lastWriteAt = this.clock();
        this.lastWriteError = null;
      },
      (error) => this.rollBack(error),
    );
  }

  /** The live data, for reading. Callers copy what they return. */
  data(): LowdbData {
    this.assertUsable();
    return this.low.data;
  }

  /**
   * Applies `change` in memory and resolves with a copy of its result once that change is on disk.
   * `change` must be synchronous and must check everything before it changes anything, so a thrown error
   * leaves the data as it was.
   */
  async mutate<R>(change: (data: LowdbData) => R): Promise<R> {
    this.assertUsable();
    const result = change(this.low.data);
    await this.queue.commit();
    return structuredClone(result);
  }

  now(): string {
    return this.clock().toISOString();
  }

  newId(): string {
    return randomUUID();
  }

  get problem(): StoreUnavailableError | null {
    return this.broken;
  }

  /** Waits for writes in flight, then refuses further use. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.queue.drain();
    this.closed = true;
  }

  private assertUsable(): void {
    if (this.broken) throw this.broken;
    if (this.closed) throw new StoreUnavailableError(`The store for ${this.file} has been closed.`);
  }

  /**
   * A failed write leaves the file as it was (the replacement is atomic) but the memory ahead of it. Reading the
   * file back synchronously puts memory in line before any other request can see or build on the lost changes.
   */
  private rollBack(error: unknown): void {
    this.lastWriteError = error instanceof Error ? error : new Error(String(error));
    try {
      this.low.data = checkData(JSON.parse(readFileSync(this.file, "utf8")));
    } catch (reloadError) {
      this.broken = new StoreUnavailableError(
        `Webside could not write ${this.file} (${this.lastWriteError.message}) and could not read it back (${
          reloadError instanceof Error ? reloadError.message : String(reloadError)
        }). Restart Webside once the disk problem is fixed.`,
      );
    }
  }
}
