// Schemas shared by more than one form, so a rule (a password's length, a counter's shape, a choice) is written once.
import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MIN } from "./password-rules";

/** A password being chosen, worded for the field it is typed into ("Your new password must be..."). */
export function newPassword(subject = "Your password") {
  return z
    .string()
    .min(PASSWORD_MIN, `${subject} must be at least ${PASSWORD_MIN} characters`)
    .max(PASSWORD_MAX, `${subject} must be at most ${PASSWORD_MAX} characters`);
}

/** A password typed to prove who you are: present, and never longer than a password can be (scrypt costs per byte). */
export function enteredPassword(emptyMessage: string) {
  return z.string().min(1, emptyMessage).max(PASSWORD_MAX, `Passwords are at most ${PASSWORD_MAX} characters`);
}

/** What a form's submit button asks for; anything else is refused with the same words everywhere. */
export function intent<const T extends string>(value: T) {
  return z.literal(value, { error: "Unknown action." });
}

/** The actions a page offers, one schema per intent: an intent the page does not offer is a 400 on `intent`. */
export function intents<const Options extends readonly [z.ZodObject, ...z.ZodObject[]]>(options: Options) {
  return z.discriminatedUnion("intent", options, { error: "Unknown action." });
}

/**
 * An optimistic-concurrency revision echoed back by a page (a scenario draft's): a whole number, or a 400 on the
 * field, never a NaN that would be mistaken for someone else's newer save.
 */
export const revision = z
  .string({ error: "The form did not say which revision it was based on. Reload the page and try again." })
  .trim()
  .regex(/^\d{1,9}$/, "The form's revision is not a whole number. Reload the page and try again.")
  .transform(Number);

/**
 * The clinician's step as a page saw it: how many choices had been made. Empty or missing skips the staleness
 * check (a script that does not care); anything else must be a whole number.
 */
export const choicesSeen = z
  .union([z.number(), z.string(), z.null()])
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === null || value === "") return null;
    const n = typeof value === "number" ? value : /^\s*\d{1,9}\s*$/.test(value) ? Number(value) : NaN;
    if (Number.isInteger(n) && n >= 0) return n;
    ctx.addIssue({ code: "custom", message: "step must be the number of choices the page showed (0 or more)" });
    return z.NEVER;
  });

/** One choice in the practice room: which response, and the step the page was showing when it was picked. */
export const choiceInput = z.object({
  choiceId: z
    .string({ error: "Say which choice was made (choiceId)" })
    .trim()
    .min(1, "Say which choice was made (choiceId)")
    .max(200),
  step: choicesSeen,
});

/** A 1-5 confidence rating (the ConfidenceField's radios). */
export function confidence(missing: string) {
  return z.coerce.number({ error: missing }).int(missing).min(1, missing).max(5, missing);
}
