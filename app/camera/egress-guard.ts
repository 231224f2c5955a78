// Refuses, inside the camera worker, any fetch to another origin: belt and braces behind CSP connect-src 'self'.
// tasks-vision 1.1.0 posts usage logs to a Google endpoint; with this guard the request is never even attempted.

export const REFUSED_EGRESS_MESSAGE = "Webside's camera analysis never sends anything to another site.";

type Fetch = typeof fetch;

/** The origin-checking fetch: same-origin (and data:/blob:) requests pass through; anything else is refused locally. */
export function guardedFetch(ownFetch: Fetch, ownOrigin: string, onRefused?: (url: string) => void): Fetch {
  return (input, init) => {
    const raw = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    let url: URL;
    try {
      url = new URL(raw, ownOrigin);
    } catch {
      return Promise.reject(new TypeError(`Not a URL: ${raw}`));
    }
    const local = url.origin === ownOrigin || url.protocol === "data:" || url.protocol === "blob:";
    if (!local) {
      onRefused?.(url.origin);
      return Promise.reject(new TypeError(REFUSED_EGRESS_MESSAGE));
    }
    return ownFetch(input, init);
  };
}

/** Installs the guard on a global scope (the worker's `self`). */
export function installEgressGuard(
  scope: { fetch: Fetch; location: { origin: string } },
  onRefused?: (url: string) => void,
): void {
  scope.fetch = guardedFetch(scope.fetch.bind(scope), scope.location.origin, onRefused);
}
