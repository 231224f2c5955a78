// The Express application around Remix: security headers, the CSRF origin check, static files with the right caching.
import path from "node:path";
import { createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import { remixRequest, sendRemixResponse } from "~/http/remix-bridge.server";
import compression from "compression";
import express from "express";
import type { Store } from "~/storage/types";
import "~/utils/context.server";
import type { AppConfig } from "~/utils/env.server";
import { bodyLimit } from "~/http/body-limit.server";
import { originCheck } from "~/http/origin-check.server";
import { RefusalTally } from "~/http/refusal-tally.server";
import { securityHeaders } from "~/http/security-headers.server";

export interface AppOptions {
  config: AppConfig;
  store: Store;
  /** Production: the built server bundle. Development: a loader that asks Vite for it on each request. */
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** Development only: Vite's middleware. */
  devMiddleware?: express.RequestHandler;
  root: string;
  now?: () => Date;
  /** How often counted cross-site refusals are written to the audit log (default a minute; tests shorten it). */
  refusalFlushMs?: number;
}

const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * compression's own choice, except for server-sent events: compressing a live session's signalling stream would hold
 * each event in the compressor's buffer, and the peers would wait seconds for an offer (ADR 0054).
 */
export function compressible(req: express.Request, res: express.Response): boolean {
  const type = res.getHeader("Content-Type");
  if (typeof type === "string" && type.startsWith("text/event-stream")) return false;
  return compression.filter(req, res);
}

export function createApp(options: AppOptions): express.Express {
  const { config, store, root } = options;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy);
  app.use(compression({ filter: compressible }));
  app.use(securityHeaders({ production: config.isProduction, dev: Boolean(options.devMiddleware) }));

  // Health before the origin check and Remix: load balancers call it without cookies or origins.
  // Anyone may call it, so it says only whether the store works and which kind it is (issue 12); the reason for a
  // failure goes to the server's log, where operators look, not to the caller.
  app.get("/healthz", async (_req, res) => {
    const status = await store.health().catch((error: unknown) => ({
      ok: false,
      kind: store.kind,
      detail: error instanceof Error ? error.message : String(error),
    }));
    if (!status.ok) console.warn(`healthz: the ${status.kind} store is unavailable: ${status.detail}`);
    res
      .status(status.ok ? 200 : 503)
      .set("Cache-Control", "no-store")
      .json({ status: status.ok ? "ok" : "unavailable", store: { ok: status.ok, kind: status.kind } });
  });

  if (options.devMiddleware) {
    app.use(options.devMiddleware);
  } else {
    // Vite fingerprints everything under /assets, so it can be cached forever.
    app.use("/assets", express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(path.join(root, "build/client"), { maxAge: "1h", index: false }));
  }
  // The page asks for MediaPipe's files under /mediapipe/v/<hash of the install manifest>/, so a new install means
  // new URLs and they can be cached forever. The plain paths stay available for tools, with ordinary caching.
  const mediapipeDir = path.join(root, "public/mediapipe");
  app.use(
    "/mediapipe/v/:version",
    express.static(mediapipeDir, { index: false, setHeaders: (res) => res.setHeader("Cache-Control", IMMUTABLE) }),
  );
  app.use("/mediapipe", express.static(mediapipeDir, { index: false, maxAge: "1h" }));
  app.use("/nhsuk", express.static(path.join(root, "node_modules/nhsuk-frontend/dist/nhsuk/assets"), { maxAge: "7d" }));

  const refusals = new RefusalTally(
    (event) => store.appendAudit(event),
    options.now ?? (() => new Date()),
    options.refusalFlushMs,
  );
  app.use(originCheck((req, code) => refusals.record(code, { method: req.method, path: req.path })));
  app.use((_req, res, next) => {
    // Pages and data are personal; static files above set their own caching.
    res.setHeader("Cache-Control", "no-store");
    next();
  });

  app.use(bodyLimit());

  const handleRequest = createRequestHandler(options.build, config.isProduction ? "production" : "development");
  app.all("*", async (req, res, next) => {
    try {
      const response = await handleRequest(remixRequest(req, res), {
        store,
        config,
        nonce: String(res.locals.nonce ?? ""),
        clientIp: req.ip ?? "unknown",
        now: options.now ?? (() => new Date()),
      } satisfies AppLoadContext);
      await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  });
  return app;
}
