// The Express application around Remix: security headers, the CSRF origin check, static files with the right caching.
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import type { Store } from "~/storage/types";
import "~/utils/context.server";
import type { AppConfig } from "~/utils/env.server";
import { LoginRateLimiter } from "~/utils/rate-limit.server";
import { originCheck } from "./origin-check.server";
import { securityHeaders } from "./security-headers.server";

export interface AppOptions {
  config: AppConfig;
  store: Store;
  /** Production: the built server bundle. Development: a loader that asks Vite for it on each request. */
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** Development only: Vite's middleware. */
  devMiddleware?: express.RequestHandler;
  root: string;
  now?: () => Date;
}

const IMMUTABLE = "public, max-age=31536000, immutable";

export function createApp(options: AppOptions): express.Express {
  const { config, store, root } = options;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy);
  app.use(compression());
  app.use(securityHeaders({ production: config.isProduction, dev: Boolean(options.devMiddleware) }));

  // Health before the origin check and Remix: load balancers call it without cookies or origins.
  app.get("/healthz", async (_req, res) => {
    const status = await store.health().catch((error: unknown) => ({
      ok: false,
      kind: store.kind,
      detail: error instanceof Error ? error.message : String(error),
    }));
    res
      .status(status.ok ? 200 : 503)
      .set("Cache-Control", "no-store")
      .json({ status: status.ok ? "ok" : "unavailable", store: status });
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

  const loginLimiter = new LoginRateLimiter();
  app.use(
    originCheck((req, reason) => {
      void store
        .appendAudit({
          type: "csrf.refused",
          orgId: null,
          actorId: null,
          detail: { path: req.path, method: req.method, reason, ip: req.ip ?? "" },
        })
        .catch(() => undefined);
    }),
  );
  app.use((_req, res, next) => {
    // Pages and data are personal; static files above set their own caching.
    res.setHeader("Cache-Control", "no-store");
    next();
  });

  app.all(
    "*",
    createRequestHandler({
      build: options.build,
      mode: config.isProduction ? "production" : "development",
      getLoadContext: (req, res): AppLoadContext => ({
        store,
        config,
        nonce: String(res.locals.nonce ?? ""),
        clientIp: req.ip ?? "unknown",
        loginLimiter,
        now: options.now ?? (() => new Date()),
      }),
    }),
  );
  return app;
}
