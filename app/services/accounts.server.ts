// Accounts: signing in (throttled, every outcome audit-logged), accepting an invitation link, and a person's own
// account page and password change. Routes parse the forms with the schemas here and shape the responses.
import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { ConflictError } from "~/storage/errors";
import type { Role } from "~/storage/types";
import { audit } from "~/services/audit.server";
import { checkInvitation } from "~/services/invitations.server";
import type { Viewer } from "~/utils/auth.server";
import type { ParsedForm } from "~/utils/forms.server";
import { enteredPassword, newPassword } from "~/utils/form-schemas";
import { permitGuess } from "~/services/login-throttle.server";
import { HashingBusyError, hashPassword, verifyAgainstDummy, verifyPassword } from "~/utils/password.server";
import { startSession } from "~/utils/session.server";

export const loginForm = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(3, "Enter your email address")
    .max(254)
    .email("Enter a valid email address"),
  password: enteredPassword("Enter your password"),
  redirectTo: z.string().optional(),
});

export const invitationForm = z
  .object({ password: newPassword(), confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords do not match" });

export const passwordChangeForm = z
  .object({
    current: enteredPassword("Enter your current password"),
    next: newPassword("Your new password"),
    confirm: z.string(),
  })
  .refine((v) => v.next === v.confirm, { path: ["confirm"], message: "The two new passwords do not match" })
  .refine((v) => v.next !== v.current, {
    path: ["next"],
    message: "Choose a password different from your current one",
  });

const GENERIC_FAILURE = "The email address or password is not right. Check them and try again.";
const INACTIVE = "This account is no longer active. Ask your administrator.";

export type SignIn =
  | { ok: true; cookie: string }
  | { ok: false; status: 400 | 403 | 429 | 503; message: string; retryAfterSeconds?: number };

/** Runs a password check; a full hashing queue becomes a 503 the person can retry in a moment. */
async function checked(check: () => Promise<boolean>): Promise<boolean | HashingBusyError> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof HashingBusyError) return error;
    throw error;
  }
}

/** Checks the password (spending the same time whether or not the email is known) and starts a session. */
export async function signIn(
  context: AppLoadContext,
  { email, password }: z.output<typeof loginForm>,
): Promise<SignIn> {
  // Counted before the hash, so attempts sent at once cannot all pass the limit (ADR 0050).
  const permit = await permitGuess(context, { kind: "login", email });
  if (!permit.ok) {
    return { ok: false, status: 429, retryAfterSeconds: permit.retryAfterSeconds, message: permit.message };
  }
  const user = await context.store.getUserByEmail(email);
  const memberships = user ? await context.store.listMembershipsForUser(user.id) : [];
  const primaryOrg = memberships[0]?.orgId ?? null;
  const valid = await checked(() =>
    user ? verifyPassword(password, user.passwordHash) : verifyAgainstDummy(password),
  );
  if (valid instanceof HashingBusyError) {
    // Not a guess that was judged: the attempt is given back.
    await permit.succeeded();
    return { ok: false, status: 503, retryAfterSeconds: valid.retryAfterSeconds, message: valid.message };
  }
  if (!user || !valid) {
    await audit(context, { type: "login.failure", orgId: primaryOrg, actorId: user?.id ?? null, detail: { email } });
    return { ok: false, status: 400, message: GENERIC_FAILURE };
  }
  await permit.succeeded();
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
    return { ok: false, status: 403, message };
  }
  const cookie = await startSession(context, user.id, primaryOrg);
  await audit(context, { type: "login.success", orgId: primaryOrg, actorId: user.id, detail: { email } });
  return { ok: true, cookie };
}

export type InvitationView =
  | { ok: true; reason: null; name: string; email: string; org: string }
  | { ok: false; reason: string; name: null; email: null; org: null };

/** Who an invitation link is for, or why it cannot be used. */
export async function invitationView(context: AppLoadContext, token: string | undefined): Promise<InvitationView> {
  const refused = (reason: string) => ({ ok: false as const, reason, name: null, email: null, org: null });
  const state = await checkInvitation(context, token);
  if (!state.ok) return refused(state.reason);
  const [user, org] = await Promise.all([
    context.store.getUser(state.invitation.userId),
    context.store.getOrganisation(state.invitation.orgId),
  ]);
  if (!user || !org || !user.active) return refused(INACTIVE);
  return { ok: true, reason: null, name: user.name, email: user.email, org: org.name };
}

