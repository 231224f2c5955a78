import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { command as exportXstate } from "./export-xstate";
import { command as validate } from "./validate";

const fixtures = path.resolve("tests/fixtures/scenarios");
const fixture = (name: string) => path.join(fixtures, `${name}.json`);

function captureLog() {
  const lines: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(" "));
  });
  return lines;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("webside validate", () => {
  it("prints nothing but the summary for a valid file and exits 0", async () => {
    const lines = captureLog();
    expect(await validate.run([fixture("valid-consultation")])).toBe(0);
    expect(lines).toEqual(["Checked 1 file: 0 errors, 0 warnings."]);
  });

  it("prints one line per problem as 'file: severity node/choice: message' and exits 1 on errors", async () => {
    const lines = captureLog();
    expect(await validate.run([fixture("missing-target"), fixture("choice-scores-nothing")])).toBe(1);
    expect(lines).toEqual([
      "tests/fixtures/scenarios/missing-target.json: error listen/wrap-up: Choice 4 of 'listen' points to 'close-mixd', which does not exist (did you mean 'close-mixed'?). Fix the id or add a node called 'close-mixd'.",
      expect.stringMatching(/^tests\/fixtures\/scenarios\/choice-scores-nothing\.json: warning hello\/cold: /),
      "Checked 2 files: 1 error, 1 warning.",
    ]);
  });

  it("exits 0 when there are only warnings", async () => {
    captureLog();
    expect(await validate.run([fixture("choice-scores-nothing")])).toBe(0);
  });

  it("reports a file it cannot read as an error", async () => {
    const lines = captureLog();
    expect(await validate.run([fixture("does-not-exist")])).toBe(1);
    expect(lines[0]).toMatch(/does-not-exist\.json: error: cannot read the file/);
  });
});

describe("webside export-xstate", () => {
  it("prints the plain machine config as JSON", async () => {
    const lines = captureLog();
    expect(await exportXstate.run([fixture("valid-consultation")])).toBe(0);
    const config = JSON.parse(lines.join("\n")) as {
      id: string;
      initial: string;
      states: Record<string, { type?: string }>;
    };
    expect(config).toMatchObject({ id: "fixture-consultation", initial: "hello" });
    expect(config.states["close-good"]?.type).toBe("final");
  });

  it("refuses an invalid scenario and says why", async () => {
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      errors.push(args.map(String).join(" "));
    });
    const lines = captureLog();
    expect(await exportXstate.run([fixture("dead-end")])).toBe(1);
    expect(lines).toEqual([]);
    expect(errors[0]).toMatch(/error opens-up: Node 'opens-up' has no choices/);
  });
});
