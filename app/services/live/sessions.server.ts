// Live role-play sessions as use cases (ADR 0054): create from a scenario, join by code, choose parts, start, leave,
// end, and the expiry sweep. Every one reads the session through `settle`, applies a pure rule from app/core/live,
// saves against the revision it read (retrying on a conflict with a fresh read), then tells the streams.
import { randomBytes, randomUUID } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import {
  LIVE_LIMITS,
  chooseParts,
  chooseSpeakingAs,
  createLiveSession,
  endSession,
  generateJoinCode,
  joinSession,
  leaveSession,
  normaliseJoinCode,
  partsToPlay,
  participantOf,
  recordCallCheck,
  settle,
  startConsultation,
  type LiveRefusal,
  type LiveResult,
  type LiveRole,
  type LiveSession,
} from "~/core/live";
import { ConflictError, UniqueViolationError } from "~/storage/errors";
import { abandonAttempt, startAttempt } from "~/services/attempts.server";
import { audit } from "~/services/audit.server";
import { getScenario } from "~/services/catalogue.server";
import type { Viewer } from "~/utils/auth.server";
import { publishSessionChange } from "./broadcast.server";

export type LiveOutcome = { ok: true; session: LiveSession } | (LiveRefusal & { status: number });

/** Refusal code -> HTTP status: a wrong organisation or a stranger is a 404, so nothing about the session leaks. */
const STATUS: Record<LiveRefusal["code"], number> = {
  closed: 410,
  "wrong-organisation": 404,
  "code-expired": 410,
  "not-participant": 404,
  "role-taken": 409,
  "role-change": 409,
  full: 409,
  "observers-full": 409,
  "no-part-left": 409,
  "part-taken": 409,
  "unknown-part": 400,
  "wrong-role": 403,
  "not-running": 409,
  "not-ready": 409,
  "rating-closed": 410,
};

export function withStatus(refusal: LiveRefusal): LiveRefusal & { status: number } {
  return { ...refusal, status: STATUS[refusal.code] };
}

const nowOf = (context: AppLoadContext) => context.now().toISOString();

/** How often a change is recomputed on a fresh read after another request saved the session first. */
const SAVE_TRIES = 4;

/**
 * Applies `change` to the session as it stands (settled) and saves it against the revision it read. Presence
 * refreshes do not change the revision, so only a real change by someone else makes this read again.
 */
export async function changeLiveSession(
  context: AppLoadContext,
  session: LiveSession,
  change: (current: LiveSession, now: string) => LiveResult,
): Promise<LiveOutcome> {
  let current = session;
  for (let attempt = 1; ; attempt++) {
    const now = nowOf(context);
    const result = change(settle(current, now), now);
    if (!result.ok) return withStatus(result);
    try {
      const saved = await context.store.saveLiveSession(current.orgId, current.id, current.revision, result.session);
      await closeLiveAttempt(context, saved);
      await publishSessionChange(context, current, saved);
      return { ok: true, session: saved };
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= SAVE_TRIES) throw error;
      const fresh = await context.store.getLiveSession(current.orgId, current.id);
      if (!fresh) throw error;
      current = fresh;
    }
  }
}

/**
 * A session that stopped before the script reached an ending leaves its attempt abandoned, so it is never resumed as
 * solo practice from My learning (its choices were an actor's, and only an actor may continue them).
 */
async function closeLiveAttempt(context: AppLoadContext, session: LiveSession): Promise<void> {
  if (session.attemptId === null || session.status === "lobby" || session.status === "running") return;
  const attempt = await context.store.getAttempt(session.attemptId);
  if (attempt?.status === "in-progress") await abandonAttempt(context, attempt);
}

/** The session as it stands now, only for the viewer's organisation and only if they take part in it. */
export async function liveSessionFor(
  context: AppLoadContext,
  viewer: Viewer,
  sessionId: string | undefined,
): Promise<LiveSession | null> {
  const stored = sessionId ? await context.store.getLiveSession(viewer.org.id, sessionId) : null;
  if (!stored || !participantOf(stored, viewer.user.id)) return null;
  return settle(stored, nowOf(context));
}

