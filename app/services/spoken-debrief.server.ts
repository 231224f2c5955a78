// The debrief's per-turn strip for "say it first": how quickly the clinician answered, how long they spoke, eye contact.
import type { Scenario } from "~/core/scenario";
import { spokenTurnsSchema } from "~/core/speech/spoken-turn-schema";
import { turnTips, type TurnTip } from "~/core/speech/turn-guidance";

export interface SpokenTurnRow {
  /** 1 for the first decision, as in the path. */
  index: number;
  nodeId: string;
  nodeTitle: string | null;
  optionsShownEarly: boolean;
  onsetMs: number | null;
  speakingMs: number;
  pauseCount: number;
  talkOverMs: number;
  syllablesPerSecond: number | null;
  /** Share of speaking time looking towards the camera; null with the camera off or not enough seen. */
  eyeContact: number | null;
  tips: TurnTip[];
}

/**
 * A turn follows an emotional disclosure when the scenario rewards an empathic response to it: some response there
 * raises empathy. (Authors mark what they assess, so this needs no extra field in the scenario file.)
 */
function invitesEmpathy(scenario: Scenario, nodeId: string): boolean {
  return (scenario.nodes[nodeId]?.choices ?? []).some((c) => (c.effects?.empathy ?? 0) > 0);
}

/** One row per spoken turn stored with the attempt, in order; empty when none (or the stored figures are unreadable). */
export function spokenTurnStrip(scenario: Scenario, presence: unknown): SpokenTurnRow[] {
  const stored = presence !== null && typeof presence === "object" ? (presence as { spoken?: unknown }).spoken : null;
  const parsed = spokenTurnsSchema.safeParse(stored ?? []);
  if (!parsed.success) return [];
  return parsed.data.map((turn) => ({
    index: turn.step + 1,
    nodeId: turn.node,
    nodeTitle: scenario.nodes[turn.node]?.title ?? null,
    optionsShownEarly: turn.optionsShownEarly,
    onsetMs: turn.onsetMs,
    speakingMs: turn.speakingMs,
    pauseCount: turn.pauseCount,
    talkOverMs: turn.talkOverMs,
    syllablesPerSecond: turn.syllablesPerSecond,
    eyeContact: turn.camera?.eyeContact ?? null,
    tips: turnTips(turn, { emotional: invitesEmpathy(scenario, turn.node) }),
  }));
}
