// Turns a scenario and an attempt into the practice room's view model, sending only what the learner may see.
import type { Scenario } from "~/core/scenario";
import type { Attempt } from "~/storage/types";
import type { CastView, PracticeView, TurnView } from "~/components/practice/types";
import { currentView } from "./attempts.server";

const PALETTE = ["#005eb8", "#007f3b", "#7c2855", "#330072", "#8a1538", "#00a499"];

export function initialsOf(name: string): string {
  const parts = name.replace(/^(Mr|Mrs|Ms|Miss|Dr|Mx)\.?\s+/i, "").split(/\s+/).filter(Boolean);
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
    attempt: { id: attempt.id, status: attempt.status, mode: attempt.mode, step: attempt.step },
    scenario: { id: scenario.id, title: scenario.title, version: scenario.version, setting: scenario.setting },
    cast: castView(scenario),
    history,
    choices: attempt.status === "in-progress" ? view.choices : [],
    progress: view.progress,
    previouslyChosen,
  };
}
