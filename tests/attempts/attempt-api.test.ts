// The server is the authority on attempts: illegal, stale, foreign and cross-organisation choices are refused and
// store nothing; a choice moves the persisted snapshot on; an attempt resumes from the store alone.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as practiceAction, loader as practiceLoader } from "~/routes/attempts.$attemptId._index";
import type { Attempt } from "~/storage/types";
import { choicesMade, chooseInAttempt, startAttempt } from "~/services/attempts.server";
import { getScenario } from "~/services/catalogue.server";
import { createHarness, makeRequest, statusOf, type Harness, type Persona } from "../access/harness";

process.env.SCENARIOS_DIR = path.resolve("tests/access/fixtures/scenarios");

let harness: Harness;
let attempt: Attempt;

async function fresh(): Promise<Attempt> {
  const scenario = await getScenario(harness.context, harness.orgA, "fixture-consultation");
  return startAttempt(harness.context, await harness.viewer("clinician"), scenario!, {
    mode: "learning",
    confidenceBefore: 2,
  });
}

function post(persona: Persona, id: string, form: Record<string, string>) {
  return statusOf(
    practiceAction as never,
    makeRequest(harness, persona, "POST", `/attempts/${id}`, form),
    harness.context,
    { attemptId: id },
  );
}

beforeAll(async () => {
  harness = await createHarness();
  attempt = await fresh();
});
afterAll(async () => harness.close());

describe("choosing in an attempt", () => {
  it("moves the persisted attempt on by one step and redirects back to the room", async () => {
    const a = await fresh();
    expect(await post("clinician", a.id, { intent: "choose", choiceId: "warm", step: "0" })).toBe(302);
    const stored = await harness.store.getAttempt(a.id);
    expect(stored?.revision).toBe(1);
    expect(stored?.path).toEqual(["hello", expect.any(String)]);
  });

  it("refuses a choice that is not offered with 400 and stores nothing", async () => {
    const outcome = await chooseInAttempt(harness.context, attempt, { choiceId: "not-offered", step: 0 });
    expect(outcome).toMatchObject({ ok: false, status: 400, code: "illegal-choice" });
    expect((await harness.store.getAttempt(attempt.id))?.revision).toBe(0);
  });

  it("refuses a stale choice with 409 and stores nothing", async () => {
    const a = await fresh();
    expect(await post("clinician", a.id, { intent: "choose", choiceId: "warm", step: "0" })).toBe(302);
    // The same page submits again with the step it was showing.
    expect(await post("clinician", a.id, { intent: "choose", choiceId: "warm", step: "0" })).toBe(409);
    expect((await harness.store.getAttempt(a.id))?.revision).toBe(1);
  });

  it("does not call a choice stale because something other than a choice was saved meanwhile", async () => {
    const a = await fresh();
    // The page loaded at 0 choices; then the camera summary (or a reflection) was stored, moving the record's version.
    await harness.store.updateAttempt(a.id, a.revision, { presence: null, reflection: "note" });
    expect(await post("clinician", a.id, { intent: "choose", choiceId: "warm", step: "0" })).toBe(302);
    const stored = await harness.store.getAttempt(a.id);
    expect(stored?.path).toHaveLength(2);
    // And when that other write lands between reading the attempt and storing the choice, the choice is retried.
    const b = await fresh();
    await harness.store.updateAttempt(b.id, b.revision, { reflection: "x" });
    const outcome = await chooseInAttempt(harness.context, b, { choiceId: "warm", step: 0 });
    expect(outcome.ok).toBe(true);
  });

  it("lets exactly one of two simultaneous choices win", async () => {
    const a = await fresh();
    const results = await Promise.all([
      chooseInAttempt(harness.context, a, { choiceId: "warm", step: 0 }),
      chooseInAttempt(harness.context, a, { choiceId: "cold", step: 0 }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ status: 409, code: "stale" });
    expect((await harness.store.getAttempt(a.id))?.revision).toBe(1);
  });

  it("refuses another clinician's attempt and another organisation's with 404, storing nothing", async () => {
    for (const persona of ["educator", "admin", "other-clinician", "other-admin"] as const) {
      expect(await post(persona, attempt.id, { intent: "choose", choiceId: "warm", step: "0" }), persona).toBe(404);
    }
    expect((await harness.store.getAttempt(attempt.id))?.revision).toBe(0);
    const denied = await harness.store.listAudit({ orgId: harness.orgB, type: "access.denied" });
    expect(denied.some((e) => e.detail.path === `/attempts/${attempt.id}`)).toBe(true);
  });

  it("plays to an ending and computes completion, scores and pass/fail on the server", async () => {
    let a = await fresh();
    for (let i = 0; i < 20 && a.status === "in-progress"; i++) {
      const scenario = (await getScenario(harness.context, harness.orgA, "fixture-consultation"))!;
      const { viewOf } = await import("~/core/scenario");
      const view = viewOf(scenario, a.snapshot);
      const outcome = await chooseInAttempt(harness.context, a, {
        choiceId: view.choices[0]!.id,
        step: choicesMade(a),
      });
      if (!outcome.ok) throw new Error(outcome.message);
      a = outcome.attempt;
    }
    expect(a.status).toBe("completed");
    expect(a.result).toMatchObject({
      passed: expect.any(Boolean),
      overall: expect.any(Number),
      endingId: expect.any(String),
    });
    expect(a.completedAt).not.toBeNull();
    const again = await chooseInAttempt(harness.context, a, { choiceId: "warm", step: choicesMade(a) });
    expect(again).toMatchObject({ ok: false, status: 409, code: "not-in-progress" });
  });
});

/** The practice room's loader data for the clinician's attempt. */
async function loadRoom(id: string) {
  const request = makeRequest(harness, "clinician", "GET", `/attempts/${id}`);
  return (await practiceLoader({ request, context: harness.context, params: { attemptId: id } } as never)) as {
    view: {
      history: Array<{ chosen: { id: string } | null }>;
      attempt: { step: number; sayItFirst: boolean };
    };
  };
}

describe("resuming", () => {
  it("rebuilds the room from the stored snapshot alone, after a new login", async () => {
    const a = await fresh();
    await post("clinician", a.id, { intent: "choose", choiceId: "warm", step: "0" });
    await harness.refreshSessions();
    const data = await loadRoom(a.id);
    expect(data.view.attempt.step).toBe(1);
    expect(data.view.history[0]?.chosen?.id).toBe("warm");
    expect(data.view.history.at(-1)?.chosen).toBeNull();
  });

  it("tells the room whether the attempt was started in say-it-first mode", async () => {
    const scenario = await getScenario(harness.context, harness.orgA, "fixture-consultation");
    const viewer = await harness.viewer("clinician");
    const room = async (sayItFirst: boolean) => {
      const a = await startAttempt(harness.context, viewer, scenario!, {
        mode: "learning",
        confidenceBefore: null,
        sayItFirst,
      });
      return (await loadRoom(a.id)).view.attempt.sayItFirst;
    };
    expect(await room(true)).toBe(true);
    expect(await room(false)).toBe(false);
  });
});
