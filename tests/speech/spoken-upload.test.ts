// POST /api/attempts/:id/presence with "say it first" turns: per-turn numbers are stored (and kept across a reload's
// shorter upload); transcripts, audio, extra fields, out-of-range figures and unknown nodes are refused.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPresenceRecorder, type PresenceSummary } from "~/core/feedback";
import type { SpokenTurn } from "~/core/speech/spoken-turn-schema";
import { action } from "~/routes/api.attempts.$attemptId.presence";
import { startAttempt } from "~/services/attempts.server";
import { getScenario } from "~/services/catalogue.server";
import { createHarness, type Harness } from "../access/harness";

process.env.SCENARIOS_DIR = path.resolve("tests/access/fixtures/scenarios");

let harness: Harness;
let attemptId: string;

const turn = (step: number, node: string, overrides: Partial<SpokenTurn> = {}): SpokenTurn => ({
  step,
  node,
  optionsShownEarly: false,
  onsetMs: 850,
  speakingMs: 4200,
  pauseCount: 2,
  longestPauseMs: 640,
  talkOverMs: 0,
  syllablesPerSecond: 4.4,
  pitchVariationSt: 2.1,
  camera: { ms: 4000, eyeContact: 0.7, framingOk: 1, lightingOk: 0.9 },
  ...overrides,
});

/** A summary with the camera off (no frames): the voice figures travel on their own. */
const withTurns = (spoken: unknown): Omit<PresenceSummary, "spoken"> & { spoken: unknown } => ({
  ...createPresenceRecorder().summary(),
  spoken,
});

async function post(body: unknown): Promise<Response> {
  const headers = new Headers({ Origin: "http://localhost", "Content-Type": "application/json" });
  headers.set("Cookie", harness.cookie("clinician")!);
  const request = new Request(`http://localhost/api/attempts/${attemptId}/presence`, {
    method: "POST",
    headers,
    body: JSON.stringify(body),
  });
  return action({ request, context: harness.context, params: { attemptId } });
}

const storedTurns = async () =>
  ((await harness.store.getAttempt(attemptId))!.presence as { spoken?: SpokenTurn[] } | null)?.spoken;

beforeAll(async () => {
  harness = await createHarness();
  const scenario = await getScenario(harness.context, harness.orgA, "fixture-consultation");
  attemptId = (
    await startAttempt(harness.context, await harness.viewer("clinician"), scenario!, {
      mode: "learning",
      confidenceBefore: null,
      sayItFirst: true,
    })
  ).id;
});
afterAll(async () => harness?.close());

describe("spoken turns with the presence summary", () => {
  it("starts the attempt in say-it-first mode", async () => {
    expect((await harness.store.getAttempt(attemptId))!.sayItFirst).toBe(true);
  });

  it("stores per-turn figures sent with the camera off", async () => {
    const spoken = [turn(0, "hello", { camera: null }), turn(1, "ask", { optionsShownEarly: true, onsetMs: null })];
    expect((await post(withTurns(spoken))).status).toBe(200);
    expect(await storedTurns()).toEqual(spoken);
  });

  it("keeps earlier turns when a later upload (after a reload) has only the newest, and takes newer figures for a step", async () => {
    const newer = turn(1, "ask", { speakingMs: 5100 });
    expect((await post(withTurns([newer, turn(2, "opens-up")]))).status).toBe(200);
    const kept = await storedTurns();
    expect(kept?.map((t) => t.step)).toEqual([0, 1, 2]);
    expect(kept?.[1]?.speakingMs).toBe(5100);
  });

  it.each([
    ["a transcript", () => [{ ...turn(3, "hello"), transcript: "I'm sorry to hear that" }]],
    ["recorded audio", () => [{ ...turn(3, "hello"), audio: "data:audio/wav;base64,UklGRiQAAABXQVZF" }]],
    ["words in place of a figure", () => [{ ...turn(3, "hello"), speakingMs: "about four seconds" }]],
    [
      "extra camera data",
      () => [
        { ...turn(3, "hello"), camera: { ms: 10, eyeContact: 1, framingOk: 1, lightingOk: 1, landmarks: [1, 2] } },
      ],
    ],
    ["a negative speaking time", () => [turn(3, "hello", { speakingMs: -5 })]],
    ["an impossible syllable rate", () => [turn(3, "hello", { syllablesPerSecond: 55 })]],
    ["a share above 1", () => [turn(3, "hello", { camera: { ms: 10, eyeContact: 1.5, framingOk: 1, lightingOk: 1 } })]],
    ["two turns with the same step", () => [turn(3, "hello"), turn(3, "ask")]],
    ["a list that is not turns", () => "spoke for 4 s"],
  ])("refuses %s with 400 and keeps what was stored", async (_label, make) => {
    const before = await storedTurns();
    const response = await post(withTurns(make()));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/refused/);
    expect(await storedTurns()).toEqual(before);
  });

  it("refuses a turn on a node that is not in the scenario", async () => {
    const response = await post(withTurns([turn(4, "not-a-node")]));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toContain("'not-a-node'");
  });
});
