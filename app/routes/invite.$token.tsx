// Accepting an invitation: the one-time link an admin copied sets this person's password and signs them in.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { PasswordField } from "~/components/form-field";
import { acceptInvitation, invitationForm, invitationView } from "~/services/accounts.server";
import { formFailure, parseForm } from "~/utils/forms.server";
import { PASSWORD_HINT } from "~/utils/password-rules";

export const meta: MetaFunction = () => [
  { title: "Set your password | Webside" },
  { name: "referrer", content: "no-referrer" },
];

export async function loader({ context, params }: LoaderFunctionArgs) {
  const invite = await invitationView(context, params.token);
  return invite.ok ? invite : data(invite, { status: 410 });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = parseForm(invitationForm, await request.formData());
  const outcome = await acceptInvitation(context, params.token, form);
  if (outcome.ok) return redirect("/", { headers: { "Set-Cookie": outcome.cookie } });
  return outcome.reason === null ? outcome.refusal : formFailure(410, { formError: outcome.reason });
}

export default function InvitePage() {
  const invite = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.fieldErrors ?? {};
  if (!invite.ok || result?.formError) {
    return (
      <>
        <h1>This link cannot be used</h1>
        <p>{result?.formError ?? invite.reason}</p>
        <p>
          <a href="/login">Go to the login page</a>
        </p>
      </>
    );
  }
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Welcome to Webside, {invite.name}</h1>
        <p className="nhsuk-body-l">
          {invite.org} has invited you to practise video consultations. Choose a password to finish setting up your
          account.
        </p>
        <Form method="post" noValidate className="ws-card">
          <p>
            Your email address: <strong>{invite.email}</strong>
          </p>
          <input type="email" name="email" value={invite.email ?? ""} autoComplete="username" readOnly hidden />
          <PasswordField
            id="password"
            label="Choose a password"
            autoComplete="new-password"
            hint={PASSWORD_HINT}
            error={errors.password?.[0]}
          />
          <PasswordField id="confirm" label="Type it again" autoComplete="new-password" error={errors.confirm?.[0]} />
          <button type="submit" className="nhsuk-button">
            Set password and sign in
          </button>
        </Form>
      </div>
    </div>
  );
}
