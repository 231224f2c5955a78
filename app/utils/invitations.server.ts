// One-time set-password links an admin copies to a new member (no mail server needed); only the token's hash is stored.
import { randomBytes } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import type { Invitation } from "~/storage/types";
import { audit } from "./audit.server";
import type { Viewer } from "./auth.server";
import { hashToken } from "./session.server";

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
  return { ok: true, invitation };
}
