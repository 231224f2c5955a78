// The lowdb write queue: one write at a time, later changes share the next write, a failure rejects every change it drops.
import { describe, expect, it } from "vitest";
import { WriteQueue } from "~/storage/lowdb/write-queue.server";
import { gate } from "./storage-helpers";

describe("WriteQueue", () => {
  it("never runs two writes at once, and folds changes made during a write into the next one", async () => {
    let running = 0;
    let writes = 0;
    const gates: Array<ReturnType<typeof gate>> = [];
    const queue = new WriteQueue(
      async () => {
        running++;
        expect(running).toBe(1);
        const g = gate();
        gates.push(g);
        await g.promise;
        writes++;
        running--;
      },
      () => {},
    );
    const first = queue.commit();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const later = [queue.commit(), queue.commit(), queue.commit()];
    gates[0]!.open();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(gates).toHaveLength(2);
    gates[1]!.open();
    await Promise.all(later);
    expect(writes).toBe(2);
  });

  it("rejects the failed batch and everything waiting, after the failure handler ran, then carries on", async () => {
    const events: string[] = [];
    let fail = true;
    const hold = gate();
    const queue = new WriteQueue(
      async () => {
        await hold.promise;
        if (fail) throw new Error("disk full");
      },
      () => events.push("rolled back"),
    );
    const inFlight = queue.commit().catch((e: Error) => events.push(`in flight: ${e.message}`));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const waiting = queue.commit().catch((e: Error) => events.push(`waiting: ${e.message}`));
    hold.open();
    await Promise.all([inFlight, waiting]);
    expect(events).toEqual(["rolled back", "in flight: disk full", "waiting: disk full"]);
    fail = false;
    await expect(queue.commit()).resolves.toBeUndefined();
    await queue.drain();
  });
});
