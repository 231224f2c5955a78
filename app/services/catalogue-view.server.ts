// The scenario catalogue as one person sees it: filtered by competency, setting, specialty and length, each scenario
// with what they have done on it, and assigned training first (soonest due first).
import type { AppLoadContext } from "@remix-run/node";
import type { Competency, Setting } from "~/core/scenario";
import type { AssignedItem } from "~/services/assigned.server";
import { assignedToViewer } from "~/services/assigned.server";
import { listScenarios } from "~/services/catalogue.server";
import type { Viewer } from "~/utils/auth.server";

const LENGTHS = { short: [0, 10], medium: [11, 20], long: [21, 999] } as const;

export interface CatalogueFilters {
  competency: string;
  setting: string;
  specialty: string;
  length: string;
}

export interface CatalogueCard {
  id: string;
  title: string;
  summary: string;
  setting: Setting;
  specialty: string;
  minutes: number;
  competencies: Competency[];
  passed: boolean;
  completed: boolean;
  /** The attempt to resume, if one is in progress. */
  inProgress: string | null;
  assigned: AssignedItem | null;
}

/** The filters from the query string; an unknown value simply matches nothing, so nothing is refused. */
export function catalogueFilters(url: URL): CatalogueFilters {
  const get = (name: string) => url.searchParams.get(name) ?? "";
  return { competency: get("competency"), setting: get("setting"), specialty: get("specialty"), length: get("length") };
}

export async function catalogueView(context: AppLoadContext, viewer: Viewer, filters: CatalogueFilters) {
  const [entries, attempts] = await Promise.all([
    listScenarios(context, viewer.org.id),
    context.store.listAttemptsForUser(viewer.user.id, viewer.org.id),
  ]);
  const assigned = (await assignedToViewer(context, viewer, (id) => id)).filter((a) => a.status !== "completed");
  const specialties = [...new Set(entries.map((e) => e.scenario.specialty))].sort();
  const range = Object.hasOwn(LENGTHS, filters.length) ? LENGTHS[filters.length as keyof typeof LENGTHS] : null;
  const scenarios: CatalogueCard[] = entries
    .map((e) => e.scenario)
    .filter((s) => !filters.competency || s.competencies.includes(filters.competency as Competency))
    .filter((s) => !filters.setting || s.setting === filters.setting)
    .filter((s) => !filters.specialty || s.specialty === filters.specialty)
    .filter((s) => !range || (s.minutes >= range[0] && s.minutes <= range[1]))
    .map((s) => {
      const mine = attempts.filter((a) => a.scenarioId === s.id);
      return {
        id: s.id,
        title: s.title,
        summary: s.summary,
        setting: s.setting,
        specialty: s.specialty,
        minutes: s.minutes,
        competencies: s.competencies,
        passed: mine.some((a) => a.result?.passed),
        completed: mine.some((a) => a.status === "completed"),
        inProgress: mine.find((a) => a.status === "in-progress")?.id ?? null,
        assigned: assigned.find((a) => a.scenarioId === s.id) ?? null,
      };
    });
  scenarios.sort(
    (a, b) =>
      (a.assigned ? 0 : 1) - (b.assigned ? 0 : 1) || (a.assigned?.dueAt ?? "").localeCompare(b.assigned?.dueAt ?? ""),
  );
  return { scenarios, filters, specialties, total: entries.length };
}
