// Security headers on every response: CSP with a per-request nonce, permissions, framing, sniffing, HSTS in production.
import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

export function contentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // MediaPipe compiles WebAssembly; 'wasm-unsafe-eval' allows that without allowing JS eval.
    "script-src": ["'self'", `'nonce-${nonce}'`, "'wasm-unsafe-eval'"],
    "style-src": ["'self'", `'nonce-${nonce}'`],
    // Charts and the branch graph position elements with style attributes.
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "media-src": ["'self'", "blob:", "mediastream:"],
    "font-src": ["'self'"],
    // The privacy promise: nothing, including MediaPipe's usage logs, may be sent to another origin.
    "connect-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  if (options.dev) {
    // Vite's dev server injects styles and talks to its HMR socket; production never gets these.
    directives["style-src"] = ["'self'", "'unsafe-inline'"];
    directives["script-src"]!.push("'unsafe-inline'");
    directives["connect-src"]!.push("ws://localhost:*", "ws://127.0.0.1:*");
    directives["script-src"] = directives["script-src"]!.filter((d) => !d.startsWith("'nonce-"));
  }
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

export function securityHeaders(options: { production: boolean; dev: boolean }) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = createNonce();
    res.locals.nonce = nonce;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, { dev: options.dev }));
    res.setHeader("Permissions-Policy", "camera=(self), microphone=(self), geolocation=(), payment=(), usb=()");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (options.production) {
      res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
    }
    next();
  };
}
