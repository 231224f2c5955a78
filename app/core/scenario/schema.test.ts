import { describe, expect, it } from "vitest";
import committedSchema from "../../../scenarios/scenario.schema.json?raw";
import { COMPETENCIES, COMPETENCY_INFO } from "../competencies";
import { scenarioJsonSchema, scenarioJsonSchemaText } from "./json-schema";
import { scenarioSchema } from "./schema";
import { fixtureText } from "./test-fixtures";

describe("the published JSON Schema", () => {
  it("matches the zod schema (run `npx tsx scripts/generate-scenario-schema.ts` if this fails)", () => {
    expect(committedSchema).toBe(scenarioJsonSchemaText());
  });

  it("describes the agreed shape: required fields, closed objects, node ids and the condition definition", () => {
    const schema = scenarioJsonSchema() as {
      required: string[];
      additionalProperties: boolean;
      properties: { nodes: { propertyNames: { pattern: string } } };
      $defs: Record<string, unknown>;
    };
    expect(schema.required).toEqual(
      expect.arrayContaining([
        "id",
        "version",
        "title",
        "summary",
        "setting",
        "specialty",
        "minutes",
        "objectives",
        "competencies",
        "passMark",
        "cast",
        "start",
        "nodes",
      ]),
    );
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.nodes.propertyNames.pattern).toBe("^[a-z0-9][a-z0-9-]{0,63}$");
    expect(Object.keys(schema.$defs)).toContain("Condition");
  });
});

describe("scenarioSchema", () => {
  it("parses the valid fixture and trims author whitespace", () => {
    const data = JSON.parse(fixtureText("valid-consultation")) as { title: string };
    data.title = `  ${data.title}  `;
    const parsed = scenarioSchema.parse(data);
    expect(parsed.title).toBe("Fixture: a short follow-up call");
  });

  it("rejects effects outside -3..3 and unknown competencies", () => {
    const data = JSON.parse(fixtureText("valid-consultation")) as {
      nodes: { hello: { choices: Array<{ effects: unknown }> } };
    };
    data.nodes.hello.choices[0]!.effects = { rapport: 4 };
    expect(scenarioSchema.safeParse(data).success).toBe(false);
    data.nodes.hello.choices[0]!.effects = { charm: 1 };
    expect(scenarioSchema.safeParse(data).success).toBe(false);
  });
});

describe("competencies", () => {
  it("gives every competency a label, a one-line description and two or three concrete tips", () => {
    expect(Object.keys(COMPETENCY_INFO).sort()).toEqual([...COMPETENCIES].sort());
    for (const info of Object.values(COMPETENCY_INFO)) {
      expect(info.label.length).toBeGreaterThan(2);
      expect(info.description).not.toContain("\n");
      expect(info.tips.length).toBeGreaterThanOrEqual(2);
      expect(info.tips.length).toBeLessThanOrEqual(3);
    }
  });
});
