// Once a minute on every instance: save the expiry of live sessions nobody looks at, and delete relayed signals older
// than the two minutes a reconnecting stream may ask for (the privacy text promises they go).
import type { AppLoadContext } from "@remix-run/node";
import { SIGNAL_LIMITS } from "~/core/live";
import { sweepLiveSessions } from "./sessions.server";

export async function liveHousekeeping(context: AppLoadContext): Promise<{ expired: number; pruned: number }> {
  const expired = await sweepLiveSessions(context);
  const before = new Date(context.now().getTime() - SIGNAL_LIMITS.replayMs).toISOString();
  const pruned = await context.store.pruneLiveSignals(before);
  return { expired, pruned };
}

export function startLiveHousekeeping(context: AppLoadContext, everyMs = 60_000): { stop(): void } {
  const timer = setInterval(() => {
    liveHousekeeping(context).catch((error: unknown) => {
      console.error(`Live session housekeeping failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
