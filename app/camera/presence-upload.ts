// Sends the numbers-only presence summary to the server, where it is stored with the attempt (never any picture or sound).
import type { PresenceSummary } from "~/core/feedback";

/** How long a choice may wait for the summary to be saved before the practice moves on regardless. */
export const PRESENCE_POST_TIMEOUT_MS = 1500;

export function presenceUrl(attemptId: string): string {
  return `/api/attempts/${encodeURIComponent(attemptId)}/presence`;
}

export interface PresenceSaved {
  /**
   * The clinician's step (choices made) before and after the write: storing a summary does not change it, so the
   * page's choice form can still be sent with the step it shows.
   */
  from: number;
  step: number;
}

/**
 * POSTs the summary as JSON. keepalive lets the request finish when the page is being left (the summary is well
 * under the 64 KB keepalive budget). Resolves to the step when stored, null otherwise; never throws.
 */
export async function postPresence(
  attemptId: string,
  summary: PresenceSummary,
  options: { keepalive?: boolean; timeoutMs?: number } = {},
): Promise<PresenceSaved | null> {
  try {
    const response = await fetch(presenceUrl(attemptId), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(summary),
      credentials: "same-origin",
      keepalive: options.keepalive ?? false,
      signal: AbortSignal.timeout(options.timeoutMs ?? PRESENCE_POST_TIMEOUT_MS),
    });
    if (!response.ok) return null;
    const body = (await response.json()) as { from?: unknown; step?: unknown };
    return typeof body.from === "number" && typeof body.step === "number" ? { from: body.from, step: body.step } : null;
  } catch {
    // Offline or slow: the post before the next choice carries the same numbers and more.
    return null;
  }
}
