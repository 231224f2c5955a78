// A clinician's learning record: every completed attempt in their current organisation, with CPD minutes and certificates.
import type { AppLoadContext } from "@remix-run/node";
import type { Attempt } from "~/storage/types";
import type { Viewer } from "~/utils/auth.server";
import { creditedMinutes, secondsTaken } from "~/core/tracking/cpd";
import { getScenario } from "~/services/catalogue.server";

export interface LearningRecordRow {
  attemptId: string;
  completedAt: string;
  title: string;
  version: number;
  mode: "learning" | "assessment";
  /** Where its debrief is: a live role-play's is the session's, shared with the colleagues who took part. */
  debriefHref: string;
  /** Practised live with colleagues (ADR 0054), shown as "live practice". */
  live: boolean;
  overall: number;
  passed: boolean;
  /** CPD minutes credited: the stated length for the first passed attempt on a version, else 0. */
  minutes: number;
  /** The scenario's stated length, shown beside what was credited. */
  nominalMinutes: number;
  /** The time actually spent, from starting to finishing the attempt. */
  secondsTaken: number;
  certificateCode: string | null;
  reflection: string | null;
}

export async function learningRecord(context: AppLoadContext, viewer: Viewer): Promise<LearningRecordRow[]> {
  const attempts = (await context.store.listAttemptsForUser(viewer.user.id, viewer.org.id))
    .filter((a) => a.status === "completed" && a.completedAt && a.result)
    .sort((a, b) => b.completedAt!.localeCompare(a.completedAt!));
  const rows: LearningRecordRow[] = [];
  for (const attempt of attempts) {
    const scenario = await getScenario(context, viewer.org.id, attempt.scenarioId, attempt.scenarioVersion);
    const certificate = attempt.result!.passed ? await context.store.getCertificateForAttempt(attempt.id) : null;
    rows.push({
      attemptId: attempt.id,
      completedAt: attempt.completedAt!,
      title: scenario?.title ?? attempt.scenarioId,
      version: attempt.scenarioVersion,
      mode: attempt.mode,
      debriefHref: attempt.liveSessionId ? `/live/${attempt.liveSessionId}/debrief` : `/attempts/${attempt.id}/debrief`,
      live: Boolean(attempt.liveSessionId),
      overall: attempt.result!.overall,
      passed: attempt.result!.passed,
      minutes: 0,
      nominalMinutes: scenario?.minutes ?? 0,
      secondsTaken: secondsTaken(attempt.startedAt, attempt.completedAt!),
      certificateCode: certificate?.code ?? null,
      reflection: attempt.reflection,
    });
  }
  const credited = creditedMinutes(
    rows.map((r, i) => ({
      scenarioId: attempts[i]!.scenarioId,
      version: r.version,
      completedAt: r.completedAt,
      passed: r.passed,
      minutes: r.nominalMinutes,
    })),
  );
  return rows.map((r, i) => ({ ...r, minutes: credited[i] ?? 0 }));
}

export interface AttemptCpd {
  /** What this attempt credits: the stated length if it is the first pass on its version, else 0. */
  creditedMinutes: number;
  nominalMinutes: number;
  secondsTaken: number;
}

/** The CPD one passed attempt earns, for its certificate: the same rule as the learning record. */
export async function cpdForAttempt(
  context: AppLoadContext,
  viewer: Viewer,
  attempt: Attempt,
  nominalMinutes: number,
): Promise<AttemptCpd> {
  // Only attempts on the same scenario version compete for the one credit, and they share its stated length.
  const sameVersion = (await context.store.listAttemptsForUser(viewer.user.id, viewer.org.id)).filter(
    (a) =>
      a.scenarioId === attempt.scenarioId &&
      a.scenarioVersion === attempt.scenarioVersion &&
      a.status === "completed" &&
      a.completedAt &&
      a.result,
  );
  const credited = creditedMinutes(
    sameVersion.map((a) => ({
      scenarioId: a.scenarioId,
      version: a.scenarioVersion,
      completedAt: a.completedAt!,
      passed: a.result!.passed,
      minutes: nominalMinutes,
    })),
  );
  return {
    creditedMinutes: credited[sameVersion.findIndex((a) => a.id === attempt.id)] ?? 0,
    nominalMinutes,
    secondsTaken: attempt.completedAt ? secondsTaken(attempt.startedAt, attempt.completedAt) : 0,
  };
}
