// Refused cross-site requests, counted per minute per reason instead of one audit row each (issue 12): anyone can
// send them without logging in, so a row per request let strangers grow the audit log at will. The first refusal
// of a reason in a minute is written at once (so it shows up while it happens), the rest as one row with a count.
import type { AuditEvent } from "~/storage/types";

type Write = (event: Omit<AuditEvent, "id" | "at">) => Promise<unknown>;

interface Pending {
  count: number;
  method: string;
  samplePath: string;
}

export class RefusalTally {
  private minute = -1;
  private readonly pending = new Map<string, Pending>();
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly write: Write,
    private readonly now: () => Date,
    flushMs = 60_000,
  ) {
    this.timer = setInterval(() => this.flush(), flushMs);
    this.timer.unref();
  }

  record(reason: string, request: { method: string; path: string }): void {
    const minute = Math.floor(this.now().getTime() / 60_000);
    if (minute !== this.minute) {
      this.flush();
      this.minute = minute;
    }
    const seen = this.pending.get(reason);
    if (seen) {
      seen.count += 1;
      return;
    }
    this.pending.set(reason, { count: 0, method: request.method, samplePath: request.path.slice(0, 200) });
    this.emit(reason, 1, request.method, request.path.slice(0, 200));
  }

  /** Writes the counts gathered since the last flush. */
  flush(): void {
    for (const [reason, entry] of this.pending) {
      if (entry.count > 0) this.emit(reason, entry.count, entry.method, entry.samplePath);
      entry.count = 0;
    }
    if (Math.floor(this.now().getTime() / 60_000) !== this.minute) this.pending.clear();
  }

  stop(): void {
    clearInterval(this.timer);
    this.flush();
  }

  private emit(reason: string, count: number, method: string, samplePath: string): void {
    void this.write({
      type: "csrf.refused",
      orgId: null,
      actorId: null,
      detail: { reason, count, method, samplePath, minute: new Date(this.minute * 60_000).toISOString() },
    }).catch(() => undefined);
  }
}
