// Test-only helper: the scenario fixtures in tests/fixtures/scenarios, loaded as text through Vite (no node: imports).
import { parseScenario } from "./validate";
import type { Scenario } from "./schema";

const files = import.meta.glob<string>("../../../tests/fixtures/scenarios/*.json", {
  query: "?raw",
  import: "default",
  eager: true,
});

/** The raw text of `tests/fixtures/scenarios/<name>.json`. */
export function fixtureText(name: string): string {
  const entry = Object.entries(files).find(([file]) => file.endsWith(`/${name}.json`));
  if (!entry) throw new Error(`No fixture called ${name}.json in tests/fixtures/scenarios`);
  return entry[1];
}

export function fixtureNames(): string[] {
  return Object.keys(files).map((file) => file.replace(/^.*\//, "").replace(/\.json$/, ""));
}

/** A fresh copy of the valid fixture scenario, for tests that tweak it. */
export function validFixture(): Scenario {
  return parseScenario(fixtureText("valid-consultation"));
}

/** The valid fixture as plain data, for tests that break it in ways the schema must catch. */
export function validFixtureData(): Record<string, unknown> {
  return JSON.parse(fixtureText("valid-consultation")) as Record<string, unknown>;
}
