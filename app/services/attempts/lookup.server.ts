// Finding an attempt for a request: the viewer's own or a 404, the scenario version it is pinned to, where it is.
import type { AppLoadContext } from "@remix-run/node";
import { viewOf, type Scenario } from "~/core/scenario";
import type { Attempt } from "~/storage/types";
import { getScenario } from "~/services/catalogue.server";
import { deny, type Viewer } from "~/utils/auth.server";

/** The viewer's own attempt, or a 404 that does not reveal whether it exists. */
export async function requireOwnAttempt(
  request: Request,
  context: AppLoadContext,
  viewer: Viewer,
  attemptId: string | undefined,
): Promise<Attempt> {
  const attempt = attemptId ? await context.store.getAttempt(attemptId) : null;
  if (!attempt) throw new Response("Not found", { status: 404 });
  if (attempt.orgId !== viewer.org.id || attempt.userId !== viewer.user.id) {
    await deny(context, viewer, request, 404, "attempt of another person");
  }
  return attempt;
}

/** The scenario at the version the attempt started on, or a 410 saying it is no longer available. */
export async function scenarioForAttempt(context: AppLoadContext, attempt: Attempt): Promise<Scenario> {
  const scenario = await getScenario(context, attempt.orgId, attempt.scenarioId, attempt.scenarioVersion);
  if (!scenario) {
    throw new Response(
      `This attempt was made on version ${attempt.scenarioVersion} of the scenario, which is no longer available.`,
      { status: 410 },
    );
  }
  return scenario;
}

/** The clinician's step: how many choices the attempt has made (other writes, such as presence, do not count). */
export function choicesMade(attempt: Attempt): number {
  return attempt.path.length - 1;
}

export function currentView(scenario: Scenario, attempt: Attempt) {
  return viewOf(scenario, attempt.snapshot);
}
