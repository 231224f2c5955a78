// Test-only helper: interchange fixtures and bundled scenarios loaded as text through Vite (no node: imports).
import { parseScenario } from "../scenario/validate";
import type { Scenario } from "../scenario/schema";

const fixtures = import.meta.glob<string>("../../../tests/fixtures/interchange/*", {
  query: "?raw",
  import: "default",
  eager: true,
});
const bundled = import.meta.glob<string>("../../../scenarios/*.json", {
  query: "?raw",
  import: "default",
  eager: true,
});

function find(files: Record<string, string>, name: string): string {
  const entry = Object.entries(files).find(([file]) => file.endsWith(`/${name}`));
  if (!entry) throw new Error(`No fixture called ${name}`);
  return entry[1];
}

/** The text of tests/fixtures/interchange/<name>. */
export const interchangeFixture = (name: string): string => find(fixtures, name);

/** A bundled scenario from scenarios/<id>.json, parsed and validated. */
export const bundledScenario = (id: string): Scenario => parseScenario(find(bundled, `${id}.json`));
