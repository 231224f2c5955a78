// One row per person per assignment, with that person's completion: the unit the dashboard counts and the CSV exports.
import { completionOf, isAssignedTo, type AssignmentFacts, type AttemptFacts, type Completion } from "./completion";

export interface MemberFacts {
  userId: string;
  name: string;
  email: string;
  active: boolean;
  teamIds: string[];
  /** Invited but never signed in (no password set yet): not counted as active staff. */
  invited?: boolean;
}

export interface AssignmentRow<A extends AssignmentFacts = AssignmentFacts> {
  assignment: A;
  member: MemberFacts;
  completion: Completion;
}

/**
 * Rows for the given members (active ones only: someone deactivated has left and is no longer expected to train;
 * their records stay in the store). Attempts may include other people's; each member sees only their own.
 */
export function assignmentRows<A extends AssignmentFacts>(
  assignments: readonly A[],
  members: readonly MemberFacts[],
  attempts: readonly AttemptFacts[],
  now: Date,
): Array<AssignmentRow<A>> {
  const byUser = new Map<string, AttemptFacts[]>();
  for (const attempt of attempts) {
    const list = byUser.get(attempt.userId);
    if (list) list.push(attempt);
    else byUser.set(attempt.userId, [attempt]);
  }
  const rows: Array<AssignmentRow<A>> = [];
  for (const member of members) {
    if (!member.active) continue;
    for (const assignment of assignments) {
      if (assignment.archivedAt !== null || !isAssignedTo(assignment, member.userId, member.teamIds)) continue;
      rows.push({
        assignment,
        member,
        completion: completionOf(assignment, byUser.get(member.userId) ?? [], member.userId, now),
      });
    }
  }
  return rows;
}

export const percent = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.round((1000 * part) / whole) / 10;
