// The one way a stored attempt is changed: against the revision it was read at, and when another write got in
// first, read again, check again and apply again, a bounded number of times.
import type { AppLoadContext } from "@remix-run/node";
import { ConflictError, NotFoundError } from "~/storage/errors";
import type { Attempt, AttemptPatch } from "~/storage/types";

/** Tries before giving up to a writer that keeps getting in first (each try costs one read and one write). */
export const REVISE_TRIES = 5;

/** What a change makes of the newest record: a patch to store, or a refusal that stores nothing. */
export type Change<R> = { patch: AttemptPatch } | { refuse: R };

export type Revised<R> =
  | { ok: true; attempt: Attempt }
  /** `attempt` is the record the refusal was decided on (the newest one read). */
  | { ok: false; refusal: R; attempt: Attempt };

/**
 * Applies `change` to `attempt` and stores the patch it gives. The change is a function of the record, not a patch
 * worked out once, because after a conflict it is run again on the fresh record: whatever it checks (still in
 * progress, the page's step still current) is checked again on what is really stored. Throws ConflictError after
 * REVISE_TRIES conflicts, and a 404 Response if the attempt has gone.
 */
export async function reviseAttempt<R>(
  context: AppLoadContext,
  attempt: Attempt,
  change: (current: Attempt) => Change<R>,
): Promise<Revised<R>> {
  let current = attempt;
  for (let tries = 1; ; tries++) {
    const decided = change(current);
    if ("refuse" in decided) return { ok: false, refusal: decided.refuse, attempt: current };
    try {
      return { ok: true, attempt: await context.store.updateAttempt(current.id, current.revision, decided.patch) };
    } catch (error) {
      if (error instanceof NotFoundError) throw new Response("Not found", { status: 404 });
      if (!(error instanceof ConflictError) || tries >= REVISE_TRIES) throw error;
    }
    const fresh = await context.store.getAttempt(current.id);
    if (!fresh) throw new Response("Not found", { status: 404 });
    current = fresh;
  }
}
