import XAPI, { type Statement } from "@xapi/xapi";
import { describe, expect, it } from "vitest";
import { isoDuration, xapiActor, xapiStatements, XAPI_VERSION, type XapiAttempt, type XapiScenario } from "./xapi";

const scenario: XapiScenario = {
  id: "red-flags-chest-pain",
  title: "Red flags: chest pain",
  version: 2,
  passMark: 70,
  nodes: {
    greeting: {
      title: "Greeting",
      choices: [
        { id: "warm", text: "Hello Mr Patel, can you hear me?" },
        { id: "cold", text: "Name and date of birth?" },
      ],
    },
    pain: { title: "The pain", choices: [{ id: "ambulance", text: "Call 999 now." }] },
  },
};
const attempt: XapiAttempt = {
  id: "4f1c2a9e-8d3b-4c6f-9a2e-1b7d5e3c9f10",
  mode: "assessment",
  assignmentId: "as-1",
  startedAt: "2030-02-10T09:00:00.000Z",
  completedAt: "2030-02-10T09:12:05.000Z",
  choices: [
    { nodeId: "greeting", choiceId: "warm", effects: { rapport: 2 } },
    { nodeId: "pain", choiceId: "ambulance", effects: { safety: 3, information: 1 } },
  ],
  result: { overall: 85, passed: true, scores: { rapport: 100, safety: 75 }, endingId: "safe-handover" },
};
const actor = xapiActor({ name: "Priya Shah", mboxSha1: "a".repeat(40) });
let counter = 0;
const ids = new Map<string, string>();
const statementId = (key: string) => {
  if (!ids.has(key)) ids.set(key, `00000000-0000-4000-8000-${String(++counter).padStart(12, "0")}`);
  return ids.get(key)!;
};
const options = { baseIri: "https://webside.example.nhs.uk/xapi/", actor, statementId };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const IRI = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;

/** The structural rules of xAPI 1.0.3 that our statements must meet (section 2.4 of the specification). */
function expectValidStatement(s: Statement) {
  expect(s.id).toMatch(UUID);
  expect(s.version).toBe("1.0.3");
  const ifis = ["mbox", "mbox_sha1sum", "openid", "account"].filter((k) => k in (s.actor as object));
  expect(ifis, "an Agent has exactly one identifier").toHaveLength(1);
  expect(Object.values(XAPI.Verbs).map((v) => v.id)).toContain(s.verb.id);
  const object = s.object as { objectType: string; id: string; definition?: { extensions?: object } };
  expect(object.objectType).toBe("Activity");
  expect(object.id).toMatch(IRI);
  if (s.result?.score) {
    expect(s.result.score.scaled).toBeGreaterThanOrEqual(-1);
    expect(s.result.score.scaled).toBeLessThanOrEqual(1);
    expect(s.result.score.raw).toBeGreaterThanOrEqual(s.result.score.min!);
    expect(s.result.score.raw).toBeLessThanOrEqual(s.result.score.max!);
  }
  if (s.result?.duration) expect(s.result.duration).toMatch(/^P(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)$/);
  for (const key of [...Object.keys(s.result?.extensions ?? {}), ...Object.keys(s.context?.extensions ?? {})])
    expect(key).toMatch(IRI);
  if (s.context?.registration) expect(s.context.registration).toMatch(UUID);
  if (s.timestamp) expect(new Date(s.timestamp).toISOString()).toBe(s.timestamp);
}

describe("xAPI statements for an attempt", () => {
  const statements = xapiStatements(scenario, attempt, options);

  it("are initialized, one answered per choice, completed, then passed, each valid xAPI 1.0.3", () => {
    expect(statements.map((s) => s.verb.id)).toEqual([
      XAPI.Verbs.INITIALIZED.id,
      XAPI.Verbs.ANSWERED.id,
      XAPI.Verbs.ANSWERED.id,
      XAPI.Verbs.COMPLETED.id,
      XAPI.Verbs.PASSED.id,
    ]);
    for (const s of statements) expectValidStatement(s);
    expect(XAPI_VERSION).toBe("1.0.3");
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
  });

  it("put the choice and its competency effects in the answered statement's result", () => {
    const answered = statements[2]!;
    expect(answered.object).toMatchObject({
      id: "https://webside.example.nhs.uk/xapi/scenarios/red-flags-chest-pain/nodes/pain",
      definition: {
        interactionType: "choice",
        choices: [{ id: "ambulance", description: { "en-GB": "Call 999 now." } }],
      },
    });
    expect(answered.result).toEqual({
      response: "ambulance",
      extensions: {
        "https://webside.example.nhs.uk/xapi/extensions/choice": { id: "ambulance", text: "Call 999 now." },
        "https://webside.example.nhs.uk/xapi/extensions/competency-effects": { safety: 3, information: 1 },
        "https://webside.example.nhs.uk/xapi/extensions/step": 2,
      },
    });
    expect(answered.context?.contextActivities?.parent?.[0]?.id).toBe(
      "https://webside.example.nhs.uk/xapi/scenarios/red-flags-chest-pain",
    );
  });

  it("score completion and pass with a scaled score and the duration, and carry the attempt as registration", () => {
    const [, , , completed, passed] = statements;
    expect(completed!.result).toMatchObject({
      completion: true,
      success: true,
      score: { scaled: 0.85, raw: 85, min: 0, max: 100 },
      duration: "PT12M5S",
    });
    expect(passed!.result).toMatchObject({ success: true, score: { scaled: 0.85 } });
    expect(completed!.context?.registration).toBe(attempt.id);
    expect(completed!.context?.extensions?.["https://webside.example.nhs.uk/xapi/extensions/mode"]).toBe("assessment");
  });

  it("say failed for an attempt that did not pass, and stop at answered for one still in progress", () => {
    const failed = xapiStatements(
      scenario,
      { ...attempt, result: { ...attempt.result!, overall: 40, passed: false } },
      options,
    );
    expect(failed.at(-1)!.verb.id).toBe(XAPI.Verbs.FAILED.id);
    expect(failed.at(-1)!.result?.score?.scaled).toBe(0.4);
    const going = xapiStatements(scenario, { ...attempt, completedAt: null, result: null }, options);
    expect(going.map((s) => s.verb.display?.["en-US"])).toEqual(["initialized", "answered", "answered"]);
  });

  it("use the same statement ids every time for the same attempt", () => {
    expect(xapiStatements(scenario, attempt, options).map((s) => s.id)).toEqual(statements.map((s) => s.id));
  });

  it("identify a person by account when there is no email hash", () => {
    const byAccount = xapiActor({
      name: "P",
      accountHomePage: "https://webside.example.nhs.uk",
      accountName: "user-1",
    });
    expectValidStatement(xapiStatements(scenario, attempt, { ...options, actor: byAccount })[0]!);
  });

  it("write durations in ISO 8601", () => {
    expect(isoDuration("2030-01-01T00:00:00Z", "2030-01-01T01:00:30Z")).toBe("PT1H30S");
    expect(isoDuration("2030-01-01T00:00:00Z", "2030-01-01T00:00:00Z")).toBe("PT0S");
  });
});
