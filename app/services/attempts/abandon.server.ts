// Leaving an attempt early: it is kept (it is the record) but no longer in progress.
import type { AppLoadContext } from "@remix-run/node";
import type { Attempt } from "~/storage/types";
import { audit } from "~/services/audit.server";
import { reviseAttempt } from "./revise.server";

/**
 * Marks an attempt as left early. A choice or a presence summary may be stored at the same moment (a second tab, a
 * double-clicked "Start over"): then the newest record is read and, if it is still in progress, ended after all.
 * An attempt that has already ended is returned as it is.
 */
export async function abandonAttempt(context: AppLoadContext, attempt: Attempt): Promise<Attempt> {
  const revised = await reviseAttempt(context, attempt, (current) =>
    current.status === "in-progress" ? { patch: { status: "abandoned" } } : { refuse: "already ended" },
  );
  if (!revised.ok) return revised.attempt;
  await audit(context, {
    type: "attempt.abandon",
    orgId: attempt.orgId,
    actorId: attempt.userId,
    detail: { attemptId: attempt.id, nodeId: revised.attempt.path.at(-1) ?? "" },
  });
  return revised.attempt;
}
