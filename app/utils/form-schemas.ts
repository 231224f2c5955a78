// Schemas shared by more than one form, so a rule (a password's length, a counter's shape, a choice) is written once.
import { z } from "zod";
import { draftEnvelope } from "~/core/studio/draft-envelope";
import { findHiddenCharacters, hasHiddenCharacters, HIDDEN_CHARACTERS_MESSAGE } from "~/core/text/hidden-characters";
import { PASSWORD_MAX, PASSWORD_MIN } from "./password-rules";

/**
 * Every text field of a submitted form, refused where it hides control characters or text-direction overrides.
 * parseForm checks each form against this before its own schema, so names, titles, notes and any field added later
 * are covered without each schema remembering to.
 */
export const submittedText = z.record(z.string(), z.unknown()).superRefine((values, ctx) => {
  for (const [key, value] of Object.entries(values)) {
    const texts = Array.isArray(value) ? value : [value];
    if (texts.some((text) => typeof text === "string" && hasHiddenCharacters(text)))
      ctx.addIssue({ code: "custom", path: [key], message: `This field ${HIDDEN_CHARACTERS_MESSAGE}.` });
  }
});

const UNREADABLE_DRAFT = "The draft could not be read. Reload the editor and try again.";

/**
 * A scenario draft as the editor sends it: JSON text for a draft the editor can open again (containers and text where
 * it expects them; half-written is fine), with no hidden characters in any of its text.
 */
export const scenarioDraft = z.string({ error: UNREADABLE_DRAFT }).transform((text, ctx) => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    ctx.addIssue({ code: "custom", message: UNREADABLE_DRAFT });
    return z.NEVER;
  }
  const envelope = draftEnvelope.safeParse(value);
  if (!envelope.success) {
    const where = envelope.error.issues[0]?.path.join(".");
    ctx.addIssue({
      code: "custom",
      message: `${UNREADABLE_DRAFT}${where ? ` (${where} is not what a draft holds)` : ""}`,
    });
    return z.NEVER;
  }
  const hidden = findHiddenCharacters(envelope.data);
  if (hidden) {
    ctx.addIssue({ code: "custom", message: `The draft's ${hidden} ${HIDDEN_CHARACTERS_MESSAGE}.` });
    return z.NEVER;
  }
  return envelope.data as Record<string, unknown>;
});

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
