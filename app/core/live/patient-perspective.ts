// The actor's patient-perspective form: how the consultation felt to their character, in plain words, each on a 1-5 scale.
import { z } from "zod";
import { castIdSchema } from "../scenario/schema";

export interface PatientPerspectiveItem {
  id: string;
  /** A statement the actor judges as their character. */
  text: string;
  /** Items that only make sense in some consultations may be answered "does not apply". */
  mayNotApply?: true;
}

/**
 * Relational-empathy items written for Webside (not taken from a licensed instrument), as the character would say
 * them. The last one is about webside manner: how the clinician handled the call going wrong.
 */
export const PATIENT_PERSPECTIVE_ITEMS = [
  { id: "at-ease", text: "I felt comfortable talking to them." },
  { id: "own-words", text: "I had the chance to explain things in my own words." },
  { id: "heard", text: "I felt properly heard." },
  { id: "worries", text: "They understood what was worrying me." },
  { id: "clear", text: "I understood what they told me." },
  { id: "plan", text: "We agreed together on what happens next." },
  {
    id: "call-trouble",
    text: "When the picture or sound went wrong, they stayed calm and I still felt looked after.",
    mayNotApply: true,
  },
] as const satisfies readonly PatientPerspectiveItem[];

export type PatientPerspectiveItemId = (typeof PATIENT_PERSPECTIVE_ITEMS)[number]["id"];

export const PATIENT_PERSPECTIVE_PROMPT = "Answer as your character. How true is each statement for them?";
export const PATIENT_SCALE_LABELS: Readonly<Record<1 | 2 | 3 | 4 | 5, string>> = {
  1: "Not at all",
  2: "A little",
  3: "Partly",
  4: "Mostly",
  5: "Completely",
};
export const PATIENT_COMMENT_QUESTION = "One thing that would have helped your character";
export const PATIENT_COMMENT_CHARS = 500;

const scale = z
  .int("Choose a whole number from 1 to 5.")
  .min(1, "Answers run from 1 to 5.")
  .max(5, "Answers run from 1 to 5.");

const answersShape = Object.fromEntries(
  PATIENT_PERSPECTIVE_ITEMS.map((item) => [item.id, "mayNotApply" in item ? scale.nullable() : scale]),
) as Record<PatientPerspectiveItemId, z.ZodInt | z.ZodNullable<z.ZodInt>>;

/** One character's view; an actor who played several patients gives one per character. */
export const patientPerspectiveSchema = z.strictObject({
  /** The character whose view this is: one of the parts the actor played. */
  castId: castIdSchema,
  answers: z.strictObject(answersShape),
  comment: z
    .string()
    .trim()
    .max(PATIENT_COMMENT_CHARS, `Keep the comment to ${PATIENT_COMMENT_CHARS} characters.`)
    .nullable(),
});

export type PatientPerspective = z.infer<typeof patientPerspectiveSchema>;
