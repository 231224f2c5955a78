// The admin dashboard's figures, computed from the records alone: completion by team and scenario, overdue people,
// average competency scores, confidence before and after, and camera-presence aggregates (never per-frame data).
import { COMPETENCY_INFO, isCompetency } from "../competencies";
import { assignmentRows, percent, type MemberFacts } from "./assignment-rows";
import { inRange, teamsOf as teamsOfMember } from "./dashboard-filters";
import { daysUntil, type AssignmentFacts, type AttemptFacts } from "./completion";
import { presenceFigures, type PresenceFigures } from "./presence-figures";

export interface DashboardFilter {
  teamId?: string;
  scenarioId?: string;
  /** Inclusive ISO dates (yyyy-mm-dd) or timestamps: assignments due, and attempts completed, in this range. */
  from?: string;
  to?: string;
}

export interface DashboardAttempt extends AttemptFacts {
  confidenceBefore: number | null;
  confidenceAfter: number | null;
  result: { overall: number; passed: boolean; scores: Record<string, number> } | null;
  presence: unknown;
}

export interface DashboardInput {
  assignments: readonly AssignmentFacts[];
  members: readonly MemberFacts[];
  teams: ReadonlyArray<{ id: string; name: string }>;
  attempts: readonly DashboardAttempt[];
  scenarioTitles: ReadonlyMap<string, string>;
  filter: DashboardFilter;
  now: Date;
}

export interface CompletionBar {
  id: string;
  label: string;
  assigned: number;
  completed: number;
  percent: number;
}

export interface Dashboard {
  totals: { people: number; invited: number; assigned: number; completed: number; overdue: number; percent: number };
  byTeam: CompletionBar[];
  byScenario: CompletionBar[];
  overdue: Array<{
    userId: string;
    name: string;
    email: string;
    teams: string;
    scenario: string;
    dueAt: string;
    daysOverdue: number;
  }>;
  competencies: Array<{ competency: string; label: string; average: number; attempts: number }>;
  confidence: { attempts: number; before: number | null; after: number | null };
  presence: PresenceFigures;
  completedAttempts: number;
}

const mean = (values: number[]): number | null =>
  values.length === 0 ? null : Math.round((10 * values.reduce((a, b) => a + b, 0)) / values.length) / 10;

function bars(
  rows: ReturnType<typeof assignmentRows>,
  keysOf: (row: (typeof rows)[number]) => Array<{ id: string; name: string }>,
): CompletionBar[] {
  const totals = new Map<string, CompletionBar>();
  for (const row of rows) {
    for (const key of keysOf(row)) {
      const bar = totals.get(key.id) ?? { id: key.id, label: key.name, assigned: 0, completed: 0, percent: 0 };
      bar.assigned += 1;
      if (row.completion.status === "completed") bar.completed += 1;
      totals.set(key.id, bar);
    }
  }
  return [...totals.values()]
    .map((b) => ({ ...b, percent: percent(b.completed, b.assigned) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

export function buildDashboard(input: DashboardInput): Dashboard {
  const { filter } = input;
  const teamName = new Map(input.teams.map((t) => [t.id, t.name]));
  const members = input.members.filter((m) => m.active && (!filter.teamId || m.teamIds.includes(filter.teamId)));
  const people = new Set(members.map((m) => m.userId));
  const assignments = input.assignments.filter(
    (a) =>
      a.archivedAt === null && (!filter.scenarioId || a.scenarioId === filter.scenarioId) && inRange(a.dueAt, filter),
  );
  const rows = assignmentRows(assignments, members, input.attempts, input.now);
  const title = (id: string) => input.scenarioTitles.get(id) ?? id;
  const teamsOf = (m: MemberFacts) => teamsOfMember(m, teamName, filter.teamId);

  // Solo practice only: live role-play has its own section (live-practice.ts), its scores being an actor's reading.
  const completed = input.attempts.filter(
    (a) =>
      !a.liveSessionId &&
      people.has(a.userId) &&
      a.status === "completed" &&
      a.completedAt !== null &&
      (!filter.scenarioId || a.scenarioId === filter.scenarioId) &&
      inRange(a.completedAt, filter),
  );
  const scores = new Map<string, number[]>();
  for (const attempt of completed) {
    for (const [competency, score] of Object.entries(attempt.result?.scores ?? {})) {
      if (typeof score !== "number") continue;
      scores.set(competency, [...(scores.get(competency) ?? []), score]);
    }
  }
  const paired = completed.filter((a) => a.confidenceBefore !== null && a.confidenceAfter !== null);
  const overdueRows = rows.filter((r) => r.completion.status === "overdue");

  return {
    totals: {
      // Invited people who never signed in are not yet staff using Webside; they are counted apart.
      people: members.filter((m) => !m.invited).length,
      invited: members.filter((m) => m.invited).length,
      assigned: rows.length,
      completed: rows.filter((r) => r.completion.status === "completed").length,
      overdue: overdueRows.length,
      percent: percent(rows.filter((r) => r.completion.status === "completed").length, rows.length),
    },
    byTeam: bars(rows, (r) => teamsOf(r.member)),
    byScenario: bars(rows, (r) => [{ id: r.assignment.scenarioId, name: title(r.assignment.scenarioId) }]),
    overdue: overdueRows
      .map((r) => ({
        userId: r.member.userId,
        name: r.member.name,
        email: r.member.email,
        teams: teamsOf(r.member)
          .map((t) => t.name)
          .join(", "),
        scenario: title(r.assignment.scenarioId),
        dueAt: r.assignment.dueAt,
        daysOverdue: -daysUntil(r.assignment.dueAt, input.now),
      }))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.name.localeCompare(b.name)),
    competencies: [...scores.entries()]
      .map(([competency, list]) => ({
        competency,
        label: isCompetency(competency) ? COMPETENCY_INFO[competency].label : competency,
        average: mean(list)!,
        attempts: list.length,
      }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    confidence: {
      attempts: paired.length,
      before: mean(paired.map((a) => a.confidenceBefore!)),
      after: mean(paired.map((a) => a.confidenceAfter!)),
    },
    presence: presenceFigures(completed.map((a) => a.presence)),
    completedAttempts: completed.length,
  };
}
