import { describe, expect, it } from "vitest";
import { sharedTextCount, shareSnapshotText } from "./shared-text.server";

const feedback =
  "Speaking to the patient rather than to the interpreter puts her at the centre of her own consultation.";
// As read from a shard: each attempt parsed separately, so each holds its own copy of the same feedback.
const stored = (id: string, reflection: string) =>
  JSON.parse(
    JSON.stringify({
      id,
      reflection,
      snapshot: {
        context: { transcript: [{ nodeId: "intro", choiceId: "intro-direct", feedback, effects: { a: 2 } }] },
      },
    }),
  ) as Record<string, unknown>;

describe("text shared between attempts read from disk", () => {
  it("keeps one instance per distinct long text in snapshots, and changes no value", () => {
    const first = stored("a1", "My own long reflection on what happened in this consultation.");
    const second = stored("a2", "My own long reflection on what happened in this consultation.");
    const expected = structuredClone(first);
    const before = sharedTextCount();
    shareSnapshotText(first);
    // The feedback is new (one held); ids shorter than the threshold are left as they are.
    expect(sharedTextCount()).toBe(before + 1);
    shareSnapshotText(second);
    expect(sharedTextCount()).toBe(before + 1);
    expect(first).toEqual(expected);
    expect(second).toEqual({ ...expected, id: "a2" });
  });

  it("leaves what the clinician wrote outside the snapshot alone", () => {
    const attempt = stored(
      "a3",
      "A reflection long enough to be shared if it were inside the snapshot, which it is not.",
    );
    const before = sharedTextCount();
    shareSnapshotText(attempt);
    expect(sharedTextCount()).toBe(before);
  });
});
