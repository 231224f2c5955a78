// The live session's debrief, for everyone who took part (ADR 0054): the path the actor recorded with the scenario's
// feedback and the engine's scores (the solo debrief's own pieces), the observers' ratings and notes, each
// character's patient-perspective answers, the learner's presence figures, who took part and for how long.
import type { AppLoadContext } from "@remix-run/node";
import {
  COMPETENCY_ANCHORS,
  GLOBAL_RATING_LABELS,
  LIVE_ROLE_LABELS,
  PATIENT_PERSPECTIVE_ITEMS,
  PATIENT_SCALE_LABELS,
  consultationMs,
  mayReadDebrief,
  participantOf,
  type LiveSession,
  type ObserverRating,
  type PatientPerspective,
} from "~/core/live";
import { COMPETENCY_INFO } from "~/core/competencies";
import { buildDebrief } from "~/services/debrief.server";
import { getScenario } from "~/services/catalogue.server";
import { spokenTurnStrip } from "~/services/spoken-debrief.server";
import type { Viewer } from "~/utils/auth.server";

export async function liveDebriefView(context: AppLoadContext, viewer: Viewer, session: LiveSession) {
  const allowed = mayReadDebrief(session, viewer.user.id);
  if (!allowed.ok) return { ok: false as const, message: allowed.message };
  const now = context.now().toISOString();
  const scenario = await getScenario(context, session.orgId, session.scenarioId, session.scenarioVersion);
  if (!scenario) throw new Response("This scenario version is no longer available.", { status: 410 });
  const attempt = session.attemptId ? await context.store.getAttempt(session.attemptId) : null;
  const ratings = await context.store.listLiveRatings(session.orgId, session.id);
  const names = new Map(session.participants.map((p) => [p.userId, p.name]));
  const castNames = new Map(scenario.cast.map((c) => [c.id, c.name]));
  const me = participantOf(session, viewer.user.id)!;
  const debrief = attempt && attempt.path.length > 1 ? buildDebrief(scenario, attempt) : null;
  const mine = ratings.filter((r) => r.userId === viewer.user.id);
  return {
    ok: true as const,
    session: {
      id: session.id,
      status: session.status,
      minutes: Math.round((consultationMs(session, now) ?? 0) / 60_000),
      finished: attempt?.status === "completed",
    },
    scenario: { id: scenario.id, title: scenario.title },
    me: { role: me.role, plays: me.plays.map((id) => ({ id, name: castNames.get(id) ?? id })) },
    people: session.participants.map((p) => ({
      name: p.name,
      role: LIVE_ROLE_LABELS[p.role],
      plays: p.plays.map((id) => castNames.get(id) ?? id),
    })),
    recordedBy: session.advances.map((a) => ({ step: a.step, by: names.get(a.by) ?? "An actor" })),
    debrief,
    presence: attempt?.presence ?? null,
    // The learner's voice figures per script step (numbers only), as in spoken practice.
    spokenTurns: attempt ? spokenTurnStrip(scenario, attempt.presence) : [],
    observers: ratings
      .filter((r) => r.kind === "observer")
      .map((r) => {
        const answers = r.answers as ObserverRating;
        return {
          name: names.get(r.userId) ?? "An observer",
          final: r.final,
          competencies: scenario.competencies.map((c) => ({
            label: COMPETENCY_INFO[c].label,
            rating: answers.competencies[c] ?? null,
            engine: debrief?.rows.find((row) => row.competency === c)?.score ?? null,
          })),
          global: answers.global === null ? null : GLOBAL_RATING_LABELS[answers.global as 1 | 2 | 3 | 4 | 5],
          notes: answers.notes,
          comment: answers.comment,
        };
      }),
    patients: ratings
      .filter((r) => r.kind === "patient")
      .map((r) => {
        const view = r.answers as PatientPerspective;
        return {
          character: castNames.get(r.part) ?? r.part,
          answers: PATIENT_PERSPECTIVE_ITEMS.map((item) => ({
            text: item.text,
            answer:
              view.answers[item.id] === null
                ? "Did not apply"
                : PATIENT_SCALE_LABELS[view.answers[item.id] as 1 | 2 | 3 | 4 | 5],
          })),
          comment: view.comment,
        };
      }),
    // The forms this person may still fill in: the observer's rating (with their draft) and the actor's views.
    form: {
      observer:
        me.role === "observer"
          ? {
              draft: (mine.find((r) => r.kind === "observer")?.answers as ObserverRating | undefined) ?? null,
              competencies: scenario.competencies.map((c) => ({
                id: c,
                label: COMPETENCY_INFO[c].label,
                anchors: COMPETENCY_ANCHORS[c],
              })),
            }
          : null,
      patientParts: me.role === "actor" ? me.plays.filter((id) => !mine.some((r) => r.part === id)) : [],
    },
  };
}
