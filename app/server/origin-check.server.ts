// CSRF defence for every mutation: the request must come from our own origin, proved by the Origin header.
import type { NextFunction, Request, Response } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

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
      reason: "This form was sent without an Origin header, so Webside cannot tell it came from its own pages.",
    };
  }
  if (!input.host) return { ok: false, reason: "The request has no Host header." };
  let origin: URL;
  try {
    origin = new URL(input.origin);
  } catch {
    return { ok: false, reason: "The Origin header is not a valid URL." };
  }
  if (origin.host !== input.host || origin.protocol !== `${input.protocol}:`) {
    return { ok: false, reason: `Requests from ${origin.origin} may not change anything here.` };
  }
  return { ok: true };
}

export function originCheck(onRefused?: (req: Request, reason: string) => void) {
  return (req: Request, res: Response, next: NextFunction) => {
    const verdict = checkMutationOrigin({
      method: req.method,
      origin: req.get("origin"),
      host: req.get("host"),
      protocol: req.protocol,
    });
    if (verdict.ok) return next();
    onRefused?.(req, verdict.reason);
    res.status(403).type("text/plain").send(`Forbidden: ${verdict.reason} Reload the page and try again.`);
  };
}
