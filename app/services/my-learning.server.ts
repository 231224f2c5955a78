// My learning: every attempt a person has made in their current organisation, newest first, with its scenario's title.
import type { AppLoadContext } from "@remix-run/node";
import type { AttemptMode, AttemptStatus } from "~/storage/types";
import type { Viewer } from "~/utils/auth.server";
import { listScenarios } from "~/services/catalogue.server";

export interface MyAttemptRow {
  id: string;
  title: string;
  version: number;
  status: AttemptStatus;
  mode: AttemptMode;
  startedAt: string;
  completedAt: string | null;
  overall: number | null;
  passed: boolean | null;
}

export async function myAttempts(context: AppLoadContext, viewer: Viewer): Promise<MyAttemptRow[]> {
  const [attempts, entries] = await Promise.all([
    context.store.listAttemptsForUser(viewer.user.id, viewer.org.id),
    listScenarios(context, viewer.org.id),
  ]);
  const titles = new Map(entries.map((e) => [e.scenario.id, e.scenario.title]));
  return attempts
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .map((a) => ({
      id: a.id,
      title: titles.get(a.scenarioId) ?? a.scenarioId,
      version: a.scenarioVersion,
      status: a.status,
      mode: a.mode,
      startedAt: a.startedAt,
      completedAt: a.completedAt,
      overall: a.result?.overall ?? null,
      passed: a.result?.passed ?? null,
    }));
}