type FormRefusal = Extract<ParsedForm<unknown>, { ok: false }>["response"];
export type InvitationAcceptance =
  { ok: true; cookie: string } | { ok: false; reason: string } | { ok: false; reason: null; refusal: FormRefusal };

/**
 * Sets the password an invitation link was for and signs the person in. The link is checked before the form, so a
 * dead link says so whatever was typed; a refused form is handed back unchanged.
 */
export async function acceptInvitation(
  context: AppLoadContext,
  token: string | undefined,
  form: ParsedForm<z.output<typeof invitationForm>>,
): Promise<InvitationAcceptance> {
  const state = await checkInvitation(context, token);
  if (!state.ok) return { ok: false, reason: state.reason };
  if (!form.ok) return { ok: false, reason: null, refusal: form.response };
  const { invitation } = state;
  const user = await context.store.getUser(invitation.userId);
  if (!user?.active) return { ok: false, reason: INACTIVE };
  const passwordHash = await hashPassword(form.data.password);
  try {
    // Used first, so two tabs racing on one link cannot both set a password.
    await context.store.useInvitation(invitation.id, context.now().toISOString());
  } catch (error) {
    if (error instanceof ConflictError) return { ok: false, reason: error.message };
    throw error;
  }
  await context.store.updateUser(user.id, { passwordHash });
  await context.store.deleteSessionsForUser(user.id);
  await audit(context, { type: "invitation.accept", orgId: invitation.orgId, actorId: user.id });
  return { ok: true, cookie: await startSession(context, user.id, invitation.orgId) };
}

export interface AccountView {
  name: string;
  email: string;
  org: string;
  roles: Role[];
  teams: string[];
}

export async function accountView(context: AppLoadContext, viewer: Viewer): Promise<AccountView> {
  const teams = await context.store.listTeams(viewer.org.id);
  return {
    name: viewer.user.name,
    email: viewer.user.email,
    org: viewer.org.name,
    roles: viewer.membership.roles,
    teams: teams.filter((t) => viewer.membership.teamIds.includes(t.id)).map((t) => t.name),
  };
}

/** Changes the viewer's password after checking the current one, and signs out their other devices. */
export async function changePassword(
  context: AppLoadContext,
  viewer: Viewer,
  { current, next }: z.output<typeof passwordChangeForm>,
): Promise<
  { ok: true } | { ok: false; status: 400 | 429 | 503; retryAfterSeconds?: number; fieldErrors: { current: string[] } }
> {
  // Throttled like login (finding 7 of issue 12): a stolen session must not be able to guess the password.
  const permit = await permitGuess(context, { kind: "current-password", userId: viewer.user.id });
  if (!permit.ok) {
    return {
      ok: false,
      status: 429,
      retryAfterSeconds: permit.retryAfterSeconds,
      fieldErrors: { current: [permit.message] },
    };
  }
  const valid = await checked(() => verifyPassword(current, viewer.user.passwordHash));
  if (valid instanceof HashingBusyError) {
    await permit.succeeded();
    return {
      ok: false,
      status: 503,
      retryAfterSeconds: valid.retryAfterSeconds,
      fieldErrors: { current: [valid.message] },
    };
  }
  if (!valid) {
    await audit(context, { type: "password.change.failure", orgId: viewer.org.id, actorId: viewer.user.id });
    return { ok: false, status: 400, fieldErrors: { current: ["Your current password is not right"] } };
  }
  await permit.succeeded();
  await context.store.updateUser(viewer.user.id, { passwordHash: await hashPassword(next) });
  const revoked = await context.store.deleteSessionsForUser(viewer.user.id, viewer.session.id);
  await audit(context, {
    type: "password.change",
    orgId: viewer.org.id,
    actorId: viewer.user.id,
    detail: { revokedSessions: revoked },
  });
  return { ok: true };
}

/** Moves the viewer's session to another of their organisations; false (nothing changed) if they do not belong to it. */
export async function switchOrganisation(context: AppLoadContext, viewer: Viewer, orgId: string): Promise<boolean> {
  if (!viewer.orgs.some((o) => o.id === orgId)) return false;
  await context.store.switchSessionOrg(viewer.session.id, orgId);
  await audit(context, { type: "org.switch", orgId, actorId: viewer.user.id, detail: { from: viewer.org.id } });
  return true;
}
