// Shared test setup: a console.error during a test is a defect, so it fails the test (Epic Stack habit).
import { afterEach, beforeEach, vi } from "vitest";

let errorSpy: ReturnType<typeof vi.spyOn> | undefined;

beforeEach(() => {
  errorSpy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called during a test: ${args.map(String).join(" ")}`);
  });
});

afterEach(() => {
  errorSpy?.mockRestore();
});
