// First line of defence for an uploaded or bundled file: size, JSON syntax, forbidden keys and nesting depth.
import { error, formatPath, type PathSegment, type ScenarioProblem } from "./problems";
import { SCENARIO_LIMITS } from "./schema";

/** Keys that can reach an object's prototype when data is merged carelessly; rejected anywhere in a scenario. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export type RawParse = { ok: true; value: unknown } | { ok: false; problems: ScenarioProblem[] };

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

function sizeProblem(bytes: number): ScenarioProblem {
  const kb = (bytes / 1024).toFixed(0);
  return error(
    "file-too-large",
    `The scenario is ${kb} KB; the limit is ${SCENARIO_LIMITS.fileBytes / 1024} KB. Split it into two scenarios or shorten long lines and feedback.`,
  );
}

/** Line and column (both from 1) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split("\n");
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** Parses scenario text. JSON.parse only ever creates own properties, so a "__proto__" key cannot touch Object.prototype. */
export function parseScenarioText(text: string): RawParse {
  const bytes = byteLength(text);
  if (bytes > SCENARIO_LIMITS.fileBytes) return { ok: false, problems: [sizeProblem(bytes)] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const position = /position (\d+)/.exec(reason);
    const offset = position?.[1] === undefined ? text.length : Number(position[1]);
    const { line, column } = lineAndColumn(text, offset);
    const detail = reason
      .replace(/ in JSON at position \d+.*$/, "")
      .replace(/^Unexpected end of JSON input$/, "The file ends too early");
    return {
      ok: false,
      problems: [
        error(
          "invalid-json",
          `The file is not valid JSON at line ${line}, column ${column}: ${detail}. Check for a missing comma, quote or bracket just before that point.`,
          { path: `line ${line}, column ${column}` },
        ),
      ],
    };
  }
  return { ok: true, value };
}

/**
 * Walks parsed data without recursion and reports forbidden keys, data that JSON cannot hold and nesting that is
 * deeper than any real scenario needs (which would otherwise let a crafted file exhaust the stack later on).
 */
export function checkRawValue(value: unknown): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const stack: Array<{ value: unknown; path: PathSegment[] }> = [{ value, path: [] }];
  let tooDeep = false;
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    const current = item.value;
    if (current === null || typeof current !== "object") {
      if (typeof current === "function" || typeof current === "symbol" || typeof current === "bigint") {
        problems.push(
          error(
            "not-json",
            `${formatPath(item.path) || "The scenario"} holds a ${typeof current}, which JSON cannot represent.`,
            { path: formatPath(item.path) },
          ),
        );
      }
      continue;
    }
    if (item.path.length >= SCENARIO_LIMITS.jsonDepth) {
      if (!tooDeep) {
        problems.push(
          error(
            "too-deeply-nested",
            `The data is nested more than ${SCENARIO_LIMITS.jsonDepth} levels deep at ${formatPath(item.path)}. Simplify the conditions there.`,
            {
              path: formatPath(item.path),
            },
          ),
        );
      }
      tooDeep = true;
      continue;
    }
    const entries: Array<[PathSegment, unknown]> = Array.isArray(current)
      ? current.map((child, index) => [index, child])
      : Object.keys(current).map((key) => [key, (current as Record<string, unknown>)[key]]);
    for (const [key, child] of entries) {
      const path = [...item.path, key];
      if (typeof key === "string" && FORBIDDEN_KEYS.has(key)) {
        problems.push(
          error(
            "forbidden-key",
            `The key '${key}' at ${formatPath(path)} is not allowed (it can be used to tamper with the app). Remove or rename it.`,
            {
              path: formatPath(path),
            },
          ),
        );
        continue;
      }
      stack.push({ value: child, path });
    }
  }
  return problems;
}

/** Size check for data that arrives already parsed (e.g. from the editor). */
export function checkParsedSize(value: unknown): ScenarioProblem[] {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    return [
      error("not-json", "The scenario cannot be written as JSON (it may refer to itself). Rebuild it from plain data."),
    ];
  }
  const bytes = text === undefined ? 0 : byteLength(text);
  return bytes > SCENARIO_LIMITS.fileBytes ? [sizeProblem(bytes)] : [];
}
