// The observer's rating form as zod schemas: a 1-5 rating per assessed competency, time-stamped notes, a global rating.
import { z } from "zod";
import { COMPETENCIES, COMPETENCY_INFO, type Competency } from "../competencies";
import { nodeIdSchema } from "../scenario/schema";
import { LIVE_LIMITS } from "./session";

export const OBSERVER_RATING_LIMITS = {
  notes: 60,
  noteChars: 500,
  commentChars: 1000,
} as const;

const scale = z
  .int("Choose a whole number from 1 to 5.")
  .min(1, "Ratings run from 1 to 5.")
  .max(5, "Ratings run from 1 to 5.");

/** What the observer types; the server stamps the time and the node, so notes line up with the script whatever the observer's clock says. */
export const observerNoteInputSchema = z.strictObject({
  text: z
    .string()
    .trim()
    .min(1, "Write the note before adding it.")
    .max(OBSERVER_RATING_LIMITS.noteChars, `Keep a note to ${OBSERVER_RATING_LIMITS.noteChars} characters.`),
});

export const observerNoteSchema = observerNoteInputSchema.extend({
  /** Milliseconds since the consultation started. */
  atMs: z.int().min(0).max(LIVE_LIMITS.maxSessionMs),
  /** The scenario node the consultation was at (null in the lobby). */
  nodeId: nodeIdSchema.nullable(),
});

const labels = (competencies: readonly Competency[]) => competencies.map((c) => COMPETENCY_INFO[c].label).join(", ");

function onlyAssessed(assessed: readonly Competency[]) {
  return (ratings: Partial<Record<Competency, number>>, ctx: z.RefinementCtx) => {
    for (const competency of Object.keys(ratings)) {
      if (!assessed.includes(competency as Competency)) {
        ctx.addIssue({
          code: "custom",
          path: [competency],
          message: `This scenario does not assess ${labels([competency as Competency])}; rate only ${labels(assessed)}.`,
        });
      }
    }
  };
}

/**
 * The rating an observer keeps up to date during the consultation (saved as they go) and completes afterwards.
 * `final: true` requires every assessed competency and the global rating; a draft may leave any of them out.
 */
export function observerRatingSchemaFor(assessed: readonly Competency[], options: { final: boolean }) {
  const competencies = z
    .partialRecord(z.enum(COMPETENCIES), scale)
    .superRefine(onlyAssessed(assessed))
    .superRefine((ratings, ctx) => {
      if (!options.final) return;
      const missing = assessed.filter((c) => ratings[c] === undefined);
      if (missing.length > 0) {
        const verb = missing.length === 1 ? "still needs" : "still need";
        ctx.addIssue({ code: "custom", message: `Rate every competency: ${labels(missing)} ${verb} a rating.` });
      }
    });
  return z.strictObject({
    competencies,
    global: options.final ? scale : scale.nullable(),
    notes: z
      .array(observerNoteSchema)
      .max(OBSERVER_RATING_LIMITS.notes, `Keep to ${OBSERVER_RATING_LIMITS.notes} notes per session.`),
    comment: z
      .string()
      .trim()
      .max(
        OBSERVER_RATING_LIMITS.commentChars,
        `Keep the comment to ${OBSERVER_RATING_LIMITS.commentChars} characters.`,
      )
      .nullable(),
  });
}

export type ObserverNote = z.infer<typeof observerNoteSchema>;
export type ObserverRating = z.infer<ReturnType<typeof observerRatingSchemaFor>>;
