// What a live session's page shows the viewer: the lobby (who is in, roles, parts, whether the learner may start) and
// the screen for their role. The actor sees the current node's lines and the written responses to record against;
// the learner sees no written responses (they speak freely); the observer sees the node and the rating form's anchors.
import type { AppLoadContext } from "@remix-run/node";
import {
  COMPETENCY_ANCHORS,
  callCheckText,
  formatJoinCode,
  freeParts,
  participantOf,
  presenceOf,
  speakingAsAt,
  startConsultation,
  switchedPart,
  type LiveRole,
  type LiveSession,
} from "~/core/live";
import { COMPETENCY_INFO, type Competency } from "~/core/competencies";
import { viewOf } from "~/core/scenario";
import type { StepTime } from "~/core/speech/live-turn-spans";
import { getScenario } from "~/services/catalogue.server";
import type { Viewer } from "~/utils/auth.server";

export interface LiveScript {
  step: number;
  nodeId: string;
  title: string | null;
  /** The speaker's name, and their cast id ("narrator" for the narrator) so an actor's own parts can be marked. */
  lines: Array<{ speaker: string; speakerId: string; text: string }>;
  events: Array<{ kind: string; text: string }>;
  /** The written responses, for the actor only. */
  choices: Array<{ id: string; text: string }>;
  finished: boolean;
  /**
   * When the actor moved the script to each step (server clock, epoch ms), for the learner's page: it learns of steps
   * when it reloads its data, and a step it never showed still gets its own spoken turn. Empty for the others.
   */
  stepTimes: StepTime[];
}

export async function liveSessionView(context: AppLoadContext, viewer: Viewer, session: LiveSession) {
  const now = context.now().toISOString();
  const me = participantOf(session, viewer.user.id)!;
  const scenario = await getScenario(context, session.orgId, session.scenarioId, session.scenarioVersion);
  if (!scenario) throw new Response("This scenario version is no longer available.", { status: 410 });
  const names = new Map(scenario.cast.map((c) => [c.id, c.name]));
  const speaker = (id: string) => (id === "narrator" ? "Narrator" : (names.get(id) ?? id));

  let script: LiveScript | null = null;
  // The learner's presence figures saved so far: a reloaded page carries on from them instead of starting again.
  let savedPresence: unknown = null;
  if (session.attemptId !== null) {
    const attempt = await context.store.getAttempt(session.attemptId);
    if (attempt) {
      if (me.role === "learner") savedPresence = attempt.presence ?? null;
      const view = viewOf(scenario, attempt.snapshot);
      script = {
        step: attempt.path.length - 1,
        nodeId: view.nodeId,
        title: view.title,
        lines: view.lines.map((l) => ({ speaker: speaker(l.speaker), speakerId: l.speaker, text: l.text })),
        events: view.events.map((e) => ({ kind: e.kind, text: e.text })),
        choices: me.role === "actor" ? view.choices : [],
        finished: view.finished,
        stepTimes:
          me.role === "learner"
            ? session.advances.map((a) => ({ step: a.step, nodeId: a.nodeId, atMs: Date.parse(a.at) }))
            : [],
      };
    }
  }
  const startCheck = startConsultation(session, { userId: viewer.user.id, attemptId: "check", now });
  const role: LiveRole = me.role;
  return {
    session: {
      id: session.id,
      code: formatJoinCode(session.code),
      status: session.status,
      startedAt: session.startedAt,
      joinUntil: session.joinUntil,
      // The learner's page posts their presence figures to their own attempt (the presence endpoint checks the owner).
      attemptId: me.role === "learner" ? session.attemptId : null,
    },
    scenario: { id: scenario.id, title: scenario.title },
    me: {
      id: me.userId,
      role,
      plays: me.plays,
      // The part this actor switched to at the current step, so a reloaded page keeps it.
      switchedTo: script ? switchedPart(me, script.step) : null,
    },
    parts: session.parts,
    freeParts: freeParts(session, now, viewer.user.id).map((p) => p.id),
    participants: session.participants.map((p) => ({
      id: p.userId,
      name: p.name,
      role: p.role,
      check: callCheckText(p),
      plays: p.plays.map((id) => names.get(id) ?? id),
      // Whose voice an actor of several patients is now, by the script or their own switch (the others' captions).
      speakingAs:
        p.role === "actor" && p.plays.length > 1 && script
          ? (names.get(
              speakingAsAt(
                p,
                script.lines.map((l) => l.speakerId),
                script.step,
              ) ?? "",
            ) ?? null)
          : null,
      state: presenceOf(p, now),
    })),
    canStart: role === "learner" && session.status === "lobby" ? startCheck : null,
    characters:
      role === "actor"
        ? scenario.cast
            .filter((c) => me.plays.includes(c.id))
            .map((c) => ({ id: c.id, name: c.name, role: c.role, bio: c.bio }))
        : [],
    script,
    savedPresence,
    competencies:
      role === "observer"
        ? scenario.competencies.map((c: Competency) => ({
            id: c,
            label: COMPETENCY_INFO[c].label,
            anchors: COMPETENCY_ANCHORS[c],
          }))
        : [],
    // ICE_SERVERS, checked at start; none means host candidates only (enough on one machine or a LAN).
    iceServers: context.config.iceServers ?? [],
  };
}
