// xAPI 1.0.3 statements for one attempt: initialized, answered (one per choice, with the choice and its competency
// effects), completed and passed/failed with a scaled score. Pure: the caller supplies the actor and statement ids.
import type { Agent, Statement } from "@xapi/xapi";

export const XAPI_VERSION = "1.0.3";

export const XAPI_VERBS = {
  initialized: { id: "http://adlnet.gov/expapi/verbs/initialized", display: { "en-US": "initialized" } },
  answered: { id: "http://adlnet.gov/expapi/verbs/answered", display: { "en-US": "answered" } },
  completed: { id: "http://adlnet.gov/expapi/verbs/completed", display: { "en-US": "completed" } },
  passed: { id: "http://adlnet.gov/expapi/verbs/passed", display: { "en-US": "passed" } },
  failed: { id: "http://adlnet.gov/expapi/verbs/failed", display: { "en-US": "failed" } },
} as const;

const SIMULATION = "http://adlnet.gov/expapi/activities/simulation";
const INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction";

export interface XapiScenario {
  id: string;
  title: string;
  version: number;
  passMark: number;
  /** node id -> its title and the choices offered there. */
  nodes: Record<string, { title: string | null; choices: Array<{ id: string; text: string }> }>;
}

export interface XapiAttempt {
  id: string;
  mode: "learning" | "assessment";
  assignmentId: string | null;
  startedAt: string;
  completedAt: string | null;
  /** The choices made, in order. */
  choices: Array<{ nodeId: string; choiceId: string; effects: Record<string, number> }>;
  result: { overall: number; passed: boolean; scores: Record<string, number>; endingId: string } | null;
}

export interface XapiOptions {
  /** Activity and extension ids are built under this IRI, e.g. https://webside.example.nhs.uk/xapi */
  baseIri: string;
  /** Who: an mbox_sha1sum or an account, never a plain email (see xapiActor). */
  actor: Agent;
  /** A stable UUID for a statement key, so the same attempt always yields the same ids (an LRS ignores repeats). */
  statementId: (key: string) => string;
}

/** The person as an xAPI agent: a SHA-1 of their mailto IRI, or an account on this Webside. */
export function xapiActor(
  person: { name: string } & ({ mboxSha1: string } | { accountHomePage: string; accountName: string }),
): Agent {
  if ("mboxSha1" in person) return { objectType: "Agent", name: person.name, mbox_sha1sum: person.mboxSha1 };
  return {
    objectType: "Agent",
    name: person.name,
    account: { homePage: person.accountHomePage, name: person.accountName },
  };
}

const trimSlash = (iri: string) => iri.replace(/\/+$/, "");

export function xapiStatements(scenario: XapiScenario, attempt: XapiAttempt, options: XapiOptions): Statement[] {
  const base = trimSlash(options.baseIri);
  const ext = (name: string) => `${base}/extensions/${name}`;
  const scenarioActivity = {
    objectType: "Activity" as const,
    id: `${base}/scenarios/${encodeURIComponent(scenario.id)}`,
    definition: { type: SIMULATION, name: { "en-GB": scenario.title } },
  };
  const context = {
    // An attempt id is a UUID, which is what xAPI asks a registration to be.
    ...(isUuid(attempt.id) ? { registration: attempt.id } : {}),
    platform: "Webside",
    language: "en-GB",
    extensions: {
      [ext("attempt")]: attempt.id,
      [ext("scenario-version")]: scenario.version,
      [ext("mode")]: attempt.mode,
      ...(attempt.assignmentId ? { [ext("assignment")]: attempt.assignmentId } : {}),
    },
  };
  const statement = (
    key: string,
    rest: Omit<Statement, "id" | "actor" | "version" | "context">,
    parent = false,
  ): Statement => ({
    id: options.statementId(`${attempt.id}:${key}`),
    actor: options.actor,
    ...rest,
    context: parent ? { ...context, contextActivities: { parent: [scenarioActivity] } } : context,
    version: XAPI_VERSION,
  });

  const statements: Statement[] = [
    statement("initialized", { verb: XAPI_VERBS.initialized, object: scenarioActivity, timestamp: attempt.startedAt }),
  ];
  attempt.choices.forEach((choice, index) => {
    const node = scenario.nodes[choice.nodeId];
    const text = node?.choices.find((c) => c.id === choice.choiceId)?.text ?? choice.choiceId;
    statements.push(
      statement(
        `answered:${index}`,
        {
          verb: XAPI_VERBS.answered,
          object: {
            objectType: "Activity",
            id: `${scenarioActivity.id}/nodes/${encodeURIComponent(choice.nodeId)}`,
            definition: {
              type: INTERACTION,
              name: { "en-GB": node?.title ?? choice.nodeId },
              interactionType: "choice",
              choices: (node?.choices ?? []).map((c) => ({ id: c.id, description: { "en-GB": c.text } })),
            },
          },
          result: {
            response: choice.choiceId,
            extensions: {
              [ext("choice")]: { id: choice.choiceId, text },
              [ext("competency-effects")]: choice.effects,
              [ext("step")]: index + 1,
            },
          },
        },
        true,
      ),
    );
  });
  if (attempt.result && attempt.completedAt) {
    const { overall, passed, scores, endingId } = attempt.result;
    const score = { scaled: Math.round(overall * 10) / 1000, raw: overall, min: 0, max: 100 };
    const duration = isoDuration(attempt.startedAt, attempt.completedAt);
    statements.push(
      statement("completed", {
        verb: XAPI_VERBS.completed,
        object: scenarioActivity,
        timestamp: attempt.completedAt,
        result: {
          completion: true,
          success: passed,
          score,
          duration,
          extensions: { [ext("competency-scores")]: scores, [ext("ending")]: endingId },
        },
      }),
      statement(passed ? "passed" : "failed", {
        verb: passed ? XAPI_VERBS.passed : XAPI_VERBS.failed,
        object: scenarioActivity,
        timestamp: attempt.completedAt,
        result: { success: passed, score, extensions: { [ext("pass-mark")]: scenario.passMark } },
      }),
    );
  }
  return statements;
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** ISO 8601 duration between two timestamps, whole seconds (PT12M5S). */
export function isoDuration(from: string, to: string): string {
  const seconds = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `PT${h ? `${h}H` : ""}${m ? `${m}M` : ""}${s || (!h && !m) ? `${s}S` : ""}`;
}
