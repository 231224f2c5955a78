import { describe, expect, it } from "vitest";
import { findHiddenCharacters, hasHiddenCharacters, withoutHiddenCharacters } from "./hidden-characters";

describe("hidden characters", () => {
  it.each(["\u0000", "\u0008", "\u000B", "\u001F", "\u007F", "\u202A", "\u202E", "\u2066", "\u2069"])(
    "finds %j",
    (character) => expect(hasHiddenCharacters(`a${character}b`)).toBe(true),
  );

  it("leaves tabs, line breaks, accents, right-to-left scripts and emoji alone", () => {
    expect(hasHiddenCharacters("Line one\r\n\tLine two: Siobhán, نور, 🙂, \u200F")).toBe(false);
  });

  it("names where in a JSON value the first one is, keys included", () => {
    expect(findHiddenCharacters({ nodes: { start: { lines: [{ text: "ok" }, { text: "bad\u202E" }] } } })).toBe(
      "nodes.start.lines[1].text",
    );
    expect(findHiddenCharacters({ nodes: { "evil\u0000": {} } })).toBe("nodes.evil\u0000");
    expect(findHiddenCharacters({ title: "fine", cast: [{ name: "Sam" }] })).toBeNull();
  });

  it("removes them for echoing a refused field back", () => {
    expect(withoutHiddenCharacters("Dr\u0000 \u202EEvil\u2069")).toBe("Dr Evil");
  });
});
