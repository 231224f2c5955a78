import { describe, expect, it } from "vitest";
import { COMPETENCIES } from "../competencies";
import { COMPETENCY_ANCHORS } from "./competency-anchors";
import { OBSERVER_RATING_LIMITS, observerNoteInputSchema, observerRatingSchemaFor } from "./observer-rating";
import { PATIENT_PERSPECTIVE_ITEMS, patientPerspectiveSchema } from "./patient-perspective";

function firstMessage(result: { success: boolean; error?: { issues: Array<{ message: string }> } }): string {
  if (result.success) throw new Error("expected a refusal");
  return result.error!.issues[0]!.message;
}

describe("behavioural anchors", () => {
  it("describe 1, 3 and 5 for every competency, briefly and differently", () => {
    for (const competency of COMPETENCIES) {
      const anchors = COMPETENCY_ANCHORS[competency];
      const texts = [anchors[1], anchors[3], anchors[5]];
      for (const text of texts) expect(text.length, `${competency}: ${text}`).toBeLessThanOrEqual(140);
      expect(new Set(texts).size).toBe(3);
    }
  });
});

describe("the observer's rating", () => {
  const assessed = ["rapport", "safety", "tech"] as const;
  const draft = observerRatingSchemaFor(assessed, { final: false });
  const final = observerRatingSchemaFor(assessed, { final: true });
  const note = { atMs: 65_000, nodeId: "hello", text: "Named the frozen picture calmly." };

  it("saves a draft with some competencies rated and no global rating yet", () => {
    const rating = { competencies: { rapport: 4 }, global: null, notes: [note], comment: null };
    expect(draft.parse(rating)).toEqual(rating);
  });

  it("needs every assessed competency and a global rating to be final", () => {
    const partial = { competencies: { rapport: 4, safety: 2 }, global: 3, notes: [], comment: null };
    expect(firstMessage(final.safeParse(partial))).toBe("Rate every competency: Webside manner still needs a rating.");
    const complete = { ...partial, competencies: { ...partial.competencies, tech: 5 } };
    expect(final.parse(complete)).toEqual(complete);
    expect(final.safeParse({ ...complete, global: null }).success).toBe(false);
  });

  it("refuses competencies the scenario does not assess, and ratings outside 1-5", () => {
    expect(firstMessage(draft.safeParse({ competencies: { group: 3 }, global: null, notes: [], comment: null }))).toBe(
      "This scenario does not assess Group facilitation; rate only Rapport, Safety, Webside manner.",
    );
    for (const bad of [0, 6, 2.5]) {
      expect(draft.safeParse({ competencies: { rapport: bad }, global: null, notes: [], comment: null }).success).toBe(
        false,
      );
    }
    expect(draft.safeParse({ competencies: { nonsense: 3 }, global: null, notes: [], comment: null }).success).toBe(
      false,
    );
  });

  it("bounds notes and comments, with messages that say the limit", () => {
    const many = Array.from({ length: OBSERVER_RATING_LIMITS.notes + 1 }, () => note);
    expect(firstMessage(draft.safeParse({ competencies: {}, global: null, notes: many, comment: null }))).toBe(
      "Keep to 60 notes per session.",
    );
    expect(firstMessage(observerNoteInputSchema.safeParse({ text: "x".repeat(501) }))).toBe(
      "Keep a note to 500 characters.",
    );
    expect(firstMessage(observerNoteInputSchema.safeParse({ text: "   " }))).toBe("Write the note before adding it.");
    expect(observerNoteInputSchema.safeParse({ text: "ok", atMs: 5 }).success).toBe(false);
  });
});

describe("the patient's perspective", () => {
  const answers = Object.fromEntries(PATIENT_PERSPECTIVE_ITEMS.map((item) => [item.id, 4]));

  it("has short plain-language items, one of which may not apply", () => {
    expect(PATIENT_PERSPECTIVE_ITEMS.length).toBeGreaterThanOrEqual(5);
    for (const item of PATIENT_PERSPECTIVE_ITEMS) expect(item.text.length).toBeLessThanOrEqual(100);
    expect(PATIENT_PERSPECTIVE_ITEMS.filter((item) => "mayNotApply" in item).map((item) => item.id)).toEqual([
      "call-trouble",
    ]);
  });

  it("accepts one answer from 1 to 5 per item, null only where it may not apply", () => {
    const view = { castId: "maria", answers: { ...answers, "call-trouble": null }, comment: "Slow down." };
    expect(patientPerspectiveSchema.parse(view)).toEqual(view);
    expect(patientPerspectiveSchema.safeParse({ ...view, answers: { ...answers, heard: null } }).success).toBe(false);
    expect(patientPerspectiveSchema.safeParse({ ...view, answers: { ...answers, heard: 7 } }).success).toBe(false);
    const { plan: _plan, ...missing } = answers;
    expect(patientPerspectiveSchema.safeParse({ ...view, answers: missing }).success).toBe(false);
    expect(patientPerspectiveSchema.safeParse({ ...view, answers: { ...answers, extra: 3 } }).success).toBe(false);
    expect(patientPerspectiveSchema.safeParse({ ...view, comment: "x".repeat(501) }).success).toBe(false);
  });
});
