// The admin's streamed exports: one CSV row per person per assignment, and every attempt's xAPI statements as JSON.
import type { AppLoadContext } from "@remix-run/node";
import { stringify } from "csv-stringify/sync";
import { assignmentRows, type MemberFacts } from "~/core/tracking/assignment-rows";
import { ASSIGNMENT_EXPORT_HEADER, assignmentExportRow } from "~/core/tracking/export-rows";
import type { Membership, User } from "~/storage/types";
import { memberPages, textStream } from "~/services/member-pages.server";
import { getScenario, listScenarios } from "~/services/catalogue.server";
import { statementsForAttempt } from "~/services/xapi.server";

export function memberFacts({ user, membership }: { user: User; membership: Membership }): MemberFacts {
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    active: user.active,
    teamIds: membership.teamIds,
    invited: user.passwordHash === null,
  };
}

export async function scenarioTitles(context: AppLoadContext, orgId: string): Promise<Map<string, string>> {
  return new Map((await listScenarios(context, orgId)).map((e) => [e.scenario.id, e.scenario.title]));
}

export async function assignmentCsvStream(context: AppLoadContext, orgId: string): Promise<ReadableStream<Uint8Array>> {
  const [assignments, teams, titles] = await Promise.all([
    context.store.listAssignments(orgId),
    context.store.listTeams(orgId),
    scenarioTitles(context, orgId),
  ]);
  const teamNames = new Map(teams.map((t) => [t.id, t.name]));
  const now = context.now();
  async function* chunks() {
    yield stringify([ASSIGNMENT_EXPORT_HEADER]);
    for await (const page of memberPages(context.store, orgId)) {
      const rows = assignmentRows(assignments, page.members.map(memberFacts), page.attempts, now);
      if (rows.length > 0)
        yield stringify(rows.map((r) => assignmentExportRow(r, teamNames, (id) => titles.get(id) ?? id)));
    }
  }
  return textStream(chunks());
}

/** A JSON array of statements for every completed attempt, built page by page of members. */
export async function xapiJsonStream(context: AppLoadContext, orgId: string): Promise<ReadableStream<Uint8Array>> {
  async function* chunks() {
    yield "[";
    let first = true;
    for await (const page of memberPages(context.store, orgId)) {
      const users = new Map(page.members.map((m) => [m.user.id, m.user]));
      for (const attempt of page.attempts) {
        if (attempt.status !== "completed") continue;
        const scenario = await getScenario(context, orgId, attempt.scenarioId, attempt.scenarioVersion);
        const user = users.get(attempt.userId);
        if (!scenario || !user) continue;
        // The statements carry each choice, which only the full attempt (its snapshot) holds; pages list summaries.
        const full = await context.store.getAttempt(attempt.id);
        if (!full) continue;
        const parts = statementsForAttempt(scenario, full, user).map((s) => JSON.stringify(s));
        if (parts.length === 0) continue;
        yield (first ? "\n" : ",\n") + parts.join(",\n");
        first = false;
      }
    }
    yield "\n]\n";
  }
  return textStream(chunks());
}

/** A file download the browser saves rather than shows, never cached. */
export function downloadResponse(
  body: ReadableStream<Uint8Array> | string,
  filename: string,
  contentType: string,
): Response {
  return new Response(body, {
    headers: {
      "Content-Type": `${contentType}; charset=utf-8`,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
