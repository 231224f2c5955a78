// The live pages' forms as zod schemas, shared by the routes (parseForm) and the services' tests: joining, choosing
// parts, the learner's start and end, leaving, the actor's "closest response", and each page's camera check verdict.
import { z } from "zod";
import { COMPETENCIES, type Competency } from "~/core/competencies";
import { MAX_THINGS_TO_FIX } from "~/core/live/call-check";
import { PATIENT_PERSPECTIVE_ITEMS, type PatientPerspectiveItemId } from "~/core/live/patient-perspective";

const castIds = z
  .array(
    z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{1,32}$/, "Choose a part from the list."),
  )
  .max(3);

export const joinCodeForm = z.object({
  code: z.string().trim().min(1, "Enter the join code you were given, e.g. 7K4M-Q2XD.").max(200),
});

export const joinForm = z.object({
  role: z.enum(["learner", "actor", "observer"], { error: "Choose whether you will play the patient or observe." }),
  plays: castIds.optional(),
});

export const liveSessionForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("parts"), plays: castIds.min(1, "Choose at least one part to play.") }),
  z.object({ intent: z.literal("start") }),
  z.object({ intent: z.literal("end") }),
  z.object({ intent: z.literal("leave") }),
  z.object({
    intent: z.literal("advance"),
    choiceId: z.string().trim().min(1, "Choose the response the clinician's reply was closest to.").max(64),
    expectedStep: z.coerce.number().int().min(0).max(10_000),
  }),
  // An actor of several patients switching whose voice they are, at the step shown on their screen.
  z.object({
    intent: z.literal("speaking-as"),
    castId: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{1,32}$/, "Choose a part from the list."),
    step: z.coerce.number().int().min(0).max(10_000),
  }),
  // Sent by the page itself when the person's own camera check reaches a verdict (only the verdict travels).
  z.object({
    intent: z.literal("check"),
    ready: z.enum(["yes", "no"]).transform((v) => v === "yes"),
    toFix: z.coerce.number().int().min(0).max(MAX_THINGS_TO_FIX),
  }),
]);
export type LiveSessionForm = z.output<typeof liveSessionForm>;

const score = z.coerce.number().int("Choose a rating from 1 to 5.").min(1).max(5);
/** An unanswered rating arrives as an empty field (or not at all): left out, which a draft may do. */
const maybeScore = z.preprocess((v) => (v === "" || v === null ? undefined : v), score.optional());
const ratingFields = Object.fromEntries(COMPETENCIES.map((c) => [`rating-${c}`, maybeScore])) as Record<
  `rating-${Competency}`,
  typeof maybeScore
>;
const answerFields = Object.fromEntries(PATIENT_PERSPECTIVE_ITEMS.map((i) => [`answer-${i.id}`, maybeScore])) as Record<
  `answer-${PatientPerspectiveItemId}`,
  typeof maybeScore
>;

/** The observer's form (ratings, global, comment; "final" completes it), a note, or an actor's patient view. */
export const liveRatingForm = z
  .discriminatedUnion("intent", [
    z.object({
      intent: z.literal("rate"),
      final: z.literal("on").optional(),
      global: maybeScore,
      comment: z.string().trim().max(1000).optional(),
      ...ratingFields,
    }),
    z.object({
      intent: z.literal("note"),
      text: z.string().trim().min(1, "Write the note before adding it.").max(500),
    }),
    z.object({
      intent: z.literal("patient"),
      castId: z
        .string()
        .trim()
        .regex(/^[a-z0-9-]{1,32}$/, "Choose a character you played."),
      comment: z.string().trim().max(500).optional(),
      ...answerFields,
    }),
  ])
  .transform((form) => {
    if (form.intent === "rate") {
      const fields = form as Record<string, unknown>;
      const ratings = Object.fromEntries(
        COMPETENCIES.filter((c) => fields[`rating-${c}`] !== undefined).map((c) => [
          c,
          fields[`rating-${c}`] as number,
        ]),
      ) as Partial<Record<Competency, number>>;
      return {
        intent: "rate" as const,
        ratings,
        global: form.global,
        comment: form.comment,
        final: form.final === "on",
      };
    }
    if (form.intent === "patient") {
      const fields = form as Record<string, unknown>;
      const answers = Object.fromEntries(
        PATIENT_PERSPECTIVE_ITEMS.map((i) => [i.id, (fields[`answer-${i.id}`] as number | undefined) ?? null]),
      );
      return { intent: "patient" as const, castId: form.castId, answers, comment: form.comment };
    }
    return form;
  });
export type LiveRatingForm = z.output<typeof liveRatingForm>;
