// Organisation-level camera-presence figures from each attempt's stored summary: only averages over attempts,
// never any one frame or timeline, so the dashboard cannot be used to watch a person.
import { presenceSummarySchema } from "../feedback/presence-summary-schema";

export interface PresenceFigures {
  /** Completed attempts that had camera feedback on. */
  attempts: number;
  minutesObserved: number;
  /** Mean over those attempts of the share of observed time, as a percentage with one decimal, or null with none. */
  wellFramed: number | null;
  wellLit: number | null;
  eyeContactSpeaking: number | null;
  eyeContactListening: number | null;
}

const meanPercent = (shares: number[]) =>
  shares.length === 0 ? null : Math.round((1000 * shares.reduce((a, b) => a + b, 0)) / shares.length) / 10;

export function presenceFigures(summaries: readonly unknown[]): PresenceFigures {
  const valid = summaries.flatMap((s) => {
    if (s === null || s === undefined) return [];
    const parsed = presenceSummarySchema.safeParse(s);
    return parsed.success ? [parsed.data] : [];
  });
  // An attempt whose metric never had a reading says nothing about it, so it is left out of that average.
  const shares = (pick: (o: (typeof valid)[number]["overall"]) => { ms: number; share: number }) =>
    valid
      .map((v) => pick(v.overall))
      .filter((p) => p.ms > 0)
      .map((p) => p.share);
  return {
    attempts: valid.length,
    minutesObserved: Math.round(valid.reduce((sum, v) => sum + v.durationMs, 0) / 6000) / 10,
    wellFramed: meanPercent(shares((o) => ({ ms: o.framing.ms, share: o.framing.ok }))),
    wellLit: meanPercent(shares((o) => ({ ms: o.lighting.ms, share: o.lighting.ok }))),
    eyeContactSpeaking: meanPercent(
      shares((o) => ({ ms: o.eyeContactSpeaking.ms, share: o.eyeContactSpeaking.looking })),
    ),
    eyeContactListening: meanPercent(
      shares((o) => ({ ms: o.eyeContactListening.ms, share: o.eyeContactListening.looking })),
    ),
  };
}
