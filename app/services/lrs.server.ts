// The organisation's Learning Record Store connection: what the admin page shows (never the saved secret), saving a
// checked endpoint, removing it, and the state of the queue of statements waiting to be sent.
import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { audit } from "~/services/audit.server";
import { checkLrsEndpoint, testLrsConnection } from "~/services/lrs-endpoint.server";
import type { Viewer } from "~/utils/auth.server";

export const lrsConnectionSchema = z.object({
  endpoint: z
    .string()
    .trim()
    .url("Enter the LRS endpoint as a full address, e.g. https://lrs.example.nhs.uk/xapi/")
    .refine(
      (u) => /^https?:\/\//.test(u),
      "The endpoint must start with https:// (or http:// for a test LRS on this network)",
    )
    .max(500),
  username: z.string().trim().min(1, "Enter the LRS key or username").max(200),
  password: z.string().max(500),
});

function verbOf(statement: unknown): string {
  const display = (statement as { verb?: { display?: Record<string, string> } } | null)?.verb?.display;
  return display ? (Object.values(display)[0] ?? "statement") : "statement";
}

export async function lrsStatus(context: AppLoadContext, orgId: string) {
  const [settings, pending, recent] = await Promise.all([
    context.store.getOrgSettings(orgId),
    context.store.listXapiQueue(orgId, { pending: true, limit: 500 }),
    context.store.listXapiQueue(orgId, { limit: 200 }),
  ]);
  const lrs = settings?.lrs ?? null;
  return {
    // Never the password: only whether one is saved.
    lrs: lrs ? { endpoint: lrs.endpoint, username: lrs.username, hasPassword: lrs.password.length > 0 } : null,
    pending: pending.length,
    failing: pending
      .filter((q) => q.lastError)
      .slice(0, 20)
      .map((q) => ({
        id: q.id,
        tries: q.tries,
        lastError: q.lastError!,
        nextTryAt: q.nextTryAt,
        verb: verbOf(q.statement),
      })),
    sentRecently: recent.filter((q) => q.sentAt).length,
  };
}

/**
 * Saves the connection once the endpoint passes the address rules (ADR 0052), then tests it with the credentials so
 * the admin learns at once whether statements will arrive; an empty password keeps the saved one. A failed test
 * still saves (the LRS may be set up later; queued statements are retried) but says so plainly.
 */
export async function saveLrsConnection(
  context: AppLoadContext,
  viewer: Viewer,
  input: z.output<typeof lrsConnectionSchema>,
): Promise<
  { ok: true; connection: { ok: boolean; message: string } } | { ok: false; fieldErrors: Record<string, string[]> }
> {
  const rules = { production: context.config.isProduction, allowPrivate: context.config.lrsAllowPrivate ?? false };
  const refused = await checkLrsEndpoint(input.endpoint, rules);
  if (refused) return { ok: false, fieldErrors: { endpoint: [refused] } };
  const existing = (await context.store.getOrgSettings(viewer.org.id))?.lrs;
  // The page never shows the saved password, so leaving the field empty means "keep it".
  const password = input.password || existing?.password || "";
  if (!password) return { ok: false, fieldErrors: { password: ["Enter the LRS secret or password"] } };
  await context.store.setLrsSettings(
    viewer.org.id,
    { endpoint: input.endpoint, username: input.username, password },
    context.now().toISOString(),
  );
  await audit(context, {
    type: "lrs.save",
    orgId: viewer.org.id,
    actorId: viewer.user.id,
    detail: { endpoint: input.endpoint },
  });
  return { ok: true, connection: await testLrsConnection({ ...input, password }, rules) };
}

/** Removes the connection; statements are no longer queued for it. */
export async function removeLrsConnection(context: AppLoadContext, viewer: Viewer): Promise<void> {
  await context.store.setLrsSettings(viewer.org.id, null, context.now().toISOString());
  await audit(context, { type: "lrs.clear", orgId: viewer.org.id, actorId: viewer.user.id });
}
