// Turns a scenario and an attempt into the practice room's view model, sending only what the learner may see.
import { createHash } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import type { Scenario } from "~/core/scenario";
import type { Attempt } from "~/storage/types";
import { previousChoices } from "~/services/attempt-history.server";
import { choicesMade, currentView, scenarioForAttempt } from "~/services/attempts.server";

// The practice room's view model: what the server sends the browser about an attempt (never the whole scenario).
export interface CastView {
  id: string;
  name: string;
  role: string;
  bio: string;
  initials: string;
  colour: string;
}

export interface TurnView {
  nodeId: string;
  title: string | null;
  lines: Array<{ speaker: string; text: string }>;
  events: Array<{ kind: string; who: string | null; text: string }>;
  /** The clinician's response at this node; absent on the current node. */
  chosen: { id: string; text: string; feedback: string | null } | null;
}

export interface PracticeView {
  attempt: {
    id: string;
    status: "in-progress" | "completed" | "abandoned";
    mode: "learning" | "assessment";
    /** "Say it first": the clinician answers aloud before the written responses appear. */
    sayItFirst: boolean;
    /** The clinician's step: how many choices they have made. The choice form sends it back to catch a stale page. */
    step: number;
  };
  scenario: { id: string; title: string; version: number; setting: "one-to-one" | "group" };
  cast: CastView[];
  history: TurnView[];
  choices: Array<{ id: string; text: string }>;
  /** `percent` only moves forward and reaches 100 only at an ending. */
  progress: { step: number; estimatedTotal: number; percent: number };
  /** Choices taken on this scenario's previous attempt, for "try the other path". */
  previouslyChosen: string[];
}

const PALETTE = ["#005eb8", "#007f3b", "#7c2855", "#330072", "#8a1538", "#00a499"];

export function initialsOf(name: string): string {
  const parts = name
    .replace(/^(Mr|Mrs|Ms|Miss|Dr|Mx)\.?\s+/i, "")
    .split(/\s+/)
    .filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "")).toUpperCase();
}

export function castView(scenario: Scenario): CastView[] {
  return scenario.cast.map((member, index) => ({
    id: member.id,
    name: member.name,
    role: member.role,
    bio: member.bio,
    initials: member.avatar?.initials?.toUpperCase() ?? initialsOf(member.name),
    colour: member.avatar?.colour ?? PALETTE[index % PALETTE.length]!,
  }));
}

/**
 * Authors tend to write the best response first; showing choices in the file's order would teach "pick 1".
 * The order is shuffled per attempt and node, deterministically, so a reload shows the same order.
 */
export function orderChoices<T extends { id: string }>(choices: T[], seed: string): T[] {
  const rank = (id: string) => createHash("sha256").update(`${seed}:${id}`).digest().readUInt32BE(0);
  return [...choices].sort((a, b) => rank(a.id) - rank(b.id));
}

export function practiceView(scenario: Scenario, attempt: Attempt, previouslyChosen: string[] = []): PracticeView {
  const view = currentView(scenario, attempt);
  const showFeedback = attempt.mode === "learning";
  const history: TurnView[] = view.visited.map((nodeId, index) => {
    const node = scenario.nodes[nodeId];
    const entry = view.transcript[index];
    const choice = entry ? node?.choices?.find((c) => c.id === entry.choiceId) : undefined;
    return {
      nodeId,
      title: node?.title ?? null,
      lines: node?.lines ?? [],
      events: (node?.events ?? []).map((e) => ({ kind: e.kind, who: e.who ?? null, text: e.text })),
      chosen: choice ? { id: choice.id, text: choice.text, feedback: showFeedback ? choice.feedback : null } : null,
    };
  });
  return {
    attempt: {
      id: attempt.id,
      status: attempt.status,
      mode: attempt.mode,
      sayItFirst: attempt.sayItFirst === true,
      step: choicesMade(attempt),
    },
    scenario: { id: scenario.id, title: scenario.title, version: scenario.version, setting: scenario.setting },
    cast: castView(scenario),
    history,
    choices:
      attempt.status === "in-progress"
        ? orderChoices(view.choices, `${attempt.id}:${view.nodeId}:${view.progress.step}`)
        : [],
    progress: view.progress,
    previouslyChosen,
  };
}

/** The practice room for a stored attempt; with `explore`, marking the choices taken on the previous attempt. */
export async function practiceRoomView(
  context: AppLoadContext,
  attempt: Attempt,
  options: { explore?: boolean } = {},
): Promise<PracticeView> {
  const scenario = await scenarioForAttempt(context, attempt);
  return practiceView(scenario, attempt, options.explore ? await previousChoices(context, attempt) : []);
}
