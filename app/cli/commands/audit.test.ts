import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { knownAnswersScenario } from "~/core/audit/test-scenario";
import { command as audit } from "./audit";

let dir: string | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = null;
});

function captureLog() {
  const lines: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(" "));
  });
  return lines;
}

async function scenarioFile(data: unknown): Promise<string> {
  dir = await mkdtemp(path.join(os.tmpdir(), "webside-audit-"));
  const file = path.join(dir, "known.json");
  await writeFile(file, JSON.stringify(data));
  return file;
}

describe("webside audit", () => {
  it("prints the table with the hand-computed figures and exits 1 when a threshold is broken", async () => {
    const file = await scenarioFile(knownAnswersScenario());
    const lines = captureLog();
    expect(await audit.run([file, "--walks", "900"])).toBe(1);
    const text = lines.join("\n");
    expect(text).toContain("audit-known-answers v1: FAILS the audit");
    expect(text).toMatch(/best is longest\s+50% \(1 of 2; at most 45%\)\s+<- FAIL/);
    expect(text).toMatch(/best is shortest\s+50% \(1 of 2\)/);
    expect(text).toMatch(/largest length ratio\s+2\.67x at a\/a1/);
    expect(text).toMatch(/longest-response bot\s+50%, fails \(poor ending\)/);
    expect(text).toMatch(/shortest-response bot\s+34%, fails \(good ending\)/);
    expect(text).toMatch(/random walks \(900\)\s+mean \d+\.\d%, pass rate \d+(\.\d)?% \(at most 2%\)\s+<- FAIL/);
    expect(text).toMatch(/passing paths with a critical\s+0 of 1 passing, 9 paths \(every path\)/);
    expect(text).toMatch(/failed only by the critical rule\s+1 paths/);
    expect(text).toMatch(/warning a\/a1: .*1\.3x/);
    expect(lines.filter((l) => l.includes("fix:"))).toHaveLength(3);
    expect(lines.at(-1)).toBe("Audited 1 scenario: 1 fail.");
  });

  it("exits 0 when every threshold holds", async () => {
    // Pass mark 90: no path passes (the best is 84), and the best response is made the shortest at node a.
    const scenario = knownAnswersScenario();
    scenario.passMark = 90;
    const a1 = scenario.nodes.a?.choices?.[0];
    if (!a1) throw new Error("fixture changed");
    a1.text = "Check first.";
    const lines = captureLog();
    expect(await audit.run([await scenarioFile(scenario), "--walks", "500", "--quiet"])).toBe(0);
    expect(lines.join("\n")).toContain("audit-known-answers v1: passes the audit");
    expect(lines.at(-1)).toBe("Audited 1 scenario: all pass.");
  });

  it("refuses a bad --walks and does not audit a scenario with errors", async () => {
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      errors.push(args.map(String).join(" "));
    });
    const lines = captureLog();
    expect(await audit.run(["--walks", "lots"])).toBe(1);
    expect(errors[0]).toMatch(/--walks must be a whole number/);
    expect(await audit.run([path.resolve("tests/fixtures/scenarios/dead-end.json")])).toBe(1);
    expect(lines[0]).toMatch(/dead-end\.json: not audited: the scenario has errors/);
  });
});
