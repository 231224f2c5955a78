// The scenarios a person can play: the bundled files in scenarios/, validated once at start.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { AppLoadContext } from "@remix-run/node";
import { validateScenario, type Scenario } from "~/core/scenario";

export interface CatalogueEntry {
  scenario: Scenario;
  source: "bundled" | "organisation";
}

interface BundledSet {
  byId: Map<string, Scenario>;
  problems: string[];
}

let bundled: BundledSet | undefined;

export function scenariosDir(): string {
  return path.resolve(process.env.SCENARIOS_DIR ?? path.join(process.cwd(), "scenarios"));
}

/** Reads and validates every bundled scenario; a broken file is reported and left out, never half-loaded. */
export function loadBundledScenarios(dir = scenariosDir()): BundledSet {
  const byId = new Map<string, Scenario>();
  const problems: string[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "scenario.schema.json").sort();
  } catch {
    problems.push(`No scenarios folder at ${dir}.`);
  }
  for (const file of files) {
    const report = validateScenario(readFileSync(path.join(dir, file), "utf8"));
    const errors = report.problems.filter((p) => p.severity === "error");
    if (!report.scenario || errors.length > 0) {
      problems.push(`${file}: ${errors.length} error(s), first: ${errors[0]?.message ?? "unreadable"}`);
      continue;
    }
    if (byId.has(report.scenario.id)) {
      problems.push(`${file}: id "${report.scenario.id}" is used by another bundled scenario; left out.`);
      continue;
    }
    byId.set(report.scenario.id, report.scenario);
  }
  return { byId, problems };
}

function bundledSet(): BundledSet {
  if (!bundled) {
    bundled = loadBundledScenarios();
    for (const problem of bundled.problems) console.warn(`Scenario left out of the catalogue: ${problem}`);
  }
  return bundled;
}

export async function listScenarios(_context: AppLoadContext, _orgId: string): Promise<CatalogueEntry[]> {
  return [...bundledSet().byId.values()].map((scenario) => ({ scenario, source: "bundled" as const }));
}

/** The scenario as it is now, or at a given version (attempts are pinned to the version they started on). */
export async function getScenario(
  _context: AppLoadContext,
  _orgId: string,
  id: string,
  version?: number,
): Promise<Scenario | null> {
  const scenario = bundledSet().byId.get(id) ?? null;
  if (!scenario || (version !== undefined && scenario.version !== version)) return null;
  return scenario;
}
