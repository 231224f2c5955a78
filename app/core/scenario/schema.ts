// The zod schema for a scenario file: the single source of truth for its shape, limits and TypeScript types.
import { z } from "zod";
import { COMPETENCIES } from "../competencies";
import { conditionSchema } from "./condition-schema";

export { conditionSchema, type Condition, type ComparisonOp } from "./condition-schema";

/** Size limits shared by the schema, the validator and the authoring guide. */
export const SCENARIO_LIMITS = {
  fileBytes: 256 * 1024,
  nodes: 500,
  choicesPerNode: 6,
  branchesPerChoice: 6,
  setsPerChoice: 10,
  linesPerNode: 30,
  eventsPerNode: 10,
  cast: 6,
  patients: 3,
  objectives: 8,
  competencies: 10,
  variables: 40,
  conditionDepth: 4,
  /** How deeply the raw JSON may nest; a real scenario needs about 15 levels. */
  jsonDepth: 40,
  lineText: 1000,
  choiceText: 400,
  feedback: 1000,
  criticalReason: 400,
  title: 120,
  summary: 1000,
} as const;

const L = SCENARIO_LIMITS;
/** A slug of `min`..`max` characters: lower-case letters, digits and hyphens, starting with a letter or digit. */
function slug(min: number, max: number, description: string) {
  const pattern = new RegExp(`^[a-z0-9][a-z0-9-]{${min - 1},${max - 1}}$`);
  return z
    .string()
    .regex(
      pattern,
      `use ${min}-${max} characters: lower-case letters, digits and hyphens, starting with a letter or digit`,
    )
    .describe(description);
}

export const scenarioIdSchema = slug(3, 64, "Scenario id (a slug), e.g. group-physio-shoulder");
export const nodeIdSchema = slug(1, 64, "A node id (a slug)");
export const castIdSchema = slug(1, 32, 'A cast member\'s id (a slug); "narrator" is reserved');
export const choiceIdSchema = slug(1, 64, "Choice id, unique within its node");
/** A reference to a node, cast member or variable: checked by the validator, which can suggest the intended name. */
const reference = (what: string) => z.string().min(1).max(64).describe(what);

export const variableNameSchema = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, "use 1-40 letters, digits or underscores, starting with a letter")
  .describe('A variable name declared under "variables"');

export const competencySchema = z.enum(COMPETENCIES).describe("One of the fixed competencies");
export const outcomeSchema = z.enum(["good", "mixed", "poor"]);
export const settingSchema = z.enum(["one-to-one", "group"]);
export const castRoleSchema = z.enum(["patient", "carer", "interpreter", "family", "clinician", "other"]);
export const stageEventKindSchema = z.enum([
  "audio-drop",
  "video-freeze",
  "connection-lost",
  "someone-enters",
  "background-noise",
  "screen-share",
  "note",
]);

const text = (max: number) => z.string().trim().min(1).max(max);

export const castMemberSchema = z.strictObject({
  id: castIdSchema,
  name: text(80),
  role: castRoleSchema,
  bio: text(500).describe("One or two sentences: age, situation, how they come across"),
  pronouns: text(30).optional(),
  avatar: z
    .strictObject({
      initials: z
        .string()
        .regex(/^[A-Za-z]{1,3}$/, "use 1-3 letters")
        .optional(),
      colour: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/, "use a hex colour such as #005eb8")
        .optional(),
    })
    .optional(),
});

export const numberVariableSchema = z.strictObject({
  type: z.literal("number"),
  initial: z.number(),
  min: z.number().optional(),
  max: z.number().optional(),
});
export const booleanVariableSchema = z.strictObject({ type: z.literal("boolean"), initial: z.boolean() });
export const variableSchema = z.discriminatedUnion("type", [numberVariableSchema, booleanVariableSchema]);

export const lineSchema = z.strictObject({
  speaker: z.string().min(1).describe('A cast member\'s id, or "narrator"'),
  text: text(L.lineText),
});

export const stageEventSchema = z.strictObject({
  kind: stageEventKindSchema,
  who: reference("The cast member it happens to, if any").optional(),
  text: text(L.lineText).describe('What the learner is told, e.g. "Maria\'s video freezes mid-sentence."'),
});

