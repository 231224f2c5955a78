// The shape a saved draft must have for the editor, graph and analytics to open it: containers where they expect
// containers and text where they show text. Looser than the scenario schema on purpose: a draft may be half written
// (empty fields, missing choices), and the validator reports those gaps; it may not be a different kind of thing.
import { z } from "zod";

const text = z.string().optional();
const list = <T extends z.ZodType>(item: T) => z.array(item).optional();

const draftChoice = z.looseObject({
  id: text,
  text,
  next: text,
  feedback: text,
  branches: list(z.looseObject({ next: text })),
  critical: z.looseObject({ reason: text }).optional(),
});

const draftNode = z.looseObject({
  title: text,
  lines: list(z.looseObject({ speaker: text, text })),
  events: list(z.looseObject({ kind: text, who: text, text })),
  choices: list(draftChoice),
  ending: z.looseObject({ outcome: text, title: text, summary: text }).optional(),
});

export const draftEnvelope = z.looseObject({
  id: text,
  title: text,
  summary: text,
  specialty: text,
  setting: text,
  start: text,
  objectives: list(z.string()),
  competencies: list(z.string()),
  cast: list(z.looseObject({ id: text, name: text, role: text, bio: text, pronouns: text })),
  variables: z.record(z.string(), z.looseObject({})).optional(),
  nodes: z.record(z.string(), draftNode),
});

/** Whether a stored draft can be opened by the editor (false for anything written before the check, or by hand). */
export function isReadableDraft(value: unknown): boolean {
  return draftEnvelope.safeParse(value).success;
}
