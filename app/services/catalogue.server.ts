// The scenarios a person can play: the bundled files in scenarios/ plus the organisation's published ones, and the
// exact version an attempt was pinned to (stored versions outlive changes to the file or the organisation's scenario).
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
    files = readdirSync(dir)
      .filter((f) => f.endsWith(".json") && f !== "scenario.schema.json")
      .sort();
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

/** Parsed stored versions: versions never change, so a parsed (and compiled) scenario can be reused. */
const parsedVersions = new Map<string, Scenario | null>();
const PARSED_LIMIT = 500;

function parseStored(key: string, content: unknown): Scenario | null {
  if (parsedVersions.has(key)) return parsedVersions.get(key)!;
  const report = validateScenario(content);
  const scenario = report.ok && report.scenario ? report.scenario : null;
  if (parsedVersions.size >= PARSED_LIMIT) parsedVersions.delete(parsedVersions.keys().next().value!);
  parsedVersions.set(key, scenario);
  return scenario;
}

/** True when the id belongs to a bundled scenario (organisations may not reuse those ids). */
export function isBundledId(id: string): boolean {
  return bundledSet().byId.has(id);
}

export function bundledScenario(id: string): Scenario | null {
  return bundledSet().byId.get(id) ?? null;
}

export function listBundledScenarios(): Scenario[] {
  return [...bundledSet().byId.values()];
}

/** The organisation's published scenario at its latest version, or null (drafts and archived ones are not playable). */
async function latestPublished(context: AppLoadContext, orgId: string, id: string): Promise<Scenario | null> {
  const record = await context.store.getScenarioRecord(orgId, id);
  if (!record || record.status !== "published" || record.latestVersion === null) return null;
  const version = await context.store.getScenarioVersion(orgId, id, record.latestVersion);
  return version ? parseStored(`${orgId}|${id}|${version.version}`, version.content) : null;
}

/** Bundled scenarios plus the organisation's published (not draft, not archived) ones at their latest version. */
export async function listScenarios(context: AppLoadContext, orgId: string): Promise<CatalogueEntry[]> {
  const entries: CatalogueEntry[] = [...bundledSet().byId.values()].map((scenario) => ({
    scenario,
    source: "bundled" as const,
  }));
  for (const record of await context.store.listScenarioRecords(orgId)) {
    if (record.status !== "published" || isBundledId(record.id)) continue;
    const scenario = await latestPublished(context, orgId, record.id);
    if (scenario) entries.push({ scenario, source: "organisation" });
  }
  return entries;
}

/**
 * The scenario as it is now, or at a given version (attempts are pinned to the version they started on): the
 * organisation's stored version, then a recorded bundled version, then the bundled file if it is still that version.
 */
export async function getScenario(
  context: AppLoadContext,
  orgId: string,
  id: string,
  version?: number,
): Promise<Scenario | null> {
  if (version === undefined) return (await latestPublished(context, orgId, id)) ?? bundledSet().byId.get(id) ?? null;
  const own = await context.store.getScenarioVersion(orgId, id, version);
  if (own) return parseStored(`${orgId}|${id}|${version}`, own.content);
  const file = bundledSet().byId.get(id) ?? null;
  if (file && file.version === version) return file;
  const recorded = await context.store.getScenarioVersion(null, id, version);
  return recorded ? parseStored(`bundled|${id}|${version}`, recorded.content) : null;
}

/** Records the bundled scenario's current version in the store, so attempts on it still play after the file changes. */
export async function pinScenarioVersion(context: AppLoadContext, scenario: Scenario): Promise<void> {
  if (bundledSet().byId.get(scenario.id) !== scenario) return;
  await context.store.ensureBundledVersion({ scenarioId: scenario.id, version: scenario.version, content: scenario });
}
