// Live session join codes: made from random bytes, shown as "ABCD-EFGH", and read back however a person types them.

/**
 * Crockford's base-32 alphabet: digits and capitals without I, L, O and U, so a code read aloud or copied from a
 * screen has no look-alike pairs. The letters people confuse with digits are mapped onto them when a code is read.
 */
export const JOIN_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** 8 characters of 5 bits: about 10^12 codes, and a code only opens a session to members of its own organisation. */
export const JOIN_CODE_LENGTH = 8;

const LOOK_ALIKES: Record<string, string> = { O: "0", I: "1", L: "1" };

/**
 * A new code from `JOIN_CODE_LENGTH` random bytes (the caller supplies them: `crypto.getRandomValues` in the app, fixed
 * bytes in tests). 256 is a multiple of 32, so keeping the low 5 bits of each byte is unbiased.
 */
export function generateJoinCode(randomBytes: (count: number) => Uint8Array): string {
  const bytes = randomBytes(JOIN_CODE_LENGTH);
  if (bytes.length < JOIN_CODE_LENGTH) throw new Error(`generateJoinCode needs ${JOIN_CODE_LENGTH} random bytes`);
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[bytes[i]! & 31];
  return code;
}

/** How a code is shown and read aloud: two groups of four. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export type JoinCodeReading = { ok: true; code: string } | { ok: false; message: string };

/**
 * Reads what a person typed or pasted: case, spaces and hyphens do not matter, O/I/L count as 0/1, and a pasted
 * join link works too (the code is its last path segment).
 */
export function normaliseJoinCode(input: string): JoinCodeReading {
  const lastSegment =
    input
      .trim()
      .split(/[/?#=]/)
      .filter(Boolean)
      .at(-1) ?? "";
  const compact = lastSegment.toUpperCase().replace(/[\s-]/g, "");
  const code = [...compact].map((c) => LOOK_ALIKES[c] ?? c).join("");
  if (code.length === 0) return { ok: false, message: "Enter the join code you were given, e.g. 7K4M-Q2XD." };
  const bad = [...code].find((c) => !JOIN_CODE_ALPHABET.includes(c));
  if (bad !== undefined) {
    return {
      ok: false,
      message: `A join code has only letters and digits; "${bad}" is not one of them. Check the code and try again.`,
    };
  }
  if (code.length !== JOIN_CODE_LENGTH) {
    return {
      ok: false,
      message: `A join code has ${JOIN_CODE_LENGTH} characters; you entered ${code.length}. Check the code and try again.`,
    };
  }
  return { ok: true, code };
}
