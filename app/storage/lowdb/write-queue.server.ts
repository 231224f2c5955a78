// Serialises writes of the data file and lets changes that arrive during a write share the next one (group commit):
// each caller resolves only after a write that began after its change has reached the disk.
interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class WriteQueue {
  private waiting: Waiter[] = [];
  private running: Promise<void> | null = null;

  /**
   * @param write writes the whole current data; one at a time.
   * @param onFailure runs synchronously after a failed write, before any caller hears of it (the store rolls back
   *   its memory to the file there); every change waiting at that moment is rejected, because the rollback drops it.
   */
  constructor(
    private readonly write: () => Promise<void>,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  /** Call right after changing the data in memory; resolves once that change is on disk. */
  commit(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.running ??= this.run();
    });
  }

  /** Resolves when nothing is waiting or being written (used by close). */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  private async run(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        // Always asynchronous (even if write throws at once), so `running` is set before this loop can end.
        await Promise.resolve().then(() => this.write());
        for (const waiter of batch) waiter.resolve();
      } catch (error) {
        this.onFailure(error);
        const dropped = [...batch, ...this.waiting];
        this.waiting = [];
        for (const waiter of dropped) waiter.reject(error);
      }
    }
    this.running = null;
  }
}
