// Attempts read back from disk repeat the same text many times: every step of a stored run copies the scenario's
// feedback for the choice made (and node, choice and competency names), so 100,000 attempts parsed from their shards
// held about 100,000 copies of each feedback paragraph. Strings are immutable, so each distinct text can be held once
// and shared by every attempt that contains it; attempts made by this process already share the scenario's own
// strings. Only the engine's snapshot is shared this way: it holds the scenario's words, while free text a clinician
// wrote (reflections) is unique anyway and is left alone.

/** Below this, a copy costs little more than the lookup that would share it (ids, names, states). */
const SHORTEST_SHARED = 24;

/** One instance of each distinct text met in stored snapshots, for the life of the process. */
const texts = new Map<string, string>();

function share(value: unknown): unknown {
  if (typeof value === "string") {
    if (value.length < SHORTEST_SHARED) return value;
    const held = texts.get(value);
    if (held !== undefined) return held;
    texts.set(value, value);
    return value;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = share(value[i]);
    return value;
  }
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = share(record[key]);
  }
  return value;
}

/** Replaces, in place, every string in an attempt's snapshot with the one shared instance of that text. */
export function shareSnapshotText(attempt: Record<string, unknown>): void {
  if (attempt.snapshot !== undefined) attempt.snapshot = share(attempt.snapshot);
}

/** Distinct texts held (for tests). */
export function sharedTextCount(): number {
  return texts.size;
}
