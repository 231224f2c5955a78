// Gathers what each role's home section shows, from the store and the scenario catalogue.
import type { AppLoadContext } from "@remix-run/node";
import { assignedToViewer, type AssignedItem } from "~/services/assigned.server";
import type { Viewer } from "~/utils/auth.server";
import { listScenarios } from "~/services/catalogue.server";

export interface ClinicianHomeData {
  /** Training assigned to them: open items first, overdue highlighted. */
  assigned: AssignedItem[];
  /** The latest attempt in progress of each scenario (older ones, from before "start over" ended them, are left out). */
  inProgress: Array<{ id: string; title: string; updatedAt: string }>;
  /** Different scenarios finished at least once, and passed at least once (not attempts). */
  completed: number;
  passed: number;
  recent: Array<{ id: string; title: string; completedAt: string; passed: boolean; overall: number }>;
}
export interface EducatorHomeData {
  scenarioCount: number;
}
export interface AdminHomeData {
  staff: number;
  activeStaff: number;
  teams: Array<{ id: string; name: string; members: number }>;
  completedAttempts: number;
  passedAttempts: number;
}

export async function loadHome(
  context: AppLoadContext,
  viewer: Viewer,
  roles: { clinician: boolean; educator: boolean; admin: boolean },
) {
  const titles = await scenarioTitles(context, viewer.org.id);
  const titleOf = (id: string) => titles.get(id) ?? id;
  let clinician: ClinicianHomeData | null = null;
  if (roles.clinician) {
    const attempts = await context.store.listAttemptsForUser(viewer.user.id, viewer.org.id);
    const done = attempts.filter((a) => a.status === "completed");
    clinician = {
      assigned: await assignedToViewer(context, viewer, titleOf),
      inProgress: latestPerScenario(attempts.filter((a) => a.status === "in-progress")).map((a) => ({
        id: a.id,
        title: titleOf(a.scenarioId),
        updatedAt: a.updatedAt,
      })),
      completed: new Set(done.map((a) => a.scenarioId)).size,
      passed: new Set(done.filter((a) => a.result?.passed).map((a) => a.scenarioId)).size,
      recent: done
        .sort((a, b) => (b.completedAt ?? "").localeCompare(a.completedAt ?? ""))
        .slice(0, 5)
        .map((a) => ({
          id: a.id,
          title: titleOf(a.scenarioId),
          completedAt: a.completedAt ?? a.updatedAt,
          passed: Boolean(a.result?.passed),
          overall: a.result?.overall ?? 0,
        })),
    };
  }
  const educator: EducatorHomeData | null = roles.educator ? { scenarioCount: titles.size } : null;
  let admin: AdminHomeData | null = null;
  if (roles.admin) {
    const [members, teams, attempts] = await Promise.all([
      context.store.listMembers(viewer.org.id),
      context.store.listTeams(viewer.org.id),
      context.store.listAttemptsForOrg(viewer.org.id),
    ]);
    const completed = attempts.filter((a) => a.status === "completed");
    admin = {
      staff: members.length,
      activeStaff: members.filter((m) => m.user.active).length,
      teams: teams.map((t) => ({
        id: t.id,
        name: t.name,
        members: members.filter((m) => m.membership.teamIds.includes(t.id)).length,
      })),
      completedAttempts: completed.length,
      passedAttempts: completed.filter((a) => a.result?.passed).length,
    };
  }
  return {
    firstName: viewer.user.name.split(" ")[0] ?? viewer.user.name,
    org: viewer.org.name,
    clinician,
    educator,
    admin,
  };
}

/** The most recently played attempt of each scenario, most recent first. */
export function latestPerScenario<T extends { scenarioId: string; updatedAt: string }>(attempts: T[]): T[] {
  const latest = new Map<string, T>();
  for (const a of attempts) {
    const seen = latest.get(a.scenarioId);
    if (!seen || a.updatedAt > seen.updatedAt) latest.set(a.scenarioId, a);
  }
  return [...latest.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

async function scenarioTitles(context: AppLoadContext, orgId: string): Promise<Map<string, string>> {
  const entries = await listScenarios(context, orgId);
  return new Map(entries.map((e) => [e.scenario.id, e.scenario.title]));
}
