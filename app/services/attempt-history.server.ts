// What a learner did on earlier attempts of the same scenario, for "try the other path".
import type { AppLoadContext } from "@remix-run/node";
import type { Attempt } from "~/storage/types";

/** The choice ids taken on the most recent earlier completed attempt of the same scenario. */
export async function previousChoices(context: AppLoadContext, attempt: Attempt): Promise<string[]> {
  const attempts = await context.store.listAttemptsForUser(attempt.userId, attempt.orgId);
  const earlier = attempts
    .filter((a) => a.id !== attempt.id && a.scenarioId === attempt.scenarioId && a.status === "completed")
    .sort((a, b) => (b.completedAt ?? "").localeCompare(a.completedAt ?? ""))[0];
  if (!earlier) return [];
  const snapshot = earlier.snapshot as { context?: { transcript?: Array<{ choiceId?: unknown }> } } | null;
  return (snapshot?.context?.transcript ?? [])
    .map((t) => t.choiceId)
    .filter((id): id is string => typeof id === "string");
}
