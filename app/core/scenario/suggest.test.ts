import { describe, expect, it } from "vitest";
import { closestMatch, didYouMean, editDistance } from "./suggest";

describe("suggestions", () => {
  it("measures edit distance", () => {
    expect(editDistance("farewel", "farewell")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("suggests only plausible typos", () => {
    expect(didYouMean("farewel", ["greeting", "farewell"])).toBe(" (did you mean 'farewell'?)");
    expect(closestMatch("Greeting", ["greeting"])).toBe("greeting");
    expect(closestMatch("xyz", ["greeting", "farewell"])).toBeUndefined();
    expect(didYouMean("ab", ["cd"])).toBe("");
  });
});
