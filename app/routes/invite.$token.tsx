// Accepting an invitation: the one-time link an admin copied sets this person's password and signs them in.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ConflictError } from "~/storage/errors";
import { audit } from "~/utils/audit.server";
import { checkInvitation } from "~/utils/invitations.server";
import { PASSWORD_MAX, PASSWORD_MIN } from "~/utils/password-rules";
import { hashPassword } from "~/utils/password.server";
import { startSession } from "~/utils/session.server";

export const meta: MetaFunction = () => [
  { title: "Set your password | Webside" },
  { name: "referrer", content: "no-referrer" },
];

export async function loader({ context, params }: LoaderFunctionArgs) {
  const state = await checkInvitation(context, params.token);
  if (!state.ok)
    return data({ ok: false as const, reason: state.reason, name: null, email: null, org: null }, { status: 410 });
  const [user, org] = await Promise.all([
    context.store.getUser(state.invitation.userId),
    context.store.getOrganisation(state.invitation.orgId),
  ]);
  if (!user || !org || !user.active)
    return data(
      {
        ok: false as const,
        reason: "This account is no longer active. Ask your administrator.",
        name: null,
        email: null,
        org: null,
      },
      { status: 410 },
    );
  return { ok: true as const, reason: null, name: user.name, email: user.email, org: org.name };
}

const passwordSchema = z
  .object({
    password: z
      .string()
      .min(PASSWORD_MIN, `Your password must be at least ${PASSWORD_MIN} characters`)
      .max(PASSWORD_MAX, `Your password must be at most ${PASSWORD_MAX} characters`),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords do not match" });

export async function action({ request, context, params }: ActionFunctionArgs) {
  const state = await checkInvitation(context, params.token);
  if (!state.ok)
    return data({ fieldErrors: {} as Record<string, string[] | undefined>, error: state.reason }, { status: 410 });
  const parsed = passwordSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success)
    return data(
      { fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>, error: null },
      { status: 400 },
    );
  const { invitation } = state;
  const user = await context.store.getUser(invitation.userId);
  if (!user?.active)
    return data(
      { fieldErrors: {}, error: "This account is no longer active. Ask your administrator." },
      { status: 410 },
    );
  const passwordHash = await hashPassword(parsed.data.password);
  try {
    // Used first, so two tabs racing on one link cannot both set a password.
    await context.store.useInvitation(invitation.id, context.now().toISOString());
  } catch (error) {
    if (error instanceof ConflictError) return data({ fieldErrors: {}, error: error.message }, { status: 410 });
    throw error;
  }
  await context.store.updateUser(user.id, { passwordHash });
  await context.store.deleteSessionsForUser(user.id);
  await audit(context, { type: "invitation.accept", orgId: invitation.orgId, actorId: user.id });
  const cookie = await startSession(context, user.id, invitation.orgId);
  return redirect("/", { headers: { "Set-Cookie": cookie } });
}

export default function InvitePage() {
  const invite = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string[] | undefined> = result?.fieldErrors ?? {};
  if (!invite.ok || result?.error) {
    return (
      <>
        <h1>This link cannot be used</h1>
        <p>{result?.error ?? invite.reason}</p>
        <p>
          <a href="/login">Go to the login page</a>
        </p>
      </>
    );
  }
  const field = (id: "password" | "confirm", label: string, hint?: string) => (
    <div className={`nhsuk-form-group${errors[id] ? " nhsuk-form-group--error" : ""}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {errors[id] ? (
        <span className="nhsuk-error-message" id={`${id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {errors[id]![0]}
        </span>
      ) : null}
      <input
        className="nhsuk-input nhsuk-u-width-two-thirds"
        id={id}
        name={id}
        type="password"
        autoComplete="new-password"
        aria-describedby={[hint ? `${id}-hint` : "", errors[id] ? `${id}-error` : ""].join(" ").trim() || undefined}
      />
    </div>
  );
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
          {field(
            "password",
            "Choose a password",
            `${PASSWORD_MIN} to ${PASSWORD_MAX} characters. A few unrelated words make a strong password.`,
          )}
          {field("confirm", "Type it again")}
          <button type="submit" className="nhsuk-button">
            Set password and sign in
          </button>
        </Form>
      </div>
    </div>
  );
}
