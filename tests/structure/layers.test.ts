// The layer rules, checked on the source so they stay true (ADR 0055): routes are thin and never touch storage, every
// form is read through parseForm, and one module writes to stored attempts.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROUTE_LINE_LIMIT = 150;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

const routes = filesUnder("app/routes").map((file) => ({ file, text: readFileSync(file, "utf8") }));

describe("routes", () => {
  it("are all read (the checks below would pass on an empty folder)", () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  it(`are at most ${ROUTE_LINE_LIMIT} lines each: presentational parts live in components, behaviour in services`, () => {
    const long = routes
      .map(({ file, text }) => ({ file, lines: text.split("\n").length - (text.endsWith("\n") ? 1 : 0) }))
      .filter((r) => r.lines > ROUTE_LINE_LIMIT)
      .map((r) => `${r.file}: ${r.lines} lines`);
    expect(long).toEqual([]);
  });

  it("never touch storage: no context.store and no import from app/storage", () => {
    const touching = routes
      .filter(({ text }) => /context\.store\b/.test(text) || /from\s+["'](~|\.\.?)\/(.*\/)?storage\//.test(text))
      .map((r) => r.file);
    expect(touching).toEqual([]);
  });

  it("read forms only through parseForm (or its formValues), never field by field", () => {
    const byHand = routes
      .filter(({ text }) =>
        /\bform(Data)?\.(get|getAll)\(|Object\.fromEntries\(\s*(await )?(request\.)?form/.test(text),
      )
      .map((r) => r.file);
    expect(byHand).toEqual([]);
  });
});

describe("attempts", () => {
  it("are written in one place: reviseAttempt in services/attempts", () => {
    const writers = filesUnder("app")
      .filter((file) => !file.startsWith(path.join("app", "storage")))
      .filter((file) => /\.updateAttempt\(/.test(readFileSync(file, "utf8")));
    expect(writers).toEqual([path.join("app", "services", "attempts", "revise.server.ts")]);
  });
});
