// Joining a live session by its code: the code is read as typed or pasted (a whole join link works too).
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import { FormField } from "~/components/form-field";
import { normaliseJoinCode } from "~/core/live";
import { joinCodeForm } from "~/services/live/forms";
import { requireViewer } from "~/utils/auth.server";
import { formFailure, parseForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Join a live session | Webside" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireViewer(request, context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireViewer(request, context);
  const form = parseForm(joinCodeForm, await request.formData(), ["code"]);
  if (!form.ok) return form.response;
  const reading = normaliseJoinCode(form.data.code);
  if (!reading.ok) return formFailure(400, { fieldErrors: { code: [reading.message] }, values: form.data });
  // Whether the code leads anywhere is decided on the join page, with the same 404 for every kind of "no".
  return redirect(`/live/join/${reading.code}`);
}

export default function JoinLive() {
  const failed = useActionData<typeof action>();
  const error = failed?.fieldErrors.code?.[0];
  return (
    <>
      <ErrorSummary errors={error ? [{ href: "#code", text: error }] : []} />
      <h1>Join a live session</h1>
      <p>A colleague who has started a live role-play can give you its join code or link.</p>
      <Form method="post" noValidate>
        <FormField id="code" label="Join code" hint="8 letters and digits, for example 7K4M-Q2XD" error={error}>
          {(described) => (
            <input
              className={`nhsuk-input nhsuk-input--width-10${error ? " nhsuk-input--error" : ""}`}
              id="code"
              name="code"
              type="text"
              autoComplete="off"
              spellCheck={false}
              defaultValue={failed?.values.code ?? ""}
              aria-describedby={described}
            />
          )}
        </FormField>
        <button className="nhsuk-button" type="submit">
          Continue
        </button>
      </Form>
    </>
  );
}
