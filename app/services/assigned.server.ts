// A clinician's assignments: what is assigned to them with its status, and which assignment a new attempt belongs to.
import type { AppLoadContext } from "@remix-run/node";
import { completionOf, daysUntil, isAssignedTo } from "~/core/tracking/completion";
import type { Assignment } from "~/storage/types";
import type { Viewer } from "~/utils/auth.server";

export interface AssignedItem {
  assignmentId: string;
  scenarioId: string;
  title: string;
  dueAt: string;
  daysLeft: number;
  assessment: boolean;
  status: ReturnType<typeof completionOf>["status"];
}

async function viewersAssignments(context: AppLoadContext, viewer: Viewer) {
  const [assignments, attempts] = await Promise.all([
    context.store.listAssignments(viewer.org.id),
    context.store.listAttemptsForUser(viewer.user.id, viewer.org.id),
  ]);
  const now = context.now();
  return assignments
    .filter((a) => isAssignedTo(a, viewer.user.id, viewer.membership.teamIds))
    .map((assignment) => ({ assignment, completion: completionOf(assignment, attempts, viewer.user.id, now) }));
}

/** Open assignments first (overdue, then soonest due), completed ones after. */
export async function assignedToViewer(
  context: AppLoadContext,
  viewer: Viewer,
  titleOf: (id: string) => string,
): Promise<AssignedItem[]> {
  const now = context.now();
  return (await viewersAssignments(context, viewer))
    .map(({ assignment, completion }) => ({
      assignmentId: assignment.id,
      scenarioId: assignment.scenarioId,
      title: titleOf(assignment.scenarioId),
      dueAt: assignment.dueAt,
      daysLeft: daysUntil(assignment.dueAt, now),
      assessment: assignment.assessment,
      status: completion.status,
    }))
    .sort(
      (a, b) => Number(a.status === "completed") - Number(b.status === "completed") || a.dueAt.localeCompare(b.dueAt),
    );
}

/** The open assignment a new attempt on this scenario version counts towards (soonest due), or null. */
export async function assignmentForAttempt(
  context: AppLoadContext,
  viewer: Viewer,
  scenarioId: string,
  version: number,
): Promise<Assignment | null> {
  const open = (await viewersAssignments(context, viewer))
    .filter(
      ({ assignment, completion }) =>
        assignment.scenarioId === scenarioId &&
        version >= assignment.scenarioVersion &&
        completion.status !== "completed",
    )
    .sort((a, b) => a.assignment.dueAt.localeCompare(b.assignment.dueAt));
  return open[0]?.assignment ?? null;
}
