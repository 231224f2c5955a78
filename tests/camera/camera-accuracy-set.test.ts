// The camera-accuracy benchmark's parts that need no browser: the labelled set covers what issue 13 asks for, and the
// check's lines on the page are read back into the advice they give.
import { describe, expect, it } from "vitest";
import { NUDGE_TEXT } from "~/core/feedback/nudges";
import { verdictOf, type PageLine } from "../../scripts/camera/check-verdict";
import { PORTRAITS } from "../../scripts/camera/portraits";
import { keystoneBelow, placedHead, situationsFor, VERDICTS } from "../../scripts/camera/situations";
import { EYE_LINE_MIN_Y, FACE_WIDTH_MIN } from "~/core/feedback/thresholds";

const all = PORTRAITS.flatMap(situationsFor);

describe("the labelled camera situations", () => {
  it("are at least 60, from two portraits, with unique ids and known labels", () => {
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(new Set(all.map((s) => s.portrait.name)).size).toBe(2);
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    for (const s of all) expect(VERDICTS).toContain(s.label);
  });

  it("cover every situation the issue names, for both portraits", () => {
    for (const portrait of PORTRAITS) {
      const labels = new Set(situationsFor(portrait).map((s) => s.label));
      for (const label of [
        "ready",
        "centre-left",
        "centre-right",
        "move-closer",
        "move-back",
        "head-cut-off",
        "too-dark",
        "too-bright",
        "backlit",
        "raise-camera",
        "lower-camera",
        "no-face",
      ] as const)
        expect(labels, `${portrait.name}: ${label}`).toContain(label);
      expect(situationsFor(portrait).filter((s) => s.filter.includes("perspective=")).length).toBeGreaterThanOrEqual(4);
    }
  });

  it("keep the whole head in view, and the face wide enough, where the label is about the eye line", () => {
    // Checked on the placement numbers: a "raise your camera" picture whose crown is out, or whose face the keystone
    // narrowed below the distance floor, would really call for "head cut off" or "move closer" first.
    for (const portrait of PORTRAITS) {
      const high = placedHead(portrait, 0.85, 0.21);
      expect(high.crown).toBeGreaterThan(0.01);
      expect(high.width).toBeGreaterThan(FACE_WIDTH_MIN + 0.015);
      for (const [eyes, k] of [
        [0.25, 0.05],
        [0.26, 0.1],
      ] as const) {
        const head = placedHead(portrait, 1, eyes);
        const eyesAfter = keystoneBelow(eyes, k);
        expect(eyesAfter.u).toBeLessThan(EYE_LINE_MIN_Y - 0.015);
        expect(keystoneBelow(head.crown, k).u).toBeGreaterThan(0.015);
        expect(head.width * eyesAfter.widthScale).toBeGreaterThan(FACE_WIDTH_MIN + 0.015);
      }
      const cut = placedHead(portrait, 1.7, 0.3);
      expect(cut.crown).toBeLessThan(0);
    }
  });
});

describe("reading the check's verdict from the page", () => {
  const line = (item: string, status: string, text = ""): PageLine => ({ item, status, text });
  const ok = ["framing", "distance", "eyeLine", "lighting"].map((item) => line(item, "ok", "fine"));

  it("is ready only when every camera line is good, whatever the microphone says", () => {
    expect(verdictOf([...ok, line("microphone", "fix", "We can't hear you yet")]).verdict).toBe("ready");
    expect(verdictOf([...ok.slice(0, 3), line("lighting", "checking", "Checking…")]).verdict).toBe("checking");
  });

  it("names the most important problem shown, by the nudge it shows", () => {
    const lines = [
      line("framing", "fix", NUDGE_TEXT.headInFrame["cut-off"]),
      line("distance", "fix", NUDGE_TEXT.distance["too-close"]),
      line("eyeLine", "ok", "fine"),
      line("lighting", "fix", NUDGE_TEXT.lighting["too-dark"]),
    ];
    const seen = verdictOf(lines);
    expect(seen.verdict).toBe("move-back");
    expect(seen.problems).toEqual(["distance:too-close", "headInFrame:cut-off", "lighting:too-dark"]);
  });

  it("treats both ways of asking the person to come closer as one verdict", () => {
    expect(verdictOf([line("framing", "fix", NUDGE_TEXT.presence.far)]).verdict).toBe("move-closer");
    expect(verdictOf([...ok.slice(0, 1), line("distance", "fix", NUDGE_TEXT.distance["too-far"])]).verdict).toBe(
      "move-closer",
    );
    expect(verdictOf([line("framing", "fix", NUDGE_TEXT.presence.absent)]).verdict).toBe("no-face");
  });
});
