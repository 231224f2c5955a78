// An attempt's camera presence summary (numbers only) and spoken-turn figures, stored as the practice goes on.
import type { AppLoadContext } from "@remix-run/node";
import type { PresenceSummary } from "~/core/feedback";
import { mergeSpokenTurns } from "~/core/speech/merge-turns";
import { ConflictError } from "~/storage/errors";
import type { Attempt } from "~/storage/types";
import { scenarioForAttempt } from "./lookup.server";
import { reviseAttempt } from "./revise.server";

export type PresenceOutcome = { ok: true; attempt: Attempt } | { ok: false; status: 400 | 409; error: string };

const LEFT: PresenceOutcome = {
  ok: false,
  status: 409,
  error: "This attempt was left, so its camera summary is no longer kept.",
};

/**
 * Stores a summary that names only the scenario's own nodes. It replaces the stored one, except that spoken turns
 * stored earlier (before a reload) stay unless this upload has newer figures for the same step. The attempt may move
 * on (a choice) while the summary is on its way; the summary is then stored on the newer record.
 */
export async function savePresence(
  context: AppLoadContext,
  attempt: Attempt,
  presence: PresenceSummary,
): Promise<PresenceOutcome> {
  if (attempt.status === "abandoned") return LEFT;
  const scenario = await scenarioForAttempt(context, attempt);
  const unknown = presence.timeline.nodes
    .concat(
      Object.keys(presence.nodes),
      (presence.spoken ?? []).map((turn) => turn.node),
    )
    .find((id) => !Object.hasOwn(scenario.nodes, id));
  if (unknown) {
    return {
      ok: false,
      status: 400,
      error: `The presence summary names node '${unknown}', which is not in this scenario.`,
    };
  }
  try {
    const revised = await reviseAttempt<PresenceOutcome>(context, attempt, (current) => {
      if (current.status === "abandoned") return { refuse: LEFT };
      const spoken = mergeSpokenTurns(current.presence, presence.spoken);
      return { patch: { presence: spoken ? { ...presence, spoken } : presence } };
    });
    return revised.ok ? { ok: true, attempt: revised.attempt } : revised.refusal;
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return {
      ok: false,
      status: 409,
      error: "The attempt kept changing while the summary was saved. It is sent again with your next choice.",
    };
  }
}
