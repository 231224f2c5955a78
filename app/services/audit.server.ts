// One place that writes audit events, so every login, denial, role change, publish and export is recorded the same way.
import type { AppLoadContext } from "@remix-run/node";
import type { AuditDetail } from "~/storage/types";

export async function audit(
  context: AppLoadContext,
  event: { type: string; orgId: string | null; actorId: string | null; detail?: AuditDetail },
): Promise<void> {
  await context.store.appendAudit({
    type: event.type,
    orgId: event.orgId,
    actorId: event.actorId,
    detail: { ip: context.clientIp, ...event.detail },
    at: context.now().toISOString(),
  });
}
