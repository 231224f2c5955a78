// Sign in: email and password, throttled per account and address, every outcome audit-logged.
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary, fieldErrorLinks } from "~/components/error-summary";
import { FormField } from "~/components/form-field";
import { loginForm, signIn } from "~/services/accounts.server";
import { getViewer, safeRedirect } from "~/utils/auth.server";
import { formFailure, parseForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Log in | Webside" }];

// Remix only sends an action's headers when the route passes them on; the throttle's Retry-After must reach the client.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getViewer(request, context)) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = parseForm(loginForm, await request.formData(), ["email"]);
  if (!form.ok) return form.response;
  const outcome = await signIn(context, form.data);
  if (!outcome.ok) {
    const headers: HeadersInit = outcome.retryAfterSeconds ? { "Retry-After": String(outcome.retryAfterSeconds) } : {};
    return formFailure(outcome.status, { formError: outcome.message, values: { email: form.data.email } }, { headers });
  }
  return redirect(safeRedirect(form.data.redirectTo), { headers: { "Set-Cookie": outcome.cookie } });
}

export default function LoginPage() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const fieldErrors = result?.fieldErrors ?? {};
  const errors = [
    ...(result?.formError ? [{ href: "#email", text: result.formError }] : []),
    ...fieldErrorLinks(fieldErrors),
  ];
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-one-half">
        <h1>Log in to Webside</h1>
        <p className="nhsuk-body-l">
          Rehearse video consultations safely, with private feedback on how you come across.
        </p>
        <ErrorSummary errors={errors} />
        <Form method="post" noValidate className="ws-card">
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
          <FormField id="email" label="Email address" error={fieldErrors.email?.[0]}>
            {(describedBy) => (
              <input
                className="nhsuk-input"
                id="email"
                name="email"
                type="email"
                autoComplete="username"
                spellCheck={false}
                defaultValue={result?.values.email ?? ""}
                aria-describedby={describedBy}
                required
              />
            )}
          </FormField>
          <FormField id="password" label="Password" error={fieldErrors.password?.[0]}>
            {(describedBy) => (
              <input
                className="nhsuk-input"
                id="password"
                name="password"
                type="password"
                autoComplete="current-password"
                aria-describedby={describedBy}
                required
              />
            )}
          </FormField>
          <button className="nhsuk-button" type="submit" disabled={navigation.state === "submitting"}>
            Log in
          </button>
        </Form>
      </div>
      <div className="nhsuk-grid-column-one-half">
        <div className="ws-card ws-login-aside">
          <h2 className="nhsuk-heading-m">What you can do here</h2>
          <ul>
            <li>Play branching video consultations with one patient or a small group.</li>
            <li>Get calm, private nudges on framing, eye contact and lighting from your own camera.</li>
            <li>Read a debrief scored on rapport, empathy, safety and more, and keep it as CPD evidence.</li>
          </ul>
          <p className="ws-muted">Webside never receives your video or sound; only numbers are stored.</p>
        </div>
      </div>
    </div>
  );
}
