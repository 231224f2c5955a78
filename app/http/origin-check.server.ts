// CSRF defence for every mutation: the request must come from our own origin, proved by the Origin header.
import type { NextFunction, Request, Response } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** code names the kind of refusal in a few fixed words, for counting; reason is the message for the person. */
export type OriginVerdict = { ok: true } | { ok: false; code: string; reason: string };

/**
 * Browsers send Origin on every POST (same-origin included), so a mutation without one did not come from our
 * pages: it is refused rather than trusted, which also covers old clients and stripped headers.
 */
export function checkMutationOrigin(input: {
  method: string;
  origin: string | undefined;
  host: string | undefined;
  protocol: string;
}): OriginVerdict {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return { ok: true };
  if (!input.origin || input.origin === "null") {
    return {
      ok: false,
      code: "missing origin",
      reason: "This form was sent without an Origin header, so Webside cannot tell it came from its own pages.",
    };
  }
  if (!input.host) return { ok: false, code: "missing host", reason: "The request has no Host header." };
  let origin: URL;
  try {
    origin = new URL(input.origin);
  } catch {
    return { ok: false, code: "invalid origin", reason: "The Origin header is not a valid URL." };
  }
  if (origin.host !== input.host || origin.protocol !== `${input.protocol}:`) {
    return { ok: false, code: "other origin", reason: `Requests from ${origin.origin} may not change anything here.` };
  }
  return { ok: true };
}

export function originCheck(onRefused?: (req: Request, code: string) => void) {
  return (req: Request, res: Response, next: NextFunction) => {
    const verdict = checkMutationOrigin({
      method: req.method,
      origin: req.get("origin"),
      host: req.get("host"),
      protocol: req.protocol,
    });
    if (verdict.ok) return next();
    onRefused?.(req, verdict.code);
    res.status(403).type("text/plain").send(`Forbidden: ${verdict.reason} Reload the page and try again.`);
  };
}
