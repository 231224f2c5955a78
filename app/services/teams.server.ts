// Teams in an organisation: created and renamed by its admins, audit-logged.
import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { audit } from "~/services/audit.server";
import type { Viewer } from "~/utils/auth.server";

export const teamName = z
  .string({ error: "Enter a team name" })
  .trim()
  .min(1, "Enter a team name")
  .max(100, "Team names are at most 100 characters");

export async function createTeam(context: AppLoadContext, viewer: Viewer, name: string): Promise<void> {
  const team = await context.store.createTeam({ orgId: viewer.org.id, name });
  await audit(context, {
    type: "team.create",
    orgId: viewer.org.id,
    actorId: viewer.user.id,
    detail: { teamId: team.id, name: team.name },
  });
}

/** Renames one of the organisation's teams; another organisation's (or a missing) team is a 404. */
export async function renameTeam(context: AppLoadContext, viewer: Viewer, teamId: string, name: string): Promise<void> {
  if (!(await context.store.getTeam(viewer.org.id, teamId))) throw new Response("Not found", { status: 404 });
  await context.store.renameTeam(viewer.org.id, teamId, name);
  await audit(context, {
    type: "team.rename",
    orgId: viewer.org.id,
    actorId: viewer.user.id,
    detail: { teamId, name },
  });
}
