// Tells the others in the lobby what this person's own camera check found: ready, or how many things to fix. Only the
// verdict is sent (the check itself runs on this device), once it settles and whenever it changes.
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { Readiness } from "~/core/feedback";

/** A verdict must hold this long before it is sent, so a passing shadow or a glance away does not flicker the list. */
export const CALL_CHECK_SETTLE_MS = 1500;

/** The verdict to share, or null while the check is still looking. */
export function callCheckVerdict(readiness: Readiness | null): { ready: boolean; toFix: number } | null {
  if (!readiness || readiness.lines.some((line) => line.status === "checking")) return null;
  const toFix = readiness.lines.filter((line) => line.status === "fix").length;
  return { ready: readiness.ready, toFix: readiness.ready ? 0 : Math.max(1, toFix) };
}

export function useShareCallCheck(inLobby: boolean, readiness: Readiness | null): void {
  const fetcher = useFetcher();
  const submit = useRef(fetcher.submit);
  submit.current = fetcher.submit;
  const sent = useRef("");
  const verdict = inLobby ? callCheckVerdict(readiness) : null;
  const key = verdict ? `${verdict.ready}:${verdict.toFix}` : "";
  useEffect(() => {
    if (!verdict || key === sent.current) return;
    const timer = window.setTimeout(() => {
      sent.current = key;
      submit.current(
        { intent: "check", ready: verdict.ready ? "yes" : "no", toFix: String(verdict.toFix) },
        { method: "post" },
      );
    }, CALL_CHECK_SETTLE_MS);
    return () => window.clearTimeout(timer);
    // The key says all there is to the verdict.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}
