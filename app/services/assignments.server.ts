// Assignments for admins: the assign form, one assignment per chosen scenario, the assignments page, archiving, and
// completion counts.
import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { assignmentRows } from "~/core/tracking/assignment-rows";
import { audit } from "~/services/audit.server";
import type { Viewer } from "~/utils/auth.server";
import { memberFacts } from "~/services/exports.server";
import { getScenario, listScenarios } from "~/services/catalogue.server";

/** The assign form: scenarios, teams and/or people (emails, one per line or comma-separated), due date, assessment. */
export const assignForm = z
  .object({
    scenarioIds: z.array(z.string().max(100)).min(1, "Choose at least one scenario"),
    teamIds: z.array(z.string().max(100)),
    emails: z
      .string()
      .default("")
      .transform((text) =>
        text
          .split(/[\s,;]+/)
          .map((e) => e.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().email("One of the email addresses is not valid"))),
    dueDate: z.string({ error: "Enter the due date" }).regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the due date"),
    assessment: z
      .literal("on")
      .optional()
      .transform((value) => value === "on"),
  })
  .refine((v) => v.teamIds.length + v.emails.length > 0, {
    path: ["teamIds"],
    message: "Choose at least one team or person",
  });

export type AssignErrors = Record<string, string[] | undefined>;

export async function createAssignments(
  context: AppLoadContext,
  viewer: Viewer,
  input: z.output<typeof assignForm>,
): Promise<{ ok: true; count: number } | { ok: false; fieldErrors: AssignErrors }> {
  const dueAt = `${input.dueDate}T23:59:59.999Z`;
  if (Number.isNaN(Date.parse(dueAt)) || Date.parse(dueAt) < context.now().getTime())
    return { ok: false, fieldErrors: { dueDate: ["The due date must be today or later"] } };
  const teams = new Set((await context.store.listTeams(viewer.org.id)).map((t) => t.id));
  if (input.teamIds.some((t) => !teams.has(t)))
    return { ok: false, fieldErrors: { teamIds: ["One of the teams is not in this organisation"] } };
  const userIds: string[] = [];
  for (const email of new Set(input.emails)) {
    const user = await context.store.getUserByEmail(email);
    // Someone outside this organisation reads as unknown, so the form cannot be used to probe other trusts' staff.
    if (!user || !(await context.store.getMembership(user.id, viewer.org.id)))
      return { ok: false, fieldErrors: { emails: [`${email} is not a member of this organisation`] } };
    userIds.push(user.id);
  }
  let count = 0;
  for (const scenarioId of input.scenarioIds) {
    const scenario = await getScenario(context, viewer.org.id, scenarioId);
    if (!scenario) return { ok: false, fieldErrors: { scenarioIds: [`Scenario "${scenarioId}" is not available`] } };
    const assignment = await context.store.createAssignment({
      orgId: viewer.org.id,
      scenarioId,
      scenarioVersion: scenario.version,
      teamIds: input.teamIds,
      userIds,
      dueAt,
      assessment: input.assessment,
      createdBy: viewer.user.id,
    });
    await audit(context, {
      type: "assignment.create",
      orgId: viewer.org.id,
      actorId: viewer.user.id,
      detail: { assignmentId: assignment.id, scenarioId, version: scenario.version, dueAt },
    });
    count += 1;
  }
  return { ok: true, count };
}

/** Completed and assigned counts per assignment (active members only, as on the dashboard). */
export async function completionCounts(context: AppLoadContext, orgId: string, assignmentIds: string[]) {
  const [members, assignments, attempts] = await Promise.all([
    context.store.listMembers(orgId),
    context.store.listAssignments(orgId, { includeArchived: true }),
    context.store.listAttemptsForOrg(orgId),
  ]);
  const wanted = assignments.filter((a) => assignmentIds.includes(a.id)).map((a) => ({ ...a, archivedAt: null }));
  const counts = new Map<string, { assigned: number; completed: number; overdue: number }>(
    assignmentIds.map((id) => [id, { assigned: 0, completed: 0, overdue: 0 }]),
  );
  for (const row of assignmentRows(wanted, members.map(memberFacts), attempts, context.now())) {
    const c = counts.get(row.assignment.id)!;
    c.assigned += 1;
    if (row.completion.status === "completed") c.completed += 1;
    if (row.completion.status === "overdue") c.overdue += 1;
  }
  return counts;
}

/** The assignments page: what is assigned (archived ones too if asked), with completion counts, and what can be assigned. */
export async function assignmentsPage(context: AppLoadContext, orgId: string, showArchived: boolean) {
  const [assignments, teams, catalogue] = await Promise.all([
    context.store.listAssignments(orgId, { includeArchived: showArchived }),
    context.store.listTeams(orgId),
    listScenarios(context, orgId),
  ]);
  const counts = await completionCounts(
    context,
    orgId,
    assignments.map((a) => a.id),
  );
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const title = new Map(catalogue.map((e) => [e.scenario.id, e.scenario.title]));
  return {
    showArchived,
    today: context.now().toISOString().slice(0, 10),
    scenarios: catalogue.map((e) => ({
      id: e.scenario.id,
      title: e.scenario.title,
      version: e.scenario.version,
      minutes: e.scenario.minutes,
    })),
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
    assignments: [...assignments].reverse().map((a) => ({
      id: a.id,
      title: title.get(a.scenarioId) ?? a.scenarioId,
      version: a.scenarioVersion,
      who: [
        ...a.teamIds.map((t) => teamName.get(t) ?? "a removed team"),
        ...(a.userIds.length ? [`${a.userIds.length} ${a.userIds.length === 1 ? "person" : "people"}`] : []),
      ].join(", "),
      dueAt: a.dueAt,
      assessment: a.assessment,
      archivedAt: a.archivedAt,
      ...counts.get(a.id)!,
    })),
  };
}

export type AssignmentRow = Awaited<ReturnType<typeof assignmentsPage>>["assignments"][number];

/** Archives one of the organisation's assignments: it stops counting on the dashboard, its attempts are kept. */
export async function archiveAssignment(context: AppLoadContext, viewer: Viewer, id: string): Promise<void> {
  if (!(await context.store.getAssignment(viewer.org.id, id))) throw new Response("Not found", { status: 404 });
  await context.store.archiveAssignment(viewer.org.id, id, context.now().toISOString());
  await audit(context, {
    type: "assignment.archive",
    orgId: viewer.org.id,
    actorId: viewer.user.id,
    detail: { assignmentId: id },
  });
}
