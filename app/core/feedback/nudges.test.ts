import { describe, expect, it } from "vitest";
import { CHECK_NAMES, GOOD_STATES } from "./classify";
import { NUDGE_PRIORITY, NUDGE_TEXT, nudgeText, selectNudges } from "./nudges";
import type { StableStates } from "./stabilise";

const allGood: StableStates = { ...GOOD_STATES };
const withStates = (s: Partial<StableStates>): StableStates => ({ ...allGood, ...s });

describe("nudges", () => {
  it("says nothing when everything is good or not yet known", () => {
    expect(selectNudges(allGood)).toEqual([]);
    const unknown = Object.fromEntries(CHECK_NAMES.map((c) => [c, null])) as unknown as StableStates;
    expect(selectNudges(unknown)).toEqual([]);
  });

  it("has one sentence, ending in a full stop, for every problem and none for good states", () => {
    for (const check of CHECK_NAMES) {
      expect(nudgeText(check, GOOD_STATES[check])).toBeUndefined();
      for (const text of Object.values(NUDGE_TEXT[check])) expect(text).toMatch(/^[A-Z][^.]*\.$/);
    }
    expect(new Set(NUDGE_PRIORITY)).toEqual(new Set(CHECK_NAMES));
  });

  it("uses the product's wording", () => {
    expect(nudgeText("backlight", "backlit")).toBe(
      "There is light behind you: face the window or add a lamp in front of you.",
    );
    expect(nudgeText("presence", "absent")).toBe("We can't see you: check your camera is on and you are in view.");
    expect(nudgeText("distance", "too-far")).toBe("Move a little closer to the camera.");
  });

  it("tells a person whose face is at the image's left to move to their own left", () => {
    expect(nudgeText("centring", "left")).toMatch(/to your left/);
    expect(nudgeText("centring", "right")).toMatch(/to your right/);
  });

  it("shows at most two, in priority order", () => {
    const many = withStates({
      eyeContact: "away",
      headPose: "turned",
      lighting: "too-bright",
      centring: "right",
      distance: "too-close",
    });
    expect(selectNudges(many).map((n) => n.check)).toEqual(["distance", "centring"]);
    expect(selectNudges(withStates({ eyeContact: "away", headPose: "turned" })).map((n) => n.check)).toEqual([
      "headPose",
      "eyeContact",
    ]);
    expect(selectNudges(many, 1)).toHaveLength(1);
  });

  it("shows only the presence nudge when we cannot see the person", () => {
    const nudges = selectNudges(withStates({ presence: "absent", lighting: "too-dark", centring: "left" }));
    expect(nudges).toEqual([{ check: "presence", state: "absent", text: NUDGE_TEXT.presence.absent }]);
    expect(selectNudges(withStates({ presence: "far" }))[0]!.text).toMatch(/move closer/);
  });

  it("does not add 'too dark' on top of 'light behind you'", () => {
    const nudges = selectNudges(withStates({ backlight: "backlit", lighting: "too-dark", headPose: "turned" }));
    expect(nudges.map((n) => n.state)).toEqual(["backlit", "turned"]);
  });
});
