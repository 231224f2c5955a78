import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// PostgreSQL suites (`npm run test:pg`): need DATABASE_URL; each file works in a fresh schema and drops it after.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/**/*.pg.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    environment: "node",
    setupFiles: ["./tests/setup/setup-tests.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    fileParallelism: false,
  },
});
