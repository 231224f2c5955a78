// The storage contract: what every Store adapter must do, run against lowdb (npm test) and PostgreSQL (npm run test:pg).
// Adapter-neutral on purpose: only the Store interface and the storage errors are used here.
import { afterEach, beforeEach, describe } from "vitest";
import type { Store } from "~/storage/types";
import { accountsContract } from "./contract-accounts";
import { attemptsContract } from "./contract-attempts";
import { liveContract } from "./contract-live";
import { loginAttemptsContract } from "./contract-login-attempts";
import { scenariosContract } from "./contract-scenarios";
import { sessionsAndAuditContract } from "./contract-sessions-audit";
import { trackingContract } from "./contract-tracking";

export type StoreFactory = () => Promise<{ store: Store; cleanup: () => Promise<void> }>;

/** Each test gets a fresh, empty store from `factory` and cleans it up afterwards. */
export function runStoreContract(label: string, factory: StoreFactory): void {
  describe(`Store contract: ${label}`, () => {
    let current: Awaited<ReturnType<StoreFactory>> | undefined;

    beforeEach(async () => {
      current = await factory();
    });

    afterEach(async () => {
      const done = current;
      current = undefined;
      await done?.cleanup();
    });

    const store = (): Store => {
      if (!current) throw new Error("The contract's store is only available inside a test.");
      return current.store;
    };

    accountsContract(store);
    sessionsAndAuditContract(store);
    attemptsContract(store);
    scenariosContract(store);
    trackingContract(store);
    loginAttemptsContract(store);
    liveContract(store);
  });
}