/**
 * "Practise live with colleagues": the viewer becomes the learner of a new session on the scenario's current version.
 * Null when the scenario is not playable in the viewer's organisation.
 */
export async function createLiveSessionFor(
  context: AppLoadContext,
  viewer: Viewer,
  scenarioId: string,
): Promise<LiveSession | null> {
  const scenario = await getScenario(context, viewer.org.id, scenarioId);
  if (!scenario) return null;
  for (let tries = 1; ; tries++) {
    const session = createLiveSession({
      id: randomUUID(),
      orgId: viewer.org.id,
      code: generateJoinCode((n) => randomBytes(n)),
      scenarioId: scenario.id,
      scenarioVersion: scenario.version,
      parts: partsToPlay(scenario.cast),
      learner: { userId: viewer.user.id, name: viewer.user.name },
      now: nowOf(context),
    });
    try {
      const created = await context.store.createLiveSession(session);
      await audit(context, {
        type: "live.create",
        orgId: viewer.org.id,
        actorId: viewer.user.id,
        detail: { sessionId: created.id, scenarioId: scenario.id, version: scenario.version },
      });
      return created;
    } catch (error) {
      // 32^8 codes: a clash among open sessions is rare, and a fresh code settles it.
      if (!(error instanceof UniqueViolationError) || error.field !== "code" || tries >= 5) throw error;
    }
  }
}

/**
 * The open session a code names, for a member of its organisation; null for an unknown, closed or malformed code and
 * for another organisation's session alike, so a stranger learns nothing (not even that it ended).
 */
export async function sessionForCode(
  context: AppLoadContext,
  viewer: Viewer,
  rawCode: string,
): Promise<LiveSession | null> {
  const reading = normaliseJoinCode(rawCode);
  if (!reading.ok) return null;
  const found = await context.store.findOpenLiveSessionByCode(reading.code);
  if (!found || found.orgId !== viewer.org.id) return null;
  return found;
}

export interface JoinChoice {
  role: LiveRole;
  plays?: string[];
}

/** Joins (or rejoins) by code. Null (a 404) when the code does not lead to an open session of the viewer's organisation. */
export async function joinByCode(
  context: AppLoadContext,
  viewer: Viewer,
  rawCode: string,
  choice: JoinChoice,
): Promise<LiveOutcome | null> {
  const session = await sessionForCode(context, viewer, rawCode);
  if (!session) return null;
  const outcome = await changeLiveSession(context, session, (current, now) =>
    joinSession(current, {
      userId: viewer.user.id,
      orgId: viewer.org.id,
      name: viewer.user.name,
      role: choice.role,
      plays: choice.plays,
      now,
    }),
  );
  if (outcome.ok) {
    await audit(context, {
      type: "live.join",
      orgId: viewer.org.id,
      actorId: viewer.user.id,
      detail: { sessionId: session.id, role: choice.role },
    });
  }
  return outcome;
}

export async function chooseLiveParts(
  context: AppLoadContext,
  viewer: Viewer,
  session: LiveSession,
  plays: string[],
): Promise<LiveOutcome> {
  return changeLiveSession(context, session, (current, now) =>
    chooseParts(current, { userId: viewer.user.id, plays, now }),
  );
}

/**
 * A change a page sends again and again with the same value (a camera check verdict, a "Speaking as" switch): checked
 * and applied once on the session as read, and saved (with a message to the others) only when it changes something.
 */
async function changeUnlessSame(
  context: AppLoadContext,
  session: LiveSession,
  change: (current: LiveSession, now: string) => LiveResult,
): Promise<LiveOutcome> {
  const first = change(session, nowOf(context));
  if (!first.ok) return withStatus(first);
  if (first.session === session) return { ok: true, session };
  return changeLiveSession(context, session, change);
}

