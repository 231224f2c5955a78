// Builds an attempt's xAPI statements on the server (actor hashed, stable ids, configured base IRI) and queues them
// for the organisation's LRS. Queuing never fails an attempt: a problem is logged and the clinician carries on.
import { createHash } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { viewOf, type Scenario } from "~/core/scenario";
import { xapiActor, xapiStatements, type XapiScenario } from "~/core/tracking/xapi";
import type { Attempt, User } from "~/storage/types";

/** Activity ids live under this IRI. Set XAPI_BASE_IRI to your Webside's address so ids are yours. */
export function xapiBaseIri(env: Record<string, string | undefined> = process.env): string {
  return env.XAPI_BASE_IRI?.trim() || "https://webside.invalid/xapi";
}

/** A name-based UUID (version 5 layout over SHA-1), so the same key always yields the same statement id. */
export function stableUuid(key: string): string {
  const hex = createHash("sha1").update(`webside-xapi:${key}`).digest("hex").slice(0, 32).split("");
  hex[12] = "5";
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The person as xAPI sees them: a SHA-1 of their mailto IRI, never the address itself. */
export function actorFor(user: Pick<User, "name" | "email">) {
  return xapiActor({ name: user.name, mboxSha1: createHash("sha1").update(`mailto:${user.email}`).digest("hex") });
}

export function xapiScenario(scenario: Scenario): XapiScenario {
  const nodes: XapiScenario["nodes"] = {};
  for (const [id, node] of Object.entries(scenario.nodes)) {
    nodes[id] = { title: node.title ?? null, choices: (node.choices ?? []).map((c) => ({ id: c.id, text: c.text })) };
  }
  return { id: scenario.id, title: scenario.title, version: scenario.version, passMark: scenario.passMark, nodes };
}

export function statementsForAttempt(
  scenario: Scenario,
  attempt: Attempt,
  user: Pick<User, "name" | "email">,
  baseIri = xapiBaseIri(),
) {
  const transcript = viewOf(scenario, attempt.snapshot).transcript;
  return xapiStatements(
    xapiScenario(scenario),
    {
      id: attempt.id,
      mode: attempt.mode,
      assignmentId: attempt.assignmentId,
      startedAt: attempt.startedAt,
      completedAt: attempt.completedAt,
      choices: transcript.map((t) => ({
        nodeId: t.nodeId,
        choiceId: t.choiceId,
        effects: { ...(t.effects as Record<string, number>) },
      })),
      result: attempt.result,
    },
    { baseIri, actor: actorFor(user), statementId: stableUuid },
  );
}

/** Queues a finished attempt's statements when the organisation has an LRS; returns how many were queued. */
export async function queueAttemptStatements(
  context: Pick<AppLoadContext, "store" | "now">,
  scenario: Scenario,
  attempt: Attempt,
): Promise<number> {
  try {
    const settings = await context.store.getOrgSettings(attempt.orgId);
    if (!settings?.lrs) return 0;
    const user = await context.store.getUser(attempt.userId);
    if (!user) return 0;
    const statements = statementsForAttempt(scenario, attempt, user);
    await context.store.enqueueXapi(attempt.orgId, statements, context.now().toISOString());
    return statements.length;
  } catch (error) {
    console.warn(
      `xAPI statements for attempt ${attempt.id} were not queued: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 0;
  }
}
