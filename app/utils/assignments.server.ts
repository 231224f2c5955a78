// Assignments for admins: reading the assign form, creating one assignment per chosen scenario, and completion counts.
import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { assignmentRows } from "~/core/tracking/assignment-rows";
import { audit } from "./audit.server";
import type { Viewer } from "./auth.server";
import { memberFacts } from "./exports.server";
import { getScenario } from "./scenario-catalogue.server";

const assignSchema = z
  .object({
    scenarioIds: z.array(z.string().max(100)).min(1, "Choose at least one scenario"),
    teamIds: z.array(z.string().max(100)),
    emails: z.array(z.string().email("One of the email addresses is not valid")),
    dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the due date"),
    assessment: z.boolean(),
  })
  .refine((v) => v.teamIds.length + v.emails.length > 0, {
    path: ["teamIds"],
    message: "Choose at least one team or person",
  });

export type AssignErrors = Record<string, string[] | undefined>;

export async function createAssignmentsFromForm(
  context: AppLoadContext,
  viewer: Viewer,
  form: FormData,
): Promise<{ ok: true; count: number } | { ok: false; fieldErrors: AssignErrors }> {
  const parsed = assignSchema.safeParse({
    scenarioIds: form.getAll("scenarioIds").map(String),
    teamIds: form.getAll("teamIds").map(String),
    emails: String(form.get("emails") ?? "")
      .split(/[\s,;]+/)
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
    dueDate: String(form.get("dueDate") ?? ""),
    assessment: form.get("assessment") === "on",
  });
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const input = parsed.data;
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
