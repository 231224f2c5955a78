// A scenario's overview page as one person sees it: what it covers, who is on the call, whether it is assigned to
// them, an attempt to resume, and the say-it-first option as they last left it.
import type { AppLoadContext } from "@remix-run/node";
import { COMPETENCY_INFO } from "~/core/competencies";
import { assignedToViewer } from "~/services/assigned.server";
import { getScenario } from "~/services/catalogue.server";
import { castView } from "~/services/practice-view.server";
import type { Viewer } from "~/utils/auth.server";

/** The overview, or null when the scenario is not playable in the viewer's organisation. */
export async function scenarioOverview(context: AppLoadContext, viewer: Viewer, scenarioId: string) {
  const scenario = await getScenario(context, viewer.org.id, scenarioId);
  if (!scenario) return null;
  const attempts = await context.store.listAttemptsForUser(viewer.user.id, viewer.org.id);
  const inProgress = attempts.find((a) => a.scenarioId === scenario.id && a.status === "in-progress");
  const assignment = (await assignedToViewer(context, viewer, () => scenario.title)).find(
    (a) => a.scenarioId === scenario.id && a.status !== "completed",
  );
  const latest = attempts.reduce<(typeof attempts)[number] | null>(
    (newest, a) => (!newest || a.startedAt > newest.startedAt ? a : newest),
    null,
  );
  return {
    assignment: assignment
      ? { dueAt: assignment.dueAt, overdue: assignment.daysLeft < 0, assessment: assignment.assessment }
      : null,
    scenario: {
      id: scenario.id,
      title: scenario.title,
      summary: scenario.summary,
      setting: scenario.setting,
      specialty: scenario.specialty,
      minutes: scenario.minutes,
      version: scenario.version,
      objectives: scenario.objectives,
      competencies: scenario.competencies.map((c) => ({ id: c, ...COMPETENCY_INFO[c] })),
      passMark: scenario.passMark,
    },
    cast: castView(scenario),
    inProgressId: inProgress?.id ?? null,
    // Remembered per person: the option is as they left it on their latest attempt at anything.
    sayItFirst: latest?.sayItFirst === true,
  };
}
