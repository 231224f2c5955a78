import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

/**
 * MediaPipe's files keep their names across package upgrades, so their URLs carry a hash of the install-time
 * manifest: browsers may cache them forever, and a new build asks for new URLs.
 */
function mediapipeAssetVersion(): string {
  const manifest = "public/mediapipe/manifest.json";
  return existsSync(manifest)
    ? createHash("sha256").update(readFileSync(manifest)).digest("hex").slice(0, 12)
    : "unbuilt";
}

export default defineConfig({
  define: { __MEDIAPIPE_ASSET_VERSION__: JSON.stringify(mediapipeAssetVersion()) },
  server: { port: 3000 },
  build: { target: "es2022" },
  worker: { format: "es" },
  css: {
    preprocessorOptions: {
      scss: { api: "modern-compiler", loadPaths: ["node_modules"], quietDeps: true, silenceDeprecations: ["import"] },
    },
  },
  plugins: [
    remix({
      ignoredRouteFiles: ["**/*.test.{ts,tsx}", "**/.*"],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
    tsconfigPaths(),
  ],
});
