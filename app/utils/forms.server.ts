// The one form boundary: a submitted form is checked against a zod schema and either becomes typed data or a 400
// carrying each field's problems (and the values worth echoing back), so bad input is explained and nothing is lost.
import { data } from "@remix-run/node";
import { z } from "zod";
import { withoutHiddenCharacters } from "~/core/text/hidden-characters";
import { submittedText } from "./form-schemas";

export type FieldErrors = Record<string, string[] | undefined>;

/** What every action returns when it refuses a form: shown by the page's error summary and its FormFields. */
export interface FormFailure {
  ok: false;
  fieldErrors: FieldErrors;
  /** A problem with the form as a whole (wrong password, too many attempts), shown at the top. */
  formError: string | null;
  /** Submitted text the page puts back in its fields (never passwords). */
  values: Record<string, string>;
}

export function formFailure(
  status: number,
  failure: { fieldErrors?: FieldErrors; formError?: string | null; values?: Record<string, string> },
  init: Omit<ResponseInit, "status"> = {},
) {
  const body: FormFailure = {
    ok: false,
    fieldErrors: failure.fieldErrors ?? {},
    formError: failure.formError ?? null,
    values: failure.values ?? {},
  };
  return data(body, { ...init, status });
}

export type ParsedForm<T> = { ok: true; data: T } | { ok: false; response: ReturnType<typeof formFailure> };

function unwrap(field: z.ZodType): z.ZodType {
  if (field instanceof z.ZodOptional || field instanceof z.ZodDefault || field instanceof z.ZodNullable)
    return unwrap(field.def.innerType as z.ZodType);
  if (field instanceof z.ZodPipe) return unwrap(field.def.in as z.ZodType);
  return field;
}

/** The object shapes a form schema accepts: one for an object, one per option of a union (actions with intents). */
function shapesOf(schema: z.ZodType): Array<Record<string, z.ZodType>> {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) return [inner.shape as Record<string, z.ZodType>];
  if (inner instanceof z.ZodUnion) return (inner.options as z.ZodType[]).flatMap(shapesOf);
  return [];
}

/**
 * FormData as the plain object a schema expects. A field the schema declares as an array gets every value, and an
 * empty list when none was sent (unticked checkboxes send nothing at all).
 */
export function formValues(schema: z.ZodType, formData: FormData): Record<string, unknown> {
  const lists = new Set(
    shapesOf(schema).flatMap((shape) => Object.keys(shape).filter((key) => unwrap(shape[key]!) instanceof z.ZodArray)),
  );
  const input: Record<string, unknown> = {};
  for (const key of lists) input[key] = formData.getAll(key);
  for (const key of new Set(formData.keys())) if (!lists.has(key)) input[key] = formData.get(key);
  return input;
}

/**
 * Checks a submitted form. `echo` names the fields whose submitted text goes back in a refusal, so a person's typing
 * survives a mistake in another field.
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  echo: readonly string[] = [],
): ParsedForm<z.output<S>> {
  const input = formValues(schema, formData);
  // Hidden characters are refused in every field first; echoed values come back without them.
  const plain = submittedText.safeParse(input);
  const parsed = plain.success ? schema.safeParse(input) : plain;
  if (parsed.success) return { ok: true, data: parsed.data as z.output<S> };
  const error = parsed.error as z.ZodError;
  const values = Object.fromEntries(echo.map((key) => [key, withoutHiddenCharacters(String(formData.get(key) ?? ""))]));
  const { fieldErrors, formErrors } = z.flattenError(error);
  return { ok: false, response: formFailure(400, { fieldErrors, formError: formErrors[0] ?? null, values }) };
}
