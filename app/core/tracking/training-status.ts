// Who is missing their training: one row per person per assignment with a status an admin acts on (not started,
// in progress, passed, overdue), the last time they practised it, and counts per team; people invited but never
// signed in are shown as invited and not counted as active staff.
import { assignmentRows, type MemberFacts } from "./assignment-rows";
import { attemptCounts, type AssignmentFacts, type AttemptFacts } from "./completion";
import { safeCell } from "./export-rows";

export const TRAINING_STATUSES = ["overdue", "not started", "in progress", "passed"] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

export const isTrainingStatus = (value: string): value is TrainingStatus =>
  (TRAINING_STATUSES as readonly string[]).includes(value);

/** A member who has been invited but has never set a password, so has never signed in. */
export interface TrainingMember extends MemberFacts {
  invited: boolean;
}

/** An attempt with the time it last changed (a choice, a reflection), for "last activity". */
export interface TrainingAttempt extends AttemptFacts {
  updatedAt?: string;
}

export interface TrainingFilter {
  assignmentId?: string;
  teamId?: string;
  status?: TrainingStatus;
}

export interface TrainingRow {
  userId: string;
  name: string;
  email: string;
  teams: string;
  invited: boolean;
  assignmentId: string;
  scenario: string;
  dueAt: string;
  status: TrainingStatus;
  /** Completed after the due date (status "passed"). */
  late: boolean;
  /** The latest start, choice or finish on an attempt that counts towards this assignment, or null. */
  lastActivity: string | null;
}

export interface TeamTraining {
  id: string;
  name: string;
  counts: Record<TrainingStatus, number>;
}

export interface TrainingReport {
  rows: TrainingRow[];
  byTeam: TeamTraining[];
  counts: Record<TrainingStatus, number>;
  /** Active members who have signed in at least once. */
  activeStaff: number;
  /** Active members invited but never signed in. */
  invited: number;
}

export interface TrainingInput {
  assignments: readonly AssignmentFacts[];
  members: readonly TrainingMember[];
  teams: ReadonlyArray<{ id: string; name: string }>;
  attempts: readonly TrainingAttempt[];
  scenarioTitles: ReadonlyMap<string, string>;
  filter: TrainingFilter;
  now: Date;
}

const NO_TEAM = { id: "", name: "No team" };
const emptyCounts = (): Record<TrainingStatus, number> => ({
  overdue: 0,
  "not started": 0,
  "in progress": 0,
  passed: 0,
});

function lastActivity(assignment: AssignmentFacts, attempts: readonly TrainingAttempt[]): string | null {
  let latest: string | null = null;
  for (const a of attempts) {
    if (!attemptCounts(assignment, a)) continue;
    const at = [a.startedAt, a.updatedAt, a.completedAt].reduce<string>((x, y) => (y && y > x ? y : x), a.startedAt);
    if (latest === null || at > latest) latest = at;
  }
  return latest;
}

export function trainingReport(input: TrainingInput): TrainingReport {
  const { filter } = input;
  const teamName = new Map(input.teams.map((t) => [t.id, t.name]));
  const active = input.members.filter((m) => m.active && (!filter.teamId || m.teamIds.includes(filter.teamId)));
  const assignments = input.assignments.filter(
    (a) => a.archivedAt === null && (!filter.assignmentId || a.id === filter.assignmentId),
  );
  const attemptsByUser = new Map<string, TrainingAttempt[]>();
  for (const a of input.attempts) attemptsByUser.set(a.userId, [...(attemptsByUser.get(a.userId) ?? []), a]);
  const invitedById = new Map(active.map((m) => [m.userId, m.invited]));
  const teamsOf = (m: MemberFacts) => {
    const own = m.teamIds.filter((t) => teamName.has(t));
    return own.length === 0 ? [NO_TEAM] : own.map((id) => ({ id, name: teamName.get(id)! }));
  };

  const all: Array<TrainingRow & { teamKeys: Array<{ id: string; name: string }> }> = assignmentRows(
    assignments,
    active,
    input.attempts,
    input.now,
  ).map(({ assignment, member, completion }) => {
    const teamKeys = teamsOf(member);
    return {
      userId: member.userId,
      name: member.name,
      email: member.email,
      teams: teamKeys.map((t) => t.name).join(", "),
      teamKeys,
      invited: invitedById.get(member.userId) ?? false,
      assignmentId: assignment.id,
      scenario: input.scenarioTitles.get(assignment.scenarioId) ?? assignment.scenarioId,
      dueAt: assignment.dueAt,
      status: completion.status === "completed" ? "passed" : completion.status,
      late: completion.late,
      lastActivity: lastActivity(assignment, attemptsByUser.get(member.userId) ?? []),
    };
  });

  const counts = emptyCounts();
  const teams = new Map<string, TeamTraining>();
  for (const row of all) {
    counts[row.status] += 1;
    for (const key of row.teamKeys) {
      if (filter.teamId && key.id !== filter.teamId) continue;
      const team = teams.get(key.id) ?? { id: key.id, name: key.name, counts: emptyCounts() };
      team.counts[row.status] += 1;
      teams.set(key.id, team);
    }
  }
  const order = (s: TrainingStatus) => TRAINING_STATUSES.indexOf(s);
  const rows = all
    .filter((r) => !filter.status || r.status === filter.status)
    .map(({ teamKeys: _teamKeys, ...row }) => row)
    .sort(
      (a, b) => order(a.status) - order(b.status) || a.dueAt.localeCompare(b.dueAt) || a.name.localeCompare(b.name),
    );
  return {
    rows,
    byTeam: [...teams.values()].sort((a, b) => a.name.localeCompare(b.name)),
    counts,
    activeStaff: active.filter((m) => !m.invited).length,
    invited: active.filter((m) => m.invited).length,
  };
}

export const TRAINING_EXPORT_HEADER = [
  "name",
  "email",
  "team",
  "signed in",
  "scenario",
  "due",
  "status",
  "last activity",
];

/** One CSV row, every cell protected against spreadsheet formulas. */
export function trainingExportRow(row: TrainingRow): string[] {
  return [
    row.name,
    row.email,
    row.teams,
    row.invited ? "no (invited)" : "yes",
    row.scenario,
    row.dueAt.slice(0, 10),
    row.status === "passed" && row.late ? "passed late" : row.status,
    row.lastActivity ?? "",
  ].map(safeCell);
}
