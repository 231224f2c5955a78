import { describe, expect, it } from "vitest";
import { nodeName } from "./problems";
import { fixtureNames, fixtureText, validFixtureData } from "./test-fixtures";
import { validateScenario } from "./validate";

/** One fixture per problem: the code it must produce, and where. */
const EXPECTED: Record<
  string,
  { code: string; severity?: "error" | "warning"; nodeId?: string; choiceId?: string; says?: RegExp }
> = {
  "missing-target": {
    code: "missing-target",
    nodeId: "listen",
    choiceId: "wrap-up",
    says: /points to 'close-mixd', which does not exist \(did you mean 'close-mixed'\?\)/,
  },
  "missing-start": { code: "missing-start", says: /did you mean 'hello'/ },
  "unreachable-node": { code: "unreachable-node", nodeId: "aside", says: /Point a choice at it, or delete it/ },
  "unreachable-ending": { code: "unreachable-ending", nodeId: "close-never" },
  "dead-end": { code: "dead-end", nodeId: "opens-up", says: /Add choices or an "ending"/ },
  "cycle-without-exit": {
    code: "cycle-without-exit",
    nodeId: "stuck-a",
    says: /Nodes 'stuck-a', 'stuck-b' form a loop/,
  },
  "choice-scores-nothing": { code: "choice-scores-nothing", severity: "warning", nodeId: "hello", choiceId: "cold" },
  "undeclared-competency": {
    code: "undeclared-competency",
    nodeId: "hello",
    choiceId: "warm",
    says: /changes Safety,/,
  },
  "undeclared-variable": {
    code: "undeclared-variable",
    nodeId: "ask",
    choiceId: "open-question",
    says: /'trusst'.*did you mean 'trust'/,
  },
  "unknown-speaker": { code: "unknown-speaker", nodeId: "ask", says: /did you mean 'maria'/ },
  "duplicate-choice-id": { code: "duplicate-choice-id", nodeId: "hello", choiceId: "warm" },
  "condition-too-deep": {
    code: "condition-too-deep",
    nodeId: "listen",
    choiceId: "summarise",
    says: /5 levels deep; the limit is 4/,
  },
  "no-ending": { code: "no-ending" },
  "ending-with-choices": { code: "ending-with-choices", nodeId: "close-good" },
  "too-many-patients": { code: "too-many-patients" },
  "variable-type-mismatch": { code: "variable-type-mismatch", nodeId: "listen", choiceId: "summarise" },
  "invalid-json": { code: "invalid-json", says: /line 5, column 3/ },
  "proto-key": { code: "forbidden-key", says: /'__proto__' at nodes\.hello\.choices\[0\]\.effects\.__proto__/ },
  "schema-errors": {
    code: "unknown-key",
    nodeId: "hello",
    choiceId: "warm",
    says: /unknown key 'feeback' \(did you mean 'feedback'\?\)/,
  },
};

describe("validateScenario on the fixtures", () => {
  it("accepts the valid fixture with no problems at all", () => {
    const report = validateScenario(fixtureText("valid-consultation"));
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.scenario?.id).toBe("fixture-consultation");
  });

  it("has an expectation for every fixture file", () => {
    expect(
      fixtureNames()
        .filter((n) => n !== "valid-consultation")
        .sort(),
    ).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`reports ${expected.code} for ${name}.json`, () => {
      const report = validateScenario(fixtureText(name));
      const problem = report.problems.find((p) => p.code === expected.code);
      expect(problem, JSON.stringify(report.problems, null, 2)).toBeDefined();
      expect(problem?.severity).toBe(expected.severity ?? "error");
      expect(report.ok).toBe((expected.severity ?? "error") === "warning");
      if (expected.nodeId) expect(problem?.nodeId).toBe(expected.nodeId);
      if (expected.choiceId) expect(problem?.choiceId).toBe(expected.choiceId);
      if (expected.says) expect(problem?.message).toMatch(expected.says);
      // Messages name the node as the editor shows it: by title, the id only for a node without one.
      if (expected.nodeId) expect(problem?.message).toContain(nodeName(JSON.parse(fixtureText(name)), expected.nodeId));
    });
  }

  it("reports every schema mistake in one pass, in the author's words", () => {
    const messages = validateScenario(fixtureText("schema-errors")).problems.map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^The setting of the scenario is the text "groop", which is not allowed \(did you mean 'group'\?\)/,
        ),
        "The pass mark of the scenario is 120; the most allowed is 100.",
        "Choice 1 of 'Joining the call' has no feedback. Add it (text).",
        "The text of line 1 of 'The first question' is 1001 characters long; the limit is 1000. Shorten it.",
      ]),
    );
  });

  it("names nodes by title, choices by position and competencies by label, never by internal keys", () => {
    // The file-safety check names the exact key path on purpose: it is about the file, not the scenario.
    const said = (name: string) =>
      validateScenario(fixtureText(name))
        .problems.filter((p) => p.code !== "forbidden-key")
        .map((p) => p.message);
    expect(said("unknown-speaker")).toContainEqual(
      expect.stringMatching(/^Line 1 of 'The first question' is spoken by 'mariia', who is not in the cast/),
    );
    expect(said("undeclared-competency")).toContainEqual(
      expect.stringMatching(/^Choice 1 of 'Joining the call' changes Safety, which this scenario does not assess/),
    );
    expect(said("dead-end")).toContainEqual(expect.stringMatching(/^The scenario assesses Empathy, but no choice/));
    expect(said("unreachable-ending")).toContainEqual(
      expect.stringMatching(/^Node 'Never' is an ending that no path from the start, 'Joining the call', reaches/),
    );
    for (const name of fixtureNames())
      for (const message of said(name)) expect(message).not.toMatch(/\w\[\d+\]|'(information|empathy|safety)'/);
  });

  it("says a line with no text has no text, naming its node", () => {
    const data = validFixtureData();
    const ask = (data.nodes as Record<string, { lines: Array<{ text: string }> }>).ask!;
    ask.lines[0]!.text = "";
    expect(validateScenario(data).problems.map((p) => p.message)).toContain(
      "Line 1 of 'The first question' has no text. Write it.",
    );
  });

  it("does not also call a node unreachable when a mistyped target was meant for it", () => {
    const codes = validateScenario(fixtureText("missing-target")).problems.map((p) => p.code);
    expect(codes).toEqual(["missing-target"]);
  });
});

