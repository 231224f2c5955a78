// The form boundary: typed data for a good form, a 400 naming each field's problem for a bad one.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { passwordChangeForm } from "~/services/accounts.server";
import { choiceInput, intent, intents, revision } from "~/utils/form-schemas";
import { parseForm } from "~/utils/forms.server";

function formData(entries: Array<[string, string]>): FormData {
  const form = new FormData();
  for (const [key, value] of entries) form.append(key, value);
  return form;
}

describe("parseForm", () => {
  const schema = z.object({ name: z.string().min(1, "Enter a name"), teamIds: z.array(z.string()).max(2) });

  it("gives typed data, with every value of a field the schema declares as a list", () => {
    const parsed = parseForm(
      schema,
      formData([
        ["name", "Ward 7"],
        ["teamIds", "a"],
        ["teamIds", "b"],
      ]),
    );
    expect(parsed).toEqual({ ok: true, data: { name: "Ward 7", teamIds: ["a", "b"] } });
  });

  it("refuses with a 400 naming each field, echoing only the fields asked for", () => {
    const parsed = parseForm(
      schema,
      formData([
        ["name", ""],
        ["teamIds", "a"],
        ["teamIds", "b"],
        ["teamIds", "c"],
      ]),
      ["name"],
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.response.init?.status).toBe(400);
    expect(parsed.response.data).toMatchObject({
      ok: false,
      formError: null,
      values: { name: "" },
      fieldErrors: { name: ["Enter a name"], teamIds: [expect.any(String)] },
    });
  });

  it("reads a page's intents: each intent's own fields and lists, and an unticked list as empty", () => {
    const page = intents([
      z.object({ intent: intent("add"), name: z.string(), teamIds: z.array(z.string()) }),
      z.object({ intent: intent("rename"), revision }),
    ]);
    expect(
      parseForm(
        page,
        formData([
          ["intent", "add"],
          ["name", "Ward 7"],
        ]),
      ),
    ).toEqual({
      ok: true,
      data: { intent: "add", name: "Ward 7", teamIds: [] },
    });
    expect(
      parseForm(
        page,
        formData([
          ["intent", "rename"],
          ["revision", "12"],
        ]),
      ),
    ).toEqual({
      ok: true,
      data: { intent: "rename", revision: 12 },
    });
    const unknown = parseForm(page, formData([["intent", "delete-everything"]]));
    expect(!unknown.ok && unknown.response.data.fieldErrors).toEqual({ intent: ["Unknown action."] });
  });

  it("refuses a revision or a step that is not a whole number, naming the field", () => {
    for (const bad of ["NaN", "", "1.5", "-1", "7; drop"]) {
      const parsed = parseForm(z.object({ revision }), formData([["revision", bad]]));
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok) expect(parsed.response.data.fieldErrors.revision, bad).toHaveLength(1);
    }
    const stale = parseForm(
      choiceInput,
      formData([
        ["choiceId", "warm"],
        ["step", "two"],
      ]),
    );
    expect(!stale.ok && stale.response.data.fieldErrors.step).toEqual([expect.stringContaining("number of choices")]);
    // A page or script that sends no step skips the staleness check rather than being refused.
    expect(parseForm(choiceInput, formData([["choiceId", "warm"]]))).toEqual({
      ok: true,
      data: { choiceId: "warm", step: null },
    });
  });

  it("says a problem with the form as a whole at the top", () => {
    const together = z
      .object({ from: z.string(), to: z.string() })
      .refine((v) => v.from <= v.to, "The start must come before the end");
    const parsed = parseForm(
      together,
      formData([
        ["from", "b"],
        ["to", "a"],
      ]),
    );
    expect(!parsed.ok && parsed.response.data.formError).toBe("The start must come before the end");
  });

  it("applies the one password rule to a change of password", () => {
    const parsed = parseForm(
      passwordChangeForm,
      formData([
        ["current", "old-password"],
        ["next", "short"],
        ["confirm", "short"],
      ]),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.response.data.fieldErrors.next).toEqual(["Your new password must be at least 8 characters"]);
    expect(parsed.response.data.values).toEqual({});
  });
});
