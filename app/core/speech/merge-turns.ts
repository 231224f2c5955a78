// Keeps spoken turns already stored when a newer upload lacks them (after a reload the page only knows its own turns).
import { MAX_SPOKEN_TURNS, spokenTurnsSchema, type SpokenTurn } from "./spoken-turn-schema";

/** The stored presence's turns, when it has valid ones. */
function storedTurns(stored: unknown): SpokenTurn[] {
  if (stored === null || typeof stored !== "object" || !("spoken" in stored)) return [];
  const parsed = spokenTurnsSchema.safeParse((stored as { spoken: unknown }).spoken);
  return parsed.success ? parsed.data : [];
}

/** Incoming turns win for the same step; earlier stored turns at other steps are kept; in step order, newest kept. */
export function mergeSpokenTurns(stored: unknown, incoming: SpokenTurn[] | undefined): SpokenTurn[] | undefined {
  const earlier = storedTurns(stored);
  if (!incoming && earlier.length === 0) return undefined;
  const byStep = new Map<number, SpokenTurn>();
  for (const turn of earlier) byStep.set(turn.step, turn);
  for (const turn of incoming ?? []) byStep.set(turn.step, turn);
  return [...byStep.values()].sort((a, b) => a.step - b.step).slice(-MAX_SPOKEN_TURNS);
}