export const branchSchema = z.strictObject({
  when: conditionSchema,
  next: reference("The node to go to when the condition holds"),
});

export const variableUpdateSchema = z.strictObject({
  var: reference('A variable declared under "variables"'),
  op: z.enum(["set", "add"]),
  value: z.union([z.number(), z.boolean()]),
});

export const effectsSchema = z
  .partialRecord(competencySchema, z.int().min(-3).max(3))
  .describe("Competency -> integer from -3 to 3; only competencies this scenario assesses");

/** A choice no competent clinician should make here: taking it fails the attempt whatever the score. */
export const criticalSchema = z
  .strictObject({
    reason: text(L.criticalReason).describe("The harm, in clinical terms; the debrief shows it first"),
  })
  .describe("Marks an unsafe act: an attempt that takes this choice cannot pass, whatever its score");

export const choiceSchema = z.strictObject({
  id: choiceIdSchema,
  text: text(L.choiceText).describe("What the clinician says or does"),
  next: reference("The node this choice leads to when no branch matches"),
  branches: z
    .array(branchSchema)
    .min(1)
    .max(L.branchesPerChoice)
    .optional()
    .describe("Checked in order after this choice's effects and updates apply; the first match wins"),
  requires: conditionSchema.optional().describe("The choice is only offered while this condition holds"),
  effects: effectsSchema.optional(),
  set: z.array(variableUpdateSchema).max(L.setsPerChoice).optional(),
  feedback: text(L.feedback).describe("Why this helps or harms, in clinical terms"),
  critical: criticalSchema.optional(),
});

export const endingSchema = z.strictObject({
  outcome: outcomeSchema.describe('"poor" fails the attempt whatever the score'),
  title: text(L.title),
  summary: text(L.summary),
});

export const scenarioNodeSchema = z.strictObject({
  title: text(L.title).optional().describe("Short label for graphs and analytics"),
  lines: z.array(lineSchema).max(L.linesPerNode),
  events: z.array(stageEventSchema).max(L.eventsPerNode).optional(),
  choices: z.array(choiceSchema).min(1).max(L.choicesPerNode).optional(),
  ending: endingSchema.optional(),
});

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: scenarioIdSchema,
    version: z.int().min(1).describe("Bump on every published change"),
    title: text(L.title),
    summary: text(L.summary),
    setting: settingSchema,
    specialty: text(60),
    minutes: z.int().min(1).max(240).describe("Estimated minutes, also the CPD minutes"),
    objectives: z.array(text(300)).min(1).max(L.objectives),
    competencies: z.array(competencySchema).min(1).max(L.competencies),
    passMark: z.number().min(0).max(100).describe("Overall percentage needed to pass"),
    cast: z.array(castMemberSchema).min(1).max(L.cast),
    variables: z.record(variableNameSchema, variableSchema).optional(),
    start: reference("The id of the first node"),
    nodes: z.record(nodeIdSchema, scenarioNodeSchema).describe("Object keyed by node id; at most 500 nodes"),
  })
  .meta({
    title: "Webside scenario",
    description: "A branching video-consultation role-play. Authoring guide: scenarios/README.md",
  });

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioNode = z.infer<typeof scenarioNodeSchema>;
export type Choice = z.infer<typeof choiceSchema>;
export type Critical = z.infer<typeof criticalSchema>;
export type Branch = z.infer<typeof branchSchema>;
export type Effects = z.infer<typeof effectsSchema>;
export type VariableUpdate = z.infer<typeof variableUpdateSchema>;
export type VariableDefinition = z.infer<typeof variableSchema>;
export type CastMember = z.infer<typeof castMemberSchema>;
export type CastRole = z.infer<typeof castRoleSchema>;
export type Line = z.infer<typeof lineSchema>;
export type StageEvent = z.infer<typeof stageEventSchema>;
export type StageEventKind = z.infer<typeof stageEventKindSchema>;
export type Ending = z.infer<typeof endingSchema>;
export type Outcome = z.infer<typeof outcomeSchema>;
export type Setting = z.infer<typeof settingSchema>;
