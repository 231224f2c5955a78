// Whether a person has completed an assignment: a passed attempt on the assigned version or a later one,
// finished after the assignment was made; otherwise in progress, not started or overdue.

/** The parts of an assignment the rules read (the storage record satisfies it). */
export interface AssignmentFacts {
  id: string;
  scenarioId: string;
  scenarioVersion: number;
  teamIds: string[];
  userIds: string[];
  dueAt: string;
  assessment: boolean;
  createdAt: string;
  archivedAt: string | null;
}

/** The parts of an attempt the rules read. */
export interface AttemptFacts {
  id: string;
  userId: string;
  scenarioId: string;
  scenarioVersion: number;
  mode: "learning" | "assessment";
  status: "in-progress" | "completed" | "abandoned";
  startedAt: string;
  completedAt: string | null;
  result: { overall: number; passed: boolean } | null;
  /** Set on a live role-play attempt (ADR 0054). */
  liveSessionId?: string | null;
}

export type CompletionStatus = "completed" | "in progress" | "not started" | "overdue";

export interface Completion {
  status: CompletionStatus;
  /** The attempt that completed it (the first passing one), or null. */
  attemptId: string | null;
  completedAt: string | null;
  /** Overall score of the completing attempt, or of the best attempt that counts so far. */
  score: number | null;
  passed: boolean;
  /** Completed, but after the due date. */
  late: boolean;
}

/** Who an assignment is for: named people plus everyone in a named team. */
export function isAssignedTo(
  assignment: Pick<AssignmentFacts, "teamIds" | "userIds">,
  userId: string,
  teamIds: readonly string[],
): boolean {
  return assignment.userIds.includes(userId) || assignment.teamIds.some((t) => teamIds.includes(t));
}

/**
 * An attempt counts towards an assignment when it is of the assigned scenario at the assigned version or later
 * (later versions fix content, they do not lower the bar), and, for an assessment, was played in assessment mode.
 * A live role-play attempt never counts: its choices are an actor's reading of free speech (ADR 0054).
 */
export function attemptCounts(assignment: AssignmentFacts, attempt: AttemptFacts): boolean {
  return (
    !attempt.liveSessionId &&
    attempt.scenarioId === assignment.scenarioId &&
    attempt.scenarioVersion >= assignment.scenarioVersion &&
    (!assignment.assessment || attempt.mode === "assessment")
  );
}

export function completionOf(
  assignment: AssignmentFacts,
  attempts: readonly AttemptFacts[],
  userId: string,
  now: Date,
): Completion {
  const counting = attempts.filter((a) => a.userId === userId && attemptCounts(assignment, a));
  // Only work done after the assignment was made completes it: a pass from last year is not this year's training.
  const finishedSince = counting.filter(
    (a) => a.status === "completed" && a.completedAt !== null && a.completedAt >= assignment.createdAt,
  );
  const passes = finishedSince
    .filter((a) => a.result?.passed)
    .sort((a, b) => a.completedAt!.localeCompare(b.completedAt!));
  const first = passes[0];
  if (first) {
    return {
      status: "completed",
      attemptId: first.id,
      completedAt: first.completedAt,
      score: first.result!.overall,
      passed: true,
      late: first.completedAt! > assignment.dueAt,
    };
  }
  const best = finishedSince.reduce<number | null>(
    (top, a) => (a.result && (top === null || a.result.overall > top) ? a.result.overall : top),
    null,
  );
  const started =
    counting.some((a) => a.status === "in-progress" && a.startedAt >= assignment.createdAt) || finishedSince.length > 0;
  const overdue = now.getTime() > Date.parse(assignment.dueAt);
  return {
    status: overdue ? "overdue" : started ? "in progress" : "not started",
    attemptId: null,
    completedAt: null,
    score: best,
    passed: false,
    late: false,
  };
}

/** Whole days from now until the due date (negative when past), for "due in 3 days" and "2 days overdue". */
export function daysUntil(dueAt: string, now: Date): number {
  return Math.ceil((Date.parse(dueAt) - now.getTime()) / 86_400_000);
}
