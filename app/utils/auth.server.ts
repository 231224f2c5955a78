// The require... helpers every loader and action starts with: who is asking, in which organisation, with which role.
import { redirect, type AppLoadContext } from "@remix-run/node";
import type { Membership, Organisation, Role, Session, User } from "~/storage/types";
import { audit } from "~/services/audit.server";
import { readSession } from "./session.server";

export interface Viewer {
  user: User;
  session: Session;
  org: Organisation;
  membership: Membership;
  /** Every organisation the user belongs to, for the organisation switcher. */
  orgs: Organisation[];
}

export async function getViewer(request: Request, context: AppLoadContext): Promise<Viewer | null> {
  const session = await readSession(request, context);
  if (!session) return null;
  const user = await context.store.getUser(session.userId);
  if (!user || !user.active) {
    await context.store.deleteSession(session.id);
    return null;
  }
  const memberships = await context.store.listMembershipsForUser(user.id);
  const membership = memberships.find((m) => m.orgId === session.orgId);
  const org = membership ? await context.store.getOrganisation(membership.orgId) : null;
  if (!membership || !org) {
    // Removed from the organisation they were acting in: the session no longer means anything.
    await context.store.deleteSession(session.id);
    return null;
  }
  const orgs = (await Promise.all(memberships.map((m) => context.store.getOrganisation(m.orgId)))).filter(
    (o): o is Organisation => o !== null,
  );
  return { user, session, org, membership, orgs };
}

function loginRedirect(request: Request): Response {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  const params = back && back !== "/" ? `?${new URLSearchParams({ redirectTo: back })}` : "";
  return redirect(`/login${params}`);
}

export async function requireViewer(request: Request, context: AppLoadContext): Promise<Viewer> {
  const viewer = await getViewer(request, context);
  if (!viewer) throw loginRedirect(request);
  return viewer;
}

export function hasRole(viewer: Viewer, ...roles: Role[]): boolean {
  return roles.some((role) => viewer.membership.roles.includes(role));
}

export async function deny(
  context: AppLoadContext,
  viewer: Viewer,
  request: Request,
  status: 403 | 404,
  reason: string,
): Promise<never> {
  await audit(context, {
    type: "access.denied",
    orgId: viewer.org.id,
    actorId: viewer.user.id,
    detail: { path: new URL(request.url).pathname, method: request.method, reason },
  });
  throw new Response(status === 403 ? "You do not have access to this page." : "Not found", { status });
}

/** The viewer must hold at least one of the roles in their current organisation. */
export async function requireRole(request: Request, context: AppLoadContext, ...roles: Role[]): Promise<Viewer> {
  const viewer = await requireViewer(request, context);
  if (!hasRole(viewer, ...roles)) {
    await deny(context, viewer, request, 403, `needs role ${roles.join(" or ")}`);
  }
  return viewer;
}

/** A record from another organisation is reported as missing, so its existence is not revealed. */
export async function requireSameOrg(
  request: Request,
  context: AppLoadContext,
  viewer: Viewer,
  orgId: string | null | undefined,
): Promise<void> {
  if (orgId !== viewer.org.id) await deny(context, viewer, request, 404, "record of another organisation");
}

const SITE = "http://webside.invalid";
// C0 controls, DEL and backslashes: browsers strip or reinterpret them (a tab after "/" makes "//host"), so a path
// holding one is refused outright rather than cleaned up.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_IN_PATH = /[\u0000-\u001f\u007f\\]/;

/**
 * Only a path that stays on this site after the browser's own URL parsing, so a crafted link cannot send someone
 * elsewhere after login. Anything else goes to the fallback (the home page).
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || UNSAFE_IN_PATH.test(to)) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(to, SITE);
  } catch {
    return fallback;
  }
  if (resolved.origin !== SITE) return fallback;
  return to;
}
