import { describe, expect, it } from "vitest";
import { JOIN_CODE_ALPHABET, formatJoinCode, generateJoinCode, normaliseJoinCode } from "./join-code";

const bytes = (values: number[]) => () => Uint8Array.from(values);

describe("generateJoinCode", () => {
  it("maps each byte's low five bits onto the alphabet", () => {
    expect(generateJoinCode(bytes([0, 1, 31, 32, 255, 10, 18, 100]))).toBe("01Z0ZAJ4");
  });

  it("uses only unambiguous characters and reaches every one of them", () => {
    expect(JOIN_CODE_ALPHABET).toHaveLength(32);
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[ILOU]/);
    const seen = new Set<string>();
    for (let start = 0; start < 256; start += 8) {
      const code = generateJoinCode(() => Uint8Array.from({ length: 8 }, (_, i) => start + i));
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
      for (const c of code) seen.add(c);
    }
    expect(seen.size).toBe(32);
  });

  it("refuses too few random bytes rather than making a short code", () => {
    expect(() => generateJoinCode(bytes([1, 2, 3]))).toThrow(/8 random bytes/);
  });
});

describe("normaliseJoinCode", () => {
  it("reads a code however it is typed: case, spaces, hyphens and look-alike letters", () => {
    for (const typed of ["7K4M-Q2XD", "7k4mq2xd", " 7k4m q2xd ", "7K4M - Q2XD"]) {
      expect(normaliseJoinCode(typed)).toEqual({ ok: true, code: "7K4MQ2XD" });
    }
    expect(normaliseJoinCode("o1il-abcd")).toEqual({ ok: true, code: "0111ABCD" });
  });

  it("reads the code from a pasted join link", () => {
    expect(normaliseJoinCode("https://webside.example.org/live/join/7K4M-Q2XD")).toEqual({
      ok: true,
      code: "7K4MQ2XD",
    });
    expect(normaliseJoinCode("/live/join?code=7k4mq2xd")).toEqual({ ok: true, code: "7K4MQ2XD" });
  });

  it("says what is wrong with a code it cannot read", () => {
    expect(normaliseJoinCode("")).toMatchObject({ ok: false, message: expect.stringMatching(/Enter the join code/) });
    expect(normaliseJoinCode("7K4M-Q2X")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/8 characters; you entered 7/),
    });
    expect(normaliseJoinCode("7K4M-Q2XU")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/"U" is not one/),
    });
    expect(normaliseJoinCode("7K4M*Q2XD")).toMatchObject({ ok: false, message: expect.stringMatching(/"\*"/) });
  });

  it("round-trips every generated code through its displayed form", () => {
    for (let seed = 0; seed < 50; seed++) {
      const code = generateJoinCode(() => Uint8Array.from({ length: 8 }, (_, i) => (seed * 37 + i * 101) % 256));
      expect(formatJoinCode(code)).toMatch(/^.{4}-.{4}$/);
      expect(normaliseJoinCode(formatJoinCode(code).toLowerCase())).toEqual({ ok: true, code });
    }
  });
});
