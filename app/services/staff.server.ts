// Staff management for admins: add a person, change their details, roles and teams, deactivate or reactivate them,
// always within the admin's own organisation and with role changes audit-logged.
import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { UniqueViolationError } from "~/storage/errors";
import { ROLES, type Role } from "~/storage/types";
import { audit } from "~/services/audit.server";
import { createInvitationLink, emailInvitation } from "~/services/invitations.server";
import type { MailOutcome } from "~/services/mailer.server";
import { deny, type Viewer } from "~/utils/auth.server";

export const staffSchema = z.object({
  email: z.string().trim().toLowerCase().min(3, "Enter an email address").max(254).email("Enter a valid email address"),
  name: z.string().trim().min(1, "Enter their name").max(200, "Names are at most 200 characters"),
  roles: z.array(z.enum(ROLES)).min(1, "Choose at least one role"),
  teamIds: z
    .array(z.string().max(100))
    .max(50)
    .transform((ids) => ids.filter(Boolean)),
});

export type StaffInput = z.output<typeof staffSchema>;

export type StaffOutcome = { ok: true; userId: string } | { ok: false; fieldErrors: Record<string, string[]> };

async function onlyOwnTeams(context: AppLoadContext, orgId: string, teamIds: string[]): Promise<string[]> {
  const own = new Set((await context.store.listTeams(orgId)).map((t) => t.id));
  return teamIds.filter((t) => own.has(t));
}

export async function addStaffMember(
  context: AppLoadContext,
  viewer: Viewer,
  input: StaffInput,
): Promise<StaffOutcome> {
  try {
    const user = await context.store.createUser({ email: input.email, name: input.name, passwordHash: null });
    await context.store.setMembership({
      userId: user.id,
      orgId: viewer.org.id,
      roles: input.roles,
      teamIds: await onlyOwnTeams(context, viewer.org.id, input.teamIds),
    });
    await audit(context, {
      type: "staff.add",
      orgId: viewer.org.id,
      actorId: viewer.user.id,
      detail: { userId: user.id, roles: input.roles.join(",") },
    });
    return { ok: true, userId: user.id };
  } catch (error) {
    if (error instanceof UniqueViolationError)
      // Neutral: the same words whoever holds the address, so other organisations' staff cannot be probed.
      return {
        ok: false,
        fieldErrors: {
          email: ["This email address cannot be added here. Check it, or ask the person for another one."],
        },
      };
    throw error;
  }
}

/**
 * Adds a person and makes their one-time set-password link: emailed to them when SMTP_URL is set, and always returned
 * so the admin can copy it when there is no mail server or the email could not be sent.
 */
export async function inviteStaffMember(
  context: AppLoadContext,
  viewer: Viewer,
  input: StaffInput,
  origin: string,
): Promise<{ ok: true; link: string; email: MailOutcome } | { ok: false; fieldErrors: Record<string, string[]> }> {
  const added = await addStaffMember(context, viewer, input);
  if (!added.ok) return added;
  const link = await createInvitationLink(context, viewer, added.userId, origin);
  const person = { id: added.userId, name: input.name, email: input.email };
  return { ok: true, link, email: await emailInvitation(context, viewer, person, link, "invitation") };
}

/** A member of the admin's own organisation; anyone else is a 404 that does not reveal whether they exist. */
export async function requireStaffMember(
  request: Request,
  context: AppLoadContext,
  viewer: Viewer,
  userId: string | undefined,
) {
  const membership = userId ? await context.store.getMembership(userId, viewer.org.id) : null;
  const user = membership ? await context.store.getUser(membership.userId) : null;
  if (!membership || !user) return deny(context, viewer, request, 404, "staff member of another organisation");
  return { user, membership };
}

/** Whether the person belongs to other organisations too, whose admins this one must not overrule. */
export async function sharedWithOtherOrgs(context: AppLoadContext, userId: string, orgId: string): Promise<boolean> {
  return (await context.store.listMembershipsForUser(userId)).some((m) => m.orgId !== orgId);
}

export async function updateStaffMember(
  context: AppLoadContext,
  viewer: Viewer,
  userId: string,
  input: StaffInput,
): Promise<StaffOutcome> {
  const membership = await context.store.getMembership(userId, viewer.org.id);
  const user = await context.store.getUser(userId);
  if (!membership || !user) throw new Response("Not found", { status: 404 });
  if (userId === viewer.user.id && !input.roles.includes("admin")) {
    return {
      ok: false,
      fieldErrors: { roles: ["You cannot remove your own admin role. Ask another admin to do it."] },
    };
  }
  const identityChanged = user.email !== input.email || user.name !== input.name;
  if (identityChanged && (await sharedWithOtherOrgs(context, userId, viewer.org.id))) {
    return {
      ok: false,
      fieldErrors: {
        email: ["This person also belongs to another organisation, so only they can change their name or email."],
      },
    };
  }
  if (identityChanged) {
    try {
      await context.store.updateUser(userId, { email: input.email, name: input.name });
    } catch (error) {
      if (error instanceof UniqueViolationError)
        return { ok: false, fieldErrors: { email: ["Someone else already uses this email address."] } };
      throw error;
    }
  }
  const teamIds = await onlyOwnTeams(context, viewer.org.id, input.teamIds);
  await context.store.setMembership({ userId, orgId: viewer.org.id, roles: input.roles, teamIds });
  const before = [...membership.roles].sort().join(",");
  const after = [...input.roles].sort().join(",");
  if (before !== after) {
    await audit(context, {
      type: "role.change",
      orgId: viewer.org.id,
      actorId: viewer.user.id,
      detail: { userId, from: before, to: after },
    });
  }
  return { ok: true, userId };
}

/** Deactivating revokes every session at once; attempts, certificates and audit history stay. */
export async function setStaffActive(
  context: AppLoadContext,
  viewer: Viewer,
  userId: string,
  active: boolean,
): Promise<string | null> {
  if (userId === viewer.user.id) return "You cannot deactivate your own account.";
  if (!(await context.store.getMembership(userId, viewer.org.id))) throw new Response("Not found", { status: 404 });
  if (await sharedWithOtherOrgs(context, userId, viewer.org.id)) {
    return "This person also belongs to another organisation; deactivating their account would lock them out there too. Remove their roles here instead.";
  }
  await context.store.updateUser(userId, { active });
  const revoked = active ? 0 : await context.store.deleteSessionsForUser(userId);
  await audit(context, {
    type: active ? "user.reactivate" : "user.deactivate",
    orgId: viewer.org.id,
    actorId: viewer.user.id,
    detail: { userId, revokedSessions: revoked },
  });
  return null;
}

export const ROLE_LABELS: Record<Role, string> = { clinician: "Clinician", educator: "Educator", admin: "Admin" };
