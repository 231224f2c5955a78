import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Unit, component and storage-contract tests. Browser (Playwright) and PostgreSQL suites have their own scripts.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["app/**/*.test.{ts,tsx}", "tests/**/*.test.{ts,tsx}", "scripts/**/*.test.{ts,tsx}"],
    exclude: ["tests/e2e/**", "tests/**/*.pg.test.ts", "node_modules/**"],
    environment: "node",
    setupFiles: ["./tests/setup/setup-tests.ts"],
    testTimeout: 20_000,
    pool: "forks",
  },
});
