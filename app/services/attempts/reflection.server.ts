// What the clinician keeps from a debrief: their reflection and how confident they feel afterwards.
import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { ConflictError } from "~/storage/errors";
import type { Attempt } from "~/storage/types";
import { confidence, intent } from "~/utils/form-schemas";
import { reviseAttempt } from "./revise.server";

export const reflectionForm = z.object({
  intent: intent("reflect"),
  reflection: z.string().trim().max(4000, "Keep your reflection under 4,000 characters").default(""),
  confidenceAfter: z
    .union([z.literal(""), confidence("Rate your confidence from 1 to 5, or leave it unrated")])
    .optional()
    .transform((value) => (typeof value === "number" ? value : null)),
});

export type ReflectionInput = Pick<z.output<typeof reflectionForm>, "reflection" | "confidenceAfter">;

/**
 * Keeps the reflection (empty clears it) and the confidence rating (unrated keeps the one given before) of a
 * finished attempt.
 */
export async function saveReflection(
  context: AppLoadContext,
  attempt: Attempt,
  input: ReflectionInput,
): Promise<{ ok: true } | { ok: false; status: 400 | 409; message: string }> {
  try {
    const revised = await reviseAttempt<string>(context, attempt, (current) =>
      current.status !== "completed"
        ? { refuse: "This attempt has not reached an ending, so there is no debrief to reflect on yet." }
        : {
            patch: {
              reflection: input.reflection || null,
              confidenceAfter: input.confidenceAfter ?? current.confidenceAfter,
            },
          },
    );
    return revised.ok ? { ok: true } : { ok: false, status: 400, message: revised.refusal };
  } catch (error) {
    if (error instanceof ConflictError) {
      return { ok: false, status: 409, message: "This debrief changed in another window. Reload and try again." };
    }
    throw error;
  }
}
