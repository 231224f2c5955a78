// Sends queued xAPI statements to each organisation's LRS in the background: basic auth, X-Experience-API-Version
// 1.0.3, exponential back-off on failure, errors kept on the queue item for the admin's LRS page.
import type { Store, XapiQueueItem } from "~/storage/types";
import {
  lrsErrorReason,
  lrsHeaders,
  lrsStatusProblem,
  postToLrs,
  statementsUrl,
  type LrsRules,
} from "~/services/lrs-endpoint.server";

export interface XapiPusherOptions {
  store: Store;
  /** How often to look for due statements (default 5 s). */
  intervalMs?: number;
  /** Most statements sent per round (default 50). */
  batchSize?: number;
  /** First retry delay, doubled on each further failure up to maxDelayMs (defaults 30 s and 1 h). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Per-request time limit (default 10 s), so a hanging LRS cannot stall the queue. */
  timeoutMs?: number;
  /** Production sends over https only. */
  production?: boolean;
  /** LRS_ALLOW_PRIVATE: may the LRS be on a loopback, private or link-local address? (default no) */
  allowPrivate?: boolean;
  now?: () => Date;
  log?: (message: string) => void;
}

export interface PushReport {
  sent: number;
  failed: number;
}

/** 30 s, 1 min, 2 min, ... capped at the maximum; tries counts failures so far (1 after the first). */
export function backoffDelay(tries: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, tries - 1));
}

export function createXapiPusher(options: XapiPusherOptions) {
  const { store } = options;
  const rules: LrsRules = { production: options.production ?? false, allowPrivate: options.allowPrivate ?? false };
  const now = options.now ?? (() => new Date());
  const base = options.baseDelayMs ?? 30_000;
  const max = options.maxDelayMs ?? 3_600_000;
  const log = options.log ?? ((m: string) => console.warn(m));

  async function fail(item: XapiQueueItem, error: string): Promise<void> {
    const delay = backoffDelay(item.tries + 1, base, max);
    await store.markXapiFailed(item.id, error.slice(0, 500), new Date(now().getTime() + delay).toISOString());
  }

  async function pushOne(
    item: XapiQueueItem,
    lrs: { endpoint: string; username: string; password: string },
  ): Promise<boolean> {
    let status: number;
    let statusText: string;
    try {
      ({ status, statusText } = await postToLrs(
        statementsUrl(lrs.endpoint),
        {
          headers: { "Content-Type": "application/json", ...lrsHeaders(lrs) },
          body: JSON.stringify(item.statement),
          timeoutMs: options.timeoutMs ?? 10_000,
        },
        rules,
      ));
    } catch (error) {
      const reason = lrsErrorReason(error);
      await fail(item, `Could not reach the LRS at ${lrs.endpoint}: ${reason}`);
      return false;
    }
    // 409: the LRS already holds a statement with this id (ids are stable per attempt), so sending again cannot help.
    if ((status >= 200 && status < 300) || status === 409) {
      await store.markXapiSent(item.id, now().toISOString());
      return true;
    }
    // Only the status and our own words: the remote body may hold anything, and admins see this text.
    await fail(item, lrsStatusProblem({ status, statusText }) ?? `The LRS answered ${status}.`);
    return false;
  }

  /** One round: every due statement, grouped by organisation so each uses its own LRS settings. */
  async function runOnce(): Promise<PushReport> {
    const due = await store.listDueXapi(now().toISOString(), options.batchSize ?? 50);
    const report: PushReport = { sent: 0, failed: 0 };
    const settings = new Map<string, Awaited<ReturnType<Store["getOrgSettings"]>>>();
    for (const item of due) {
      if (!settings.has(item.orgId)) settings.set(item.orgId, await store.getOrgSettings(item.orgId));
      const lrs = settings.get(item.orgId)?.lrs;
      if (!lrs) {
        await fail(item, "No LRS is set up for this organisation any more.");
        report.failed += 1;
        continue;
      }
      if (await pushOne(item, lrs)) report.sent += 1;
      else report.failed += 1;
    }
    return report;
  }

  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = false;

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce()
        .catch((error: unknown) => log(`xAPI pusher: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => {
          running = null;
          schedule();
        });
    }, options.intervalMs ?? 5_000);
    // The pusher must never keep the process alive on its own.
    timer.unref?.();
  }

  return {
    runOnce,
    start() {
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/** Starts the background pusher for a server process. */
export function startXapiPusher(options: XapiPusherOptions) {
  const pusher = createXapiPusher(options);
  pusher.start();
  return pusher;
}
