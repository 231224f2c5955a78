// Every write to an attempt goes through reviseAttempt: a write that loses a race is re-checked against the fresh
// record and applied again, a bounded number of times, and the reflection, presence and abandon paths rely on it.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConflictError } from "~/storage/errors";
import type { Attempt } from "~/storage/types";
import { abandonAttempt, REVISE_TRIES, reviseAttempt, saveReflection, startAttempt } from "~/services/attempts.server";
import { getScenario } from "~/services/catalogue.server";
import { createHarness, type Harness } from "../access/harness";

process.env.SCENARIOS_DIR = path.resolve("tests/access/fixtures/scenarios");

let harness: Harness;

async function fresh(): Promise<Attempt> {
  const scenario = await getScenario(harness.context, harness.orgA, "fixture-consultation");
  return startAttempt(harness.context, await harness.viewer("clinician"), scenario!, {
    mode: "learning",
    confidenceBefore: 2,
  });
}

beforeAll(async () => {
  harness = await createHarness();
});
afterAll(async () => harness.close());

describe("reviseAttempt", () => {
  it("applies the change again to the fresh record when another write got in first", async () => {
    const read = await fresh();
    await harness.store.updateAttempt(read.id, read.revision, { reflection: "written meanwhile" });
    const seen: Array<string | null> = [];
    const revised = await reviseAttempt(harness.context, read, (current) => {
      seen.push(current.reflection);
      return { patch: { confidenceAfter: 4 } };
    });
    expect(seen).toEqual([null, "written meanwhile"]);
    expect(revised.ok && revised.attempt).toMatchObject({ reflection: "written meanwhile", confidenceAfter: 4 });
  });

  it("checks again on the fresh record, and stores nothing when the check now fails", async () => {
    const read = await fresh();
    await abandonAttempt(harness.context, read);
    const revised = await reviseAttempt(harness.context, read, (current) =>
      current.status === "in-progress" ? { patch: { reflection: "too late" } } : { refuse: current.status },
    );
    expect(revised).toMatchObject({ ok: false, refusal: "abandoned" });
    expect((await harness.store.getAttempt(read.id))!.reflection).toBeNull();
  });

  it(`gives up with a conflict after ${REVISE_TRIES} tries against a writer that always gets in first`, async () => {
    const read = await fresh();
    let writes = 0;
    const store = new Proxy(harness.store, {
      get(target, name, receiver) {
        if (name !== "updateAttempt") return Reflect.get(target, name, receiver) as unknown;
        return async () => {
          writes += 1;
          throw new ConflictError("someone else again");
        };
      },
    });
    const context = { ...harness.context, store };
    await expect(reviseAttempt(context, read, () => ({ patch: { reflection: "x" } }))).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(writes).toBe(REVISE_TRIES);
  });
});

describe("writes that go through it", () => {
  it("keeps a reflection saved while another write (a late camera summary) lands", async () => {
    const attempt = await fresh();
    await harness.store.updateAttempt(attempt.id, attempt.revision, { status: "completed" });
    const completed = (await harness.store.getAttempt(attempt.id))!;
    await harness.store.updateAttempt(completed.id, completed.revision, { presence: null });
    const saved = await saveReflection(harness.context, completed, { reflection: "Slow down", confidenceAfter: 4 });
    expect(saved).toEqual({ ok: true });
    expect(await harness.store.getAttempt(attempt.id)).toMatchObject({ reflection: "Slow down", confidenceAfter: 4 });
  });

  it("refuses a reflection on an attempt that has not ended, storing nothing", async () => {
    const attempt = await fresh();
    const saved = await saveReflection(harness.context, attempt, { reflection: "early", confidenceAfter: null });
    expect(saved).toMatchObject({ ok: false, status: 400 });
    expect((await harness.store.getAttempt(attempt.id))!.reflection).toBeNull();
  });

  it("ends an attempt that another write moved on meanwhile, and leaves an ended one alone", async () => {
    const attempt = await fresh();
    await harness.store.updateAttempt(attempt.id, attempt.revision, { reflection: "meanwhile" });
    expect((await abandonAttempt(harness.context, attempt)).status).toBe("abandoned");
    const again = await abandonAttempt(harness.context, attempt);
    expect(again.status).toBe("abandoned");
    const events = await harness.store.listAudit({ orgId: harness.orgA, type: "attempt.abandon" });
    expect(events.filter((e) => e.detail.attemptId === attempt.id)).toHaveLength(1);
  });
});
