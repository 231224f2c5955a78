// Observers' ratings and notes, and actors' patient-perspective answers (ADR 0054). Who may rate and until when is
// the core's mayRate; what a rating holds is the core's schemas; the server stamps a note's time and node.
import type { AppLoadContext } from "@remix-run/node";
import {
  consultationMs,
  mayRate,
  observerRatingSchemaFor,
  patientPerspectiveSchema,
  type LiveSession,
  type ObserverRating,
} from "~/core/live";
import { COMPETENCIES, type Competency } from "~/core/competencies";
import type { LiveRating } from "~/storage/types";
import { getScenario } from "~/services/catalogue.server";
import type { Viewer } from "~/utils/auth.server";
import type { LiveRatingForm } from "./forms";
import { withStatus } from "./sessions.server";

export type RatingOutcome = { ok: true; rating: LiveRating } | { ok: false; status: number; message: string };

const EMPTY: ObserverRating = { competencies: {}, global: null, notes: [], comment: null };

async function assessed(context: AppLoadContext, session: LiveSession): Promise<readonly Competency[]> {
  const scenario = await getScenario(context, session.orgId, session.scenarioId, session.scenarioVersion);
  return scenario?.competencies ?? [];
}

async function currentNode(context: AppLoadContext, session: LiveSession): Promise<string | null> {
  if (session.attemptId === null) return null;
  return (await context.store.getAttempt(session.attemptId))?.path.at(-1) ?? null;
}

function firstIssue(error: { issues: Array<{ message: string }> }): string {
  return error.issues[0]?.message ?? "Check the rating and try again.";
}

export async function saveLiveRating(
  context: AppLoadContext,
  viewer: Viewer,
  session: LiveSession,
  form: LiveRatingForm,
): Promise<RatingOutcome> {
  const now = context.now().toISOString();
  const kind =
    form.intent === "patient" ? { kind: "patient" as const, castId: form.castId } : { kind: "observer" as const };
  const allowed = mayRate(session, viewer.user.id, kind, now);
  if (!allowed.ok) {
    const refusal = withStatus(allowed);
    return { ok: false, status: refusal.status, message: refusal.message };
  }
  const stored = (await context.store.listLiveRatings(session.orgId, session.id)).find(
    (r) =>
      r.userId === viewer.user.id && r.kind === kind.kind && r.part === (form.intent === "patient" ? form.castId : ""),
  );
  let answers: unknown;
  let final = false;
  if (form.intent === "patient") {
    const parsed = patientPerspectiveSchema.safeParse({
      castId: form.castId,
      answers: form.answers,
      comment: form.comment || null,
    });
    if (!parsed.success) return { ok: false, status: 400, message: firstIssue(parsed.error) };
    answers = parsed.data;
    final = true;
  } else {
    const draft = (stored?.answers as ObserverRating | undefined) ?? EMPTY;
    const competencies = await assessed(context, session);
    let next: ObserverRating;
    if (form.intent === "note") {
      const note = {
        text: form.text,
        atMs: consultationMs(session, now) ?? 0,
        nodeId: await currentNode(context, session),
      };
      next = { ...draft, notes: [...draft.notes, note] };
    } else {
      const ratings = Object.fromEntries(
        COMPETENCIES.filter((c) => form.ratings[c] !== undefined).map((c) => [c, form.ratings[c]]),
      );
      next = { ...draft, competencies: ratings, global: form.global ?? null, comment: form.comment || null };
      final = form.final;
    }
    const parsed = observerRatingSchemaFor(competencies, { final }).safeParse(next);
    if (!parsed.success) return { ok: false, status: 400, message: firstIssue(parsed.error) };
    answers = parsed.data;
    // A note added after the rating was finished keeps it finished.
    final = final || (form.intent === "note" && stored?.final === true);
  }
  const rating = await context.store.saveLiveRating({
    sessionId: session.id,
    orgId: session.orgId,
    userId: viewer.user.id,
    kind: kind.kind,
    part: form.intent === "patient" ? form.castId : "",
    final,
    answers,
    updatedAt: now,
  });
  return { ok: true, rating };
}