describe("validateScenario safety and limits", () => {
  it("leaves Object.prototype untouched when a file has a __proto__ key", () => {
    const report = validateScenario(
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.path)).toEqual(expect.arrayContaining(["__proto__", "constructor"]));
  });

  it("rejects constructor and prototype keys deep inside parsed data", () => {
    const data = validFixtureData();
    (data.nodes as Record<string, Record<string, unknown>>).hello!.prototype = {};
    const report = validateScenario(data);
    expect(report.problems).toEqual([
      expect.objectContaining({ code: "forbidden-key", path: "nodes.hello.prototype" }),
    ]);
  });

  it("rejects a file over 256 KB before parsing it", () => {
    const report = validateScenario(`{"padding": "${"x".repeat(256 * 1024)}"}`);
    expect(report.problems).toEqual([expect.objectContaining({ code: "file-too-large" })]);
  });

  it("rejects parsed data that would be over 256 KB as a file", () => {
    const data = validFixtureData();
    data.summary = "y".repeat(300 * 1024);
    expect(validateScenario(data).problems.map((p) => p.code)).toEqual(["file-too-large"]);
  });

  it("rejects absurdly deep nesting before walking it", () => {
    const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
    expect(validateScenario(deep).problems.map((p) => p.code)).toEqual(["too-deeply-nested"]);
  });

  it("rejects more than 500 nodes", () => {
    const data = validFixtureData();
    const nodes = data.nodes as Record<string, unknown>;
    for (let i = 0; i < 500; i += 1)
      nodes[`extra-${i}`] = { lines: [], ending: { outcome: "good", title: "t", summary: "s" } };
    const report = validateScenario(data);
    expect(report.problems.map((p) => p.code)).toContain("too-many-nodes");
    expect(report.ok).toBe(false);
  });

  it("names a condition mistake inside the union rather than saying 'invalid input'", () => {
    const data = validFixtureData();
    const listen = (data.nodes as Record<string, { choices: Array<Record<string, unknown>> }>).listen!;
    listen.choices[0]!.requires = { var: "consented", op: "equals", value: true };
    const [problem] = validateScenario(data).problems;
    expect(problem).toMatchObject({
      nodeId: "listen",
      choiceId: "summarise",
      path: "nodes.listen.choices[0].requires.op",
    });
    expect(problem?.message).toMatch(
      /^The operation of the condition of choice 1 of 'listen' is the text "equals", which is not allowed.*use one of "eq"/,
    );
  });

  it("explains an unknown node id format and a reserved cast id", () => {
    const data = validFixtureData();
    (data.nodes as Record<string, unknown>)["Bad Node"] = {
      lines: [],
      ending: { outcome: "good", title: "t", summary: "s" },
    };
    expect(validateScenario(data).problems[0]?.message).toMatch(
      /The node id 'Bad Node' is not valid: use 1-64 characters/,
    );
    const cast = validFixtureData();
    (cast.cast as Array<Record<string, unknown>>)[0]!.id = "narrator";
    expect(validateScenario(cast).problems.map((p) => p.code)).toContain("reserved-cast-id");
  });

  it("reports a start node that is already an ending", () => {
    const data = validFixtureData();
    data.start = "close-good";
    expect(validateScenario(data).problems.map((p) => p.code)).toContain("start-is-ending");
  });
});
