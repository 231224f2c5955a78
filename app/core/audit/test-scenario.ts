// Test-only: a two-decision scenario whose audit figures are worked out by hand in audit.test.ts.
import type { Choice, Scenario } from "../scenario/schema";

/** A response text of exactly `length` characters, so the length figures are known. */
export const textOfLength = (length: number, start = "Say") => `${start} ${"x".repeat(length - start.length - 1)}`;

function choice(id: string, length: number, next: string, effects: Choice["effects"], extra: Partial<Choice> = {}) {
  return { id, text: textOfLength(length), next, effects, feedback: `Feedback for ${id}.`, ...extra };
}

export function knownAnswersScenario(): Scenario {
  return {
    id: "audit-known-answers",
    version: 1,
    title: "Audit fixture",
    summary: "Two decisions with hand-computed audit figures.",
    setting: "one-to-one",
    specialty: "Testing",
    minutes: 5,
    objectives: ["Known answers"],
    competencies: ["safety", "rapport"],
    passMark: 70,
    cast: [{ id: "pat", name: "Pat", role: "patient", bio: "A patient." }],
    start: "a",
    nodes: {
      a: {
        lines: [{ speaker: "pat", text: "Hello." }],
        choices: [
          choice("a1", 40, "b", { safety: 2 }),
          choice("a2", 10, "b", { safety: -3 }),
          choice("a3", 20, "b", { rapport: 1 }),
        ],
      },
      b: {
        lines: [{ speaker: "pat", text: "What now?" }],
        choices: [
          choice("b1", 10, "good", { rapport: 2 }),
          { ...choice("b2", 30, "poor", { rapport: -1 }), text: "You never need to worry about it." },
          choice("b3", 20, "good", { rapport: 2 }, { critical: { reason: "Unsafe (test)." } }),
        ],
      },
      good: { lines: [], ending: { outcome: "good", title: "Good", summary: "Went well." } },
      poor: { lines: [], ending: { outcome: "poor", title: "Poor", summary: "Went badly." } },
    },
  };
}
