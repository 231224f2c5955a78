// The live pages' forms as zod schemas, shared by the routes (parseForm) and the services' tests: joining, choosing
// parts, the learner's start and end, leaving, and the actor's "closest response".
import { z } from "zod";

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
]);
export type LiveSessionForm = z.output<typeof liveSessionForm>;
