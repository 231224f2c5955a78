// What a join link shows before joining: the scenario, who started it and which parts are still free.
import type { AppLoadContext } from "@remix-run/node";
import { freeParts, participantOf, settle } from "~/core/live";
import { getScenario } from "~/services/catalogue.server";
import type { Viewer } from "~/utils/auth.server";
import { sessionForCode } from "./sessions.server";

export async function joinPageView(context: AppLoadContext, viewer: Viewer, code: string) {
  const found = await sessionForCode(context, viewer, code);
  if (!found) return null;
  const now = context.now().toISOString();
  const session = settle(found, now);
  const scenario = await getScenario(context, session.orgId, session.scenarioId, session.scenarioVersion);
  const me = participantOf(session, viewer.user.id);
  return {
    sessionId: session.id,
    alreadyIn: me !== undefined && me.leftAt === null,
    scenarioTitle: scenario?.title ?? session.scenarioId,
    learnerName: participantOf(session, session.learnerId)?.name ?? "A colleague",
    freeParts: freeParts(session, now).map((p) => p.name),
  };
}
