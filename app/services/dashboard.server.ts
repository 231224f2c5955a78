// Gathers an organisation's records for the admin dashboard (solo attempts and live role-play sessions) and hands
// them to the pure figures in core/tracking.
import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { buildDashboard, type DashboardFilter } from "~/core/tracking/dashboard";
import { livePractice } from "~/core/tracking/live-practice";
import { memberFacts, scenarioTitles } from "~/services/exports.server";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const filterSchema = z.object({
  team: z.string().max(100).optional().catch(undefined),
  scenario: z.string().max(100).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
});

/** Reads the filter from the query string; a malformed value is ignored rather than failing the page. */
export function dashboardFilter(url: URL): DashboardFilter {
  const raw = filterSchema.parse(Object.fromEntries([...url.searchParams].filter(([, v]) => v !== "")));
  return { teamId: raw.team, scenarioId: raw.scenario, from: raw.from, to: raw.to };
}

export async function loadDashboard(context: AppLoadContext, orgId: string, filter: DashboardFilter) {
  const [members, teams, assignments, attempts, titles, liveSessions] = await Promise.all([
    context.store.listMembers(orgId),
    context.store.listTeams(orgId),
    context.store.listAssignments(orgId),
    context.store.listAttemptsForOrg(orgId),
    scenarioTitles(context, orgId),
    context.store.listLiveSessionsForOrg(orgId),
  ]);
  const dashboard = buildDashboard({
    members: members.map(memberFacts),
    teams,
    assignments,
    attempts,
    scenarioTitles: titles,
    filter,
    now: context.now(),
  });
  const live = livePractice({
    sessions: liveSessions,
    members: members.map(memberFacts),
    teams,
    completedAttemptIds: new Set(attempts.filter((a) => a.liveSessionId && a.status === "completed").map((a) => a.id)),
    filter,
  });
  const assignedScenarios = [...new Set(assignments.map((a) => a.scenarioId))];
  return {
    dashboard,
    live,
    options: {
      teams: teams.map((t) => ({ id: t.id, name: t.name })),
      scenarios: assignedScenarios.map((id) => ({ id, title: titles.get(id) ?? id })),
    },
  };
}

export type DashboardView = Awaited<ReturnType<typeof loadDashboard>>;
