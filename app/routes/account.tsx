// The signed-in user's account: who they are, their roles, and changing their password (which signs out other devices).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/error-summary";
import { audit } from "~/utils/audit.server";
import { requireViewer } from "~/utils/auth.server";
import { PASSWORD_MAX, PASSWORD_MIN } from "~/utils/password-rules";
import { hashPassword, verifyPassword } from "~/utils/password.server";

export const meta: MetaFunction = () => [{ title: "Your account | Webside" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const teams = await context.store.listTeams(viewer.org.id);
  return {
    name: viewer.user.name,
    email: viewer.user.email,
    org: viewer.org.name,
    roles: viewer.membership.roles,
    teams: teams.filter((t) => viewer.membership.teamIds.includes(t.id)).map((t) => t.name),
  };
}

const changeSchema = z
  .object({
    current: z.string().min(1, "Enter your current password").max(PASSWORD_MAX),
    next: z
      .string()
      .min(PASSWORD_MIN, `Your new password must be at least ${PASSWORD_MIN} characters`)
      .max(PASSWORD_MAX, `Your new password must be at most ${PASSWORD_MAX} characters`),
    confirm: z.string(),
  })
  .refine((v) => v.next === v.confirm, { path: ["confirm"], message: "The two new passwords do not match" })
  .refine((v) => v.next !== v.current, {
    path: ["next"],
    message: "Choose a password different from your current one",
  });

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const parsed = changeSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return data({ ok: false as const, fieldErrors: z.flattenError(parsed.error).fieldErrors }, { status: 400 });
  }
  if (!(await verifyPassword(parsed.data.current, viewer.user.passwordHash))) {
    await audit(context, { type: "password.change.failure", orgId: viewer.org.id, actorId: viewer.user.id });
    return data(
      { ok: false as const, fieldErrors: { current: ["Your current password is not right"] } },
      { status: 400 },
    );
  }
  await context.store.updateUser(viewer.user.id, { passwordHash: await hashPassword(parsed.data.next) });
  const revoked = await context.store.deleteSessionsForUser(viewer.user.id, viewer.session.id);
  await audit(context, {
    type: "password.change",
    orgId: viewer.org.id,
    actorId: viewer.user.id,
    detail: { revokedSessions: revoked },
  });
  return data({ ok: true as const, fieldErrors: {} as Record<string, string[] | undefined> });
}

const ROLE_LABEL = { clinician: "Clinician", educator: "Educator", admin: "Administrator" } as const;

function Field({
  id,
  label,
  autoComplete,
  error,
  hint,
}: {
  id: string;
  label: string;
  autoComplete: string;
  error?: string;
  hint?: string;
}) {
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <span className="nhsuk-error-message" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
      <input
        className="nhsuk-input nhsuk-u-width-two-thirds"
        id={id}
        name={id}
        type="password"
        autoComplete={autoComplete}
        aria-describedby={describedBy}
      />
    </div>
  );
}

export default function AccountPage() {
  const account = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string[] | undefined> = result?.fieldErrors ?? {};
  const summary = Object.entries(errors).flatMap(([field, messages]) =>
    (messages ?? []).map((text) => ({ href: `#${field}`, text })),
  );
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
              <Field
                id="current"
                label="Current password"
                autoComplete="current-password"
                error={errors.current?.[0]}
              />
              <Field
                id="next"
                label="New password"
                autoComplete="new-password"
                error={errors.next?.[0]}
                hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters. A few unrelated words make a strong password.`}
              />
              <Field
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
