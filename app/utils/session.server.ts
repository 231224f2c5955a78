// Server-side sessions: a random token in a signed cookie, its SHA-256 in the store, idle and absolute expiry.
import { createHash, randomBytes } from "node:crypto";
import { createCookie, type Cookie } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import type { Session } from "~/storage/types";

export const SESSION_IDLE_MS = 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** Writing lastSeenAt on every request would rewrite the lowdb file constantly; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60 * 1000;

const cookies = new WeakMap<object, Cookie>();

function sessionCookie(context: AppLoadContext): Cookie {
  let cookie = cookies.get(context.config);
  if (!cookie) {
    cookie = createCookie(context.config.isProduction ? "__Host-webside" : "webside_session", {
      httpOnly: true,
      sameSite: "lax",
      secure: context.config.isProduction,
      path: "/",
      secrets: context.config.sessionSecrets,
      maxAge: SESSION_ABSOLUTE_MS / 1000,
    });
    cookies.set(context.config, cookie);
  }
  return cookie;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function startSession(context: AppLoadContext, userId: string, orgId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = context.now();
  await context.store.createSession({
    id: hashToken(token),
    userId,
    orgId,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
  });
  return sessionCookie(context).serialize(token);
}

export function isSessionLive(session: Session, now: Date): boolean {
  const t = now.getTime();
  return Date.parse(session.expiresAt) > t && Date.parse(session.lastSeenAt) + SESSION_IDLE_MS > t;
}

/** The live session behind the request's cookie, or null. Expired sessions are deleted on sight. */
export async function readSession(request: Request, context: AppLoadContext): Promise<Session | null> {
  const token: unknown = await sessionCookie(context).parse(request.headers.get("Cookie"));
  if (typeof token !== "string" || token.length < 20) return null;
  const session = await context.store.getSession(hashToken(token));
  if (!session) return null;
  const now = context.now();
  if (!isSessionLive(session, now)) {
    await context.store.deleteSession(session.id);
    return null;
  }
  if (now.getTime() - Date.parse(session.lastSeenAt) > TOUCH_INTERVAL_MS) {
    await context.store.touchSession(session.id, now.toISOString());
  }
  return session;
}

export async function endSession(request: Request, context: AppLoadContext): Promise<string> {
  const session = await readSession(request, context);
  if (session) await context.store.deleteSession(session.id);
  return sessionCookie(context).serialize("", { maxAge: 0 });
}
