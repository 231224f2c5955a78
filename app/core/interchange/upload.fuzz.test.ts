// Fuzzing the upload path: whatever arrives, importScenario answers quickly with a draft or a report, and never
// pollutes Object.prototype.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importScenario } from ".";

const FRAGMENTS = [
  ":: ",
  "::StoryTitle\n",
  ':: StoryData\n{"start":"A"}\n',
  "[[",
  "]]",
  "->",
  "<-",
  "|",
  "\n",
  "[tag ending-good speaker:x effect:rapport+9]",
  "{",
  "}",
  '<!-- webside:choice {"__proto__":{"polluted":1}} -->',
  '<!-- webside:node {"constructor":{"prototype":{"polluted":1}}} -->',
  "@maria: ",
  "<<set $x>>",
  "(if: $a)",
  "\\[",
  "__proto__",
  "constructor",
  "A",
  "B",
];

const tweeText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(""));
const protoKey = fc.constantFrom(
  "__proto__",
  "constructor",
  "prototype",
  "states",
  "branchingScenario",
  "content",
  "nodes",
  "start",
  "on",
  "type",
  "library",
  "params",
);
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.string({ maxLength: 8 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    tie("object"),
    tie("array"),
  ),
  object: fc.dictionary(protoKey, tie("value"), { maxKeys: 5 }),
  array: fc.array(tie("value"), { maxLength: 4 }),
})).value;
const jsonText = jsonValue.map((v) => JSON.stringify(v).replace(/"(__proto__|constructor|prototype)"/g, '"$1"'));
const protoJson = fc.constantFrom(
  '{"__proto__": {"polluted": true}, "states": {}}',
  '{"branchingScenario": {"content": [{"type": {"library": "H5P.AdvancedText 1.1", "params": {"__proto__": {"polluted": 1}}}}]}}',
  '{"constructor": {"prototype": {"polluted": 1}}, "nodes": {}, "start": "a"}',
);
const deep = fc
  .tuple(
    fc.integer({ min: 30, max: 10000 }),
    fc.constantFrom("[", '{"a":'),
    fc.constantFrom("states", "branchingScenario"),
  )
  .map(([depth, open, key]) => {
    const close = open === "[" ? "]" : "}";
    return `{"${key}": ${open.repeat(depth)}1${close.repeat(depth)}}`;
  });
const bytes = fc.uint8Array({ maxLength: 2000 });
const input = fc.oneof(
  tweeText,
  jsonText,
  protoJson,
  deep,
  bytes,
  fc.string({ maxLength: 500 }),
  fc.constant("x".repeat(256 * 1024 + 1)),
);
const format = fc.constantFrom(undefined, "twee", "h5p", "xstate", "json", "docx");

describe("upload fuzzing", () => {
  it("answers 10,000 generated uploads within 100 ms each, with a draft or a reasoned rejection", () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    let slowest = 0;
    fc.assert(
      fc.property(input, format, (upload, fmt) => {
        const options = fmt ? { format: fmt } : {};
        let started = performance.now();
        let result = importScenario(upload, options);
        let elapsed = performance.now() - started;
        if (elapsed >= 100) {
          // A garbage-collection pause can land inside any one call; the same input timed again shows the importer's own cost.
          started = performance.now();
          result = importScenario(upload, options);
          elapsed = performance.now() - started;
        }
        slowest = Math.max(slowest, elapsed);
        expect(elapsed).toBeLessThan(100);
        if (result.draft === null) {
          expect(result.report.some((n) => n.severity === "error" && n.message.length > 10 && n.where.length > 0)).toBe(
            true,
          );
        } else {
          expect(typeof result.draft).toBe("object");
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 10_000 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(slowest).toBeLessThan(100);
  }, 120_000);

  it("rejects the classic bad inputs with a message naming where", () => {
    expect(importScenario("x".repeat(256 * 1024 + 1)).report[0]!.message).toMatch(/limited to 256 KB/);
    expect(importScenario(new Uint8Array([0x3a, 0x3a, 0x20, 0x41, 0x0a, 0xff, 0xfe])).report[0]).toMatchObject({
      where: "line 2",
    });
    expect(importScenario('{"states": {"__proto__": {}}}').report[0]!.message).toMatch(
      /'__proto__' at states.__proto__ is not allowed/,
    );
    expect(importScenario(`{"states": ${"[".repeat(100)}${"]".repeat(100)}}`).report[0]!.message).toMatch(
      /nested more than/,
    );
    expect(importScenario("hello").report[0]!.message).toMatch(/cannot tell what kind of file/);
    expect(importScenario("{}", { format: "docx" }).report[0]!.message).toMatch(/'docx' is not a format/);
    expect(importScenario('{"states": {', {}).report[0]!.where).toMatch(/^line 1, column/);
    const many = Array.from({ length: 501 }, (_, i) => `:: P${i}\n[[P${i + 1}]]\n`).join("\n");
    expect(importScenario(many, { format: "twee" }).report[0]!.message).toMatch(
      /501 passages; a scenario may have at most 500/,
    );
  });
});
