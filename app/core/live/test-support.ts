// Test-only helpers for live sessions: a clock in seconds from a fixed start, and sessions built step by step.
import { joinSession, type JoinRequest } from "./joining";
import type { LiveResult } from "./refusal";
import { createLiveSession, type LivePart, type LiveSession } from "./session";

export const T0 = Date.parse("2026-12-10T09:00:00.000Z");
/** The instant `seconds` after T0, as an ISO string. */
export const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();
export const minutes = (n: number) => n * 60;

export const ORG = "org-1";
export const GROUP_PARTS: LivePart[] = [
  { id: "pauline", name: "Pauline" },
  { id: "tomasz", name: "Tomasz" },
  { id: "priya", name: "Priya" },
];

export function lobby(parts: LivePart[] = [{ id: "maria", name: "Maria" }]): LiveSession {
  return createLiveSession({
    id: "live-1",
    orgId: ORG,
    code: "7K4MQ2XD",
    scenarioId: "valid-consultation",
    scenarioVersion: 1,
    parts,
    learner: { userId: "learner", name: "Dr Lee" },
    now: at(0),
  });
}

export function ok(result: LiveResult): LiveSession {
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message}`);
  return result.session;
}

export function refusal(result: { ok: boolean; code?: string; message?: string }) {
  if (result.ok) throw new Error("expected a refusal");
  return { code: result.code, message: result.message };
}

export function join(
  session: LiveSession,
  userId: string,
  role: JoinRequest["role"],
  seconds: number,
  extra: Partial<JoinRequest> = {},
): LiveResult {
  return joinSession(session, { userId, orgId: ORG, name: userId, role, now: at(seconds), ...extra });
}
