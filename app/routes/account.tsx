// The signed-in user's account: who they are, their roles, and changing their password (which signs out other devices).
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, fieldErrorLinks } from "~/components/error-summary";
import { PasswordField } from "~/components/form-field";
import { accountView, changePassword, passwordChangeForm } from "~/services/accounts.server";
import { requireViewer } from "~/utils/auth.server";
import { formFailure, parseForm } from "~/utils/forms.server";
import { PASSWORD_HINT } from "~/utils/password-rules";

export const meta: MetaFunction = () => [{ title: "Your account | Webside" }];

// The throttle's Retry-After must reach the client, and Remix sends an action's headers only when passed on.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  return accountView(context, await requireViewer(request, context));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const form = parseForm(passwordChangeForm, await request.formData());
  if (!form.ok) return form.response;
  const outcome = await changePassword(context, viewer, form.data);
  if (outcome.ok) return { ok: true as const };
  const headers: HeadersInit = outcome.retryAfterSeconds ? { "Retry-After": String(outcome.retryAfterSeconds) } : {};
  return formFailure(outcome.status, { fieldErrors: outcome.fieldErrors }, { headers });
}

const ROLE_LABEL = { clinician: "Clinician", educator: "Educator", admin: "Administrator" } as const;

export default function AccountPage() {
  const account = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.ok === false ? result.fieldErrors : {};
  const summary = fieldErrorLinks(errors);
  return (
    <>
      <h1>Your account</h1>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-half">
          <section className="ws-card" aria-labelledby="details-heading">
            <h2 id="details-heading" className="nhsuk-heading-m">
              Your details
            </h2>
            <dl className="nhsuk-summary-list">
              {[
                ["Name", account.name],
                ["Email", account.email],
                ["Organisation", account.org],
                ["Roles", account.roles.map((r) => ROLE_LABEL[r]).join(", ")],
                ["Teams", account.teams.join(", ") || "None"],
              ].map(([key, value]) => (
                <div className="nhsuk-summary-list__row" key={key}>
                  <dt className="nhsuk-summary-list__key">{key}</dt>
                  <dd className="nhsuk-summary-list__value">{value}</dd>
                </div>
              ))}
            </dl>
          </section>
        </div>
        <div className="nhsuk-grid-column-one-half">
          <section className="ws-card" aria-labelledby="password-heading">
            <h2 id="password-heading" className="nhsuk-heading-m">
              Change your password
            </h2>
            {result?.ok ? (
              <div className="nhsuk-inset-text" role="status">
                <p>Your password has been changed. You have been signed out on your other devices.</p>
              </div>
            ) : null}
            <ErrorSummary errors={summary} />
            <Form method="post" noValidate>
              <PasswordField
                id="current"
                label="Current password"
                autoComplete="current-password"
                error={errors.current?.[0]}
              />
              <PasswordField
                id="next"
                label="New password"
                autoComplete="new-password"
                error={errors.next?.[0]}
                hint={PASSWORD_HINT}
              />
              <PasswordField
                id="confirm"
                label="Confirm new password"
                autoComplete="new-password"
                error={errors.confirm?.[0]}
              />
              <button className="nhsuk-button" type="submit">
                Change password
              </button>
            </Form>
          </section>
        </div>
      </div>
    </>
  );
}
