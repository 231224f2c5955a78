// Opens the configured store for a CLI command, with the same configuration rules as the server.
import path from "node:path";
import { openStore } from "~/storage/index.server";
import type { Store } from "~/storage/types";
import { loadConfig } from "~/utils/env.server";

export async function openConfiguredStore(overrides: { dataFile?: string; databaseUrl?: string } = {}): Promise<Store> {
  const config = loadConfig();
  return openStore({
    dataFile: path.resolve(overrides.dataFile ?? config.dataFile),
    databaseUrl: overrides.databaseUrl ?? config.databaseUrl,
    backups: config.backups,
    poolSize: config.databasePoolSize,
  });
}
