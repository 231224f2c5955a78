// One-time set-password links for a new member (emailed when SMTP_URL is set, otherwise copied by the admin); only
// the token's hash is stored.
import { randomBytes } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import type { Invitation } from "~/storage/types";
import { invitationEmail, type InvitationKind } from "~/core/accounts/invitation-email";
import { audit } from "~/services/audit.server";
import { sendMail, type MailOutcome } from "~/services/mailer.server";
import type { Viewer } from "~/utils/auth.server";
import { hashToken } from "~/utils/session.server";

export const INVITATION_DAYS = 14;

export async function createInvitationLink(
  context: AppLoadContext,
  viewer: Viewer,
  userId: string,
  origin: string,
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = context.now();
  await context.store.createInvitation({
    id: hashToken(token),
    userId,
    orgId: viewer.org.id,
    createdBy: viewer.user.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
    usedAt: null,
  });
  await audit(context, {
    type: "invitation.create",
    orgId: viewer.org.id,
    actorId: viewer.user.id,
    detail: { userId },
  });
  return `${origin}/invite/${token}`;
}

/**
 * Why this admin may not issue a set-password link for this person, or null. A link sets a password without knowing
 * the old one, so it is only for someone who has never set one and belongs to no other organisation: otherwise it
 * would let one organisation's admin take over an account another organisation relies on (issue 12).
 */
export async function invitationRefusal(
  context: AppLoadContext,
  orgId: string,
  userId: string,
): Promise<string | null> {
  const [user, memberships] = await Promise.all([
    context.store.getUser(userId),
    context.store.listMembershipsForUser(userId),
  ]);
  if (!user) return "This person no longer has an account.";
  if (memberships.some((m) => m.orgId !== orgId)) {
    return "This person also belongs to another organisation, so a set-password link cannot be made here. They can change their password on their account page.";
  }
  if (user.passwordHash !== null) {
    return "This person has already set a password, so a new link would replace it without them knowing. They can change it on their account page after logging in.";
  }
  return null;
}

/** Emails the link to the person when SMTP_URL is set (audit-logged); `{ sent: null }` means the admin copies it. */
export async function emailInvitation(
  context: AppLoadContext,
  viewer: Viewer,
  person: { id: string; name: string; email: string },
  link: string,
  kind: InvitationKind,
): Promise<MailOutcome> {
  const message = invitationEmail({ name: person.name, orgName: viewer.org.name, link, kind, days: INVITATION_DAYS });
  const outcome = await sendMail(context.config, { to: person.email, ...message });
  if (outcome.sent !== null) {
    await audit(context, {
      type: outcome.sent ? "invitation.email" : "invitation.email-failed",
      orgId: viewer.org.id,
      actorId: viewer.user.id,
      detail: { userId: person.id, ...(outcome.sent ? {} : { reason: outcome.reason }) },
    });
  }
  return outcome;
}

/**
 * Issues a new link only when invitationRefusal allows it, and emails it when SMTP_URL is set; a refusal is
 * audit-logged and returned as the message.
 */
export async function issueInvitationLink(
  context: AppLoadContext,
  viewer: Viewer,
  person: { id: string; name: string; email: string },
  origin: string,
): Promise<{ ok: true; link: string; email: MailOutcome } | { ok: false; message: string }> {
  const userId = person.id;
  const refusal = await invitationRefusal(context, viewer.org.id, userId);
  if (refusal) {
    await audit(context, {
      type: "invitation.refused",
      orgId: viewer.org.id,
      actorId: viewer.user.id,
      detail: { userId, reason: refusal.slice(0, 200) },
    });
    return { ok: false, message: refusal };
  }
  const link = await createInvitationLink(context, viewer, userId, origin);
  return { ok: true, link, email: await emailInvitation(context, viewer, person, link, "new-link") };
}

export type InvitationState = { ok: true; invitation: Invitation } | { ok: false; reason: string };

/** Whether a link can still be used, with a reason a person can act on when it cannot. */
export async function checkInvitation(context: AppLoadContext, token: string | undefined): Promise<InvitationState> {
  const invitation = token && token.length >= 20 ? await context.store.getInvitation(hashToken(token)) : null;
  if (!invitation)
    return {
      ok: false,
      reason: "This link is not valid. Check you copied all of it, or ask your administrator for a new one.",
    };
  if (invitation.usedAt)
    return {
      ok: false,
      reason: "This link has already been used to set a password. Log in, or ask your administrator for a new link.",
    };
  if (Date.parse(invitation.expiresAt) <= context.now().getTime()) {
    return {
      ok: false,
      reason: `This link has expired (links last ${INVITATION_DAYS} days). Ask your administrator for a new one.`,
    };
  }
  // Checked when used too: since the link was made the person may have set a password or joined another organisation.
  if (await invitationRefusal(context, invitation.orgId, invitation.userId)) {
    return {
      ok: false,
      reason: "This link can no longer be used: the account has a password now. Log in, or ask your administrator.",
    };
  }
  return { ok: true, invitation };
}
