// What the server hands every loader and action: the store, the configuration and per-request facts.
import type { Store } from "~/storage/types";
import type { AppConfig } from "./env.server";

export interface WebsideContext {
  store: Store;
  config: AppConfig;
  /** CSP nonce for this response's inline scripts. */
  nonce: string;
  clientIp: string;
  /** Injected so tests control time. */
  now: () => Date;
}

declare module "@remix-run/server-runtime" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends WebsideContext {}
}
