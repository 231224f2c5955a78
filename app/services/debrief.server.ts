// Builds a debrief from a finished attempt: scores, the path with feedback, strengths, things to work on.
import type { AppLoadContext } from "@remix-run/node";
import { COMPETENCY_INFO, type Competency } from "~/core/competencies";
import { scoreRun, viewOf, type Scenario } from "~/core/scenario";
import type { Attempt } from "~/storage/types";
import { scenarioForAttempt } from "~/services/attempts.server";
import { spokenTurnStrip } from "~/services/spoken-debrief.server";

/** One decision on the path: what was said, the clinician's choice, its effects and feedback, what else was offered. */
export interface DebriefDecision {
  index: number;
  nodeId: string;
  nodeTitle: string | null;
  said: { speaker: string; text: string } | null;
  choice: string;
  feedback: string;
  effects: Array<{ competency: string; label: string; value: number }>;
  alternatives: string[];
}

/** A competency's score (null when the path never assessed it), shown against the pass mark. */
export interface ScoreRow {
  competency: string;
  label: string;
  score: number | null;
}

export function buildDebrief(scenario: Scenario, attempt: Attempt) {
  const score = scoreRun(scenario, attempt.snapshot);
  const view = viewOf(scenario, attempt.snapshot);
  // The snapshot is the record; the stored result is its summary for lists and dashboards.
  const ending = score.endingId ? (scenario.nodes[score.endingId]?.ending ?? null) : null;
  const decisions: DebriefDecision[] = view.transcript.map((entry, index) => {
    const node = scenario.nodes[entry.nodeId];
    const chosen = node?.choices?.find((c) => c.id === entry.choiceId);
    return {
      index: index + 1,
      nodeId: entry.nodeId,
      nodeTitle: node?.title ?? null,
      said: node?.lines.filter((l) => l.speaker !== "narrator").at(-1) ?? null,
      choice: chosen?.text ?? entry.choiceId,
      feedback: chosen?.feedback ?? "",
      effects: Object.entries(chosen?.effects ?? {}).map(([c, v]) => ({
        competency: c,
        label: COMPETENCY_INFO[c as Competency]?.label ?? c,
        value: v as number,
      })),
      alternatives: (node?.choices ?? []).filter((c) => c.id !== entry.choiceId).map((c) => c.text),
    };
  });
  const tipsFor = (c: Competency) => ({
    competency: c,
    label: COMPETENCY_INFO[c].label,
    tips: COMPETENCY_INFO[c].tips.slice(0, 2),
    score: score.scores[c] ?? null,
  });
  return {
    passed: score.passed,
    /** Shown first in the debrief: any one fails the attempt whatever the score. */
    criticalErrors: score.criticalErrors.map((e) => ({ step: e.step, choiceText: e.choiceText, reason: e.reason })),
    overall: score.overall,
    passMark: scenario.passMark,
    ending: ending ? { outcome: ending.outcome, title: ending.title, summary: ending.summary } : null,
    rows: scenario.competencies.map((c): ScoreRow => ({
      competency: c,
      label: COMPETENCY_INFO[c].label,
      score: score.scores[c] ?? null,
    })),
    strongest: score.strongest.map(tipsFor),
    weakest: score.weakest.map(tipsFor),
    decisions,
  };
}

export type Debrief = ReturnType<typeof buildDebrief>;

/** The debrief page of a finished attempt: the scenario, what the clinician kept, the debrief and the camera summary. */
export async function debriefView(context: AppLoadContext, attempt: Attempt) {
  const scenario = await scenarioForAttempt(context, attempt);
  return {
    scenario: { id: scenario.id, title: scenario.title, version: scenario.version, minutes: scenario.minutes },
    attempt: {
      id: attempt.id,
      mode: attempt.mode,
      completedAt: attempt.completedAt ?? attempt.updatedAt,
      reflection: attempt.reflection,
      confidenceBefore: attempt.confidenceBefore,
      confidenceAfter: attempt.confidenceAfter,
    },
    debrief: buildDebrief(scenario, attempt),
    presence: attempt.presence,
    spokenTurns: spokenTurnStrip(scenario, attempt.presence),
  };
}
