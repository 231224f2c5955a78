// Sign in: email and password, throttled per account and address, every outcome audit-logged.
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/error-summary";
import { audit } from "~/utils/audit.server";
import { getViewer, safeRedirect } from "~/utils/auth.server";
import { verifyAgainstDummy, verifyPassword } from "~/utils/password.server";
import { startSession } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Log in | Webside" }];

// Remix only sends an action's headers when the route passes them on; the throttle's Retry-After must reach the client.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

const loginSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(3, "Enter your email address")
    .max(254)
    .email("Enter a valid email address"),
  password: z.string().min(1, "Enter your password").max(128, "Passwords are at most 128 characters"),
  redirectTo: z.string().optional(),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getViewer(request, context)) throw redirect("/");
  return null;
}

const GENERIC_FAILURE = "The email address or password is not right. Check them and try again.";

export async function action({ request, context }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData());
  const parsed = loginSchema.safeParse(form);
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors;
    return data({ error: null, fieldErrors, email: String(form.email ?? "") }, { status: 400 });
  }
  const { email, password } = parsed.data;
  const limitKeys = [`email:${email}`, `ip:${context.clientIp}`];
  const decision = context.loginLimiter.check(limitKeys, context.now().getTime());
  if (!decision.allowed) {
    await audit(context, { type: "login.throttled", orgId: null, actorId: null, detail: { email } });
    return data(
      {
        error: `Too many login attempts. For your security, wait ${decision.retryAfterSeconds} seconds before trying again.`,
        fieldErrors: {},
        email,
      },
      { status: 429, headers: { "Retry-After": String(decision.retryAfterSeconds) } },
    );
  }

  const user = await context.store.getUserByEmail(email);
  const memberships = user ? await context.store.listMembershipsForUser(user.id) : [];
  const primaryOrg = memberships[0]?.orgId ?? null;
  const valid = user ? await verifyPassword(password, user.passwordHash) : await verifyAgainstDummy(password);
  if (!user || !valid) {
    context.loginLimiter.recordFailure(limitKeys, context.now().getTime());
    await audit(context, { type: "login.failure", orgId: primaryOrg, actorId: user?.id ?? null, detail: { email } });
    return data({ error: GENERIC_FAILURE, fieldErrors: {}, email }, { status: 400 });
  }
  if (!user.active || !primaryOrg) {
    await audit(context, {
      type: "login.failure",
      orgId: primaryOrg,
      actorId: user.id,
      detail: { email, reason: user.active ? "no organisation" : "deactivated" },
    });
    const message = user.active
      ? "Your account is not part of any organisation yet. Ask your administrator to add you."
      : "This account has been deactivated. Ask your administrator if you need access again.";
    return data({ error: message, fieldErrors: {}, email }, { status: 403 });
  }
  const cookie = await startSession(context, user.id, primaryOrg);
  await audit(context, { type: "login.success", orgId: primaryOrg, actorId: user.id, detail: { email } });
  return redirect(safeRedirect(parsed.data.redirectTo), { headers: { "Set-Cookie": cookie } });
}

export default function LoginPage() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const fieldErrors: Record<string, string[] | undefined> = result?.fieldErrors ?? {};
  const errors = [
    ...(result?.error ? [{ href: "#email", text: result.error }] : []),
    ...Object.entries(fieldErrors).flatMap(([field, messages]) =>
      (messages ?? []).map((text) => ({ href: `#${field}`, text })),
    ),
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
          <div className={`nhsuk-form-group${fieldErrors.email ? " nhsuk-form-group--error" : ""}`}>
            <label className="nhsuk-label" htmlFor="email">
              Email address
            </label>
            {fieldErrors.email ? (
              <span className="nhsuk-error-message" id="email-error">
                {fieldErrors.email[0]}
              </span>
            ) : null}
            <input
              className="nhsuk-input"
              id="email"
              name="email"
              type="email"
              autoComplete="username"
              spellCheck={false}
              defaultValue={result?.email ?? ""}
              aria-describedby={fieldErrors.email ? "email-error" : undefined}
              required
            />
          </div>
          <div className={`nhsuk-form-group${fieldErrors.password ? " nhsuk-form-group--error" : ""}`}>
            <label className="nhsuk-label" htmlFor="password">
              Password
            </label>
            {fieldErrors.password ? (
              <span className="nhsuk-error-message" id="password-error">
                {fieldErrors.password[0]}
              </span>
            ) : null}
            <input
              className="nhsuk-input"
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              aria-describedby={fieldErrors.password ? "password-error" : undefined}
              required
            />
          </div>
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
          <p className="ws-muted">Your video never leaves your device. Only numbers are stored.</p>
        </div>
      </div>
    </div>
  );
}
