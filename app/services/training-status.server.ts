// Gathers an organisation's people, assignments and attempts for "who is missing training" and its CSV export.
import type { AppLoadContext } from "@remix-run/node";
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import {
  TRAINING_EXPORT_HEADER,
  TRAINING_STATUSES,
  trainingExportRow,
  trainingReport,
  type TrainingFilter,
} from "~/core/tracking/training-status";
import { memberFacts, scenarioTitles } from "~/services/exports.server";
import { formatDate } from "~/utils/format";

const filterSchema = z.object({
  assignment: z.string().max(100).optional().catch(undefined),
  team: z.string().max(100).optional().catch(undefined),
  status: z.enum(TRAINING_STATUSES).optional().catch(undefined),
});

/** Reads the filter from the query string; an unknown value is ignored rather than failing the page. */
export function trainingFilter(url: URL): TrainingFilter {
  const raw = filterSchema.parse(Object.fromEntries([...url.searchParams].filter(([, v]) => v !== "")));
  return { assignmentId: raw.assignment, teamId: raw.team, status: raw.status };
}

/** The same filter as a query string, so the CSV link exports exactly what is on screen. */
export function trainingQuery(filter: TrainingFilter): string {
  const params = new URLSearchParams();
  if (filter.assignmentId) params.set("assignment", filter.assignmentId);
  if (filter.teamId) params.set("team", filter.teamId);
  if (filter.status) params.set("status", filter.status);
  const query = params.toString();
  return query ? `?${query}` : "";
}

export async function loadTrainingStatus(context: AppLoadContext, orgId: string, filter: TrainingFilter) {
  const [members, teams, assignments, attempts, titles] = await Promise.all([
    context.store.listMembers(orgId),
    context.store.listTeams(orgId),
    context.store.listAssignments(orgId),
    context.store.listAttemptsForOrg(orgId),
    scenarioTitles(context, orgId),
  ]);
  const report = trainingReport({
    members: members.map((m) => ({ ...memberFacts(m), invited: m.user.passwordHash === null })),
    teams,
    assignments,
    attempts,
    scenarioTitles: titles,
    filter,
    now: context.now(),
  });
  const live = assignments.filter((a) => a.archivedAt === null);
  return {
    report,
    options: {
      teams: teams.map((t) => ({ id: t.id, name: t.name })),
      assignments: live.map((a) => ({
        id: a.id,
        label: `${titles.get(a.scenarioId) ?? a.scenarioId}, due ${formatDate(a.dueAt)}`,
      })),
    },
  };
}

export type TrainingStatusView = Awaited<ReturnType<typeof loadTrainingStatus>>;

export async function trainingStatusCsv(context: AppLoadContext, orgId: string, filter: TrainingFilter) {
  const { report } = await loadTrainingStatus(context, orgId, filter);
  return stringify([TRAINING_EXPORT_HEADER, ...report.rows.map(trainingExportRow)]);
}
