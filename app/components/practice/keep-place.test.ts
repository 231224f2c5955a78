import { describe, expect, it } from "vitest";
import { scrollAfterChoice } from "./keep-place";

describe("scrollAfterChoice", () => {
  it("brings the bottom of the responses into view when the new turn still fits above them", () => {
    // 1280x800: the turn starts at 400 px and the responses end at 1100 px; scrolling 308 px shows both.
    expect(scrollAfterChoice({ turnTop: 400, responsesBottom: 1100, viewportHeight: 800 })).toBe(308);
  });

  it("puts the start of the turn at the top when turn and responses are taller than the screen", () => {
    expect(scrollAfterChoice({ turnTop: 600, responsesBottom: 2200, viewportHeight: 844 })).toBe(592);
  });

  it("never scrolls above the page", () => {
    expect(scrollAfterChoice({ turnTop: 4, responsesBottom: 300, viewportHeight: 800 })).toBe(0);
  });

  it("keeps the start of the turn below a sticky strip at the top of a phone screen", () => {
    expect(scrollAfterChoice({ turnTop: 600, responsesBottom: 2200, viewportHeight: 844, topInset: 90 })).toBe(502);
  });
});