/** Stores the person's camera check verdict for the others' list of who is in; an unchanged verdict is not saved. */
export async function recordLiveCallCheck(
  context: AppLoadContext,
  viewer: Viewer,
  session: LiveSession,
  check: { ready: boolean; toFix: number },
): Promise<LiveOutcome> {
  return changeUnlessSame(context, session, (current, now) =>
    recordCallCheck(current, { userId: viewer.user.id, ...check, now }),
  );
}

/** Stores an actor's "Speaking as" switch, so the others' captions follow it; an unchanged one is not saved. */
export async function chooseLiveSpeakingAs(
  context: AppLoadContext,
  viewer: Viewer,
  session: LiveSession,
  choice: { castId: string; step: number },
): Promise<LiveOutcome> {
  return changeUnlessSame(context, session, (current, now) =>
    chooseSpeakingAs(current, { userId: viewer.user.id, ...choice, now }),
  );
}

export async function leaveLiveSession(
  context: AppLoadContext,
  viewer: Viewer,
  session: LiveSession,
): Promise<LiveOutcome> {
  return changeLiveSession(context, session, (current, now) => leaveSession(current, { userId: viewer.user.id, now }));
}

export async function endLiveSession(
  context: AppLoadContext,
  viewer: Viewer,
  session: LiveSession,
): Promise<LiveOutcome> {
  return changeLiveSession(context, session, (current, now) => endSession(current, { userId: viewer.user.id, now }));
}

/**
 * The learner starts the consultation: the rule is checked first (so a refused start creates no attempt), then the
 * learner's attempt is created (assessment mode: they see no written responses), then the session saved with it.
 */
export async function startLiveConsultation(
  context: AppLoadContext,
  viewer: Viewer,
  session: LiveSession,
): Promise<LiveOutcome> {
  const check = startConsultation(settle(session, nowOf(context)), {
    userId: viewer.user.id,
    attemptId: "pending",
    now: nowOf(context),
  });
  if (!check.ok) return withStatus(check);
  const scenario = await getScenario(context, session.orgId, session.scenarioId, session.scenarioVersion);
  if (!scenario) throw new Response("This scenario version is no longer available.", { status: 410 });
  const attempt = await startAttempt(context, viewer, scenario, {
    mode: "assessment",
    confidenceBefore: null,
    // A live attempt never completes an assignment: its choices are an actor's reading of free speech.
    assignmentId: null,
    liveSessionId: session.id,
  });
  const outcome = await changeLiveSession(context, session, (current, now) =>
    startConsultation(current, { userId: viewer.user.id, attemptId: attempt.id, now }),
  );
  if (!outcome.ok) {
    // Someone else's change in between made the start impossible after all: the attempt is not left in progress.
    await abandonAttempt(context, attempt);
  }
  return outcome;
}

/**
 * Saves the expiry of open sessions nobody looks at any more (services settle sessions they read anyway), so lists
 * and the dashboard are right. Returns how many were closed.
 */
export async function sweepLiveSessions(context: AppLoadContext, limit = 100): Promise<number> {
  const now = context.now();
  const stale = await context.store.listStaleLiveSessions(
    {
      activity: new Date(now.getTime() - LIVE_LIMITS.runningIdleMs).toISOString(),
      created: new Date(now.getTime() - LIVE_LIMITS.maxSessionMs).toISOString(),
    },
    limit,
  );
  let closed = 0;
  for (const session of stale) {
    const settled = settle(session, now.toISOString());
    if (settled.status === session.status) continue;
    try {
      await context.store.saveLiveSession(session.orgId, session.id, session.revision, settled);
      await closeLiveAttempt(context, settled);
      await publishSessionChange(context, session, settled);
      closed += 1;
    } catch (error) {
      // Somebody changed it meanwhile, so it is not abandoned after all; the next sweep looks again.
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return closed;
}
