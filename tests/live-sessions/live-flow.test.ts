// Live role-play use cases on a real lowdb store (ADR 0054): creating and joining by code (same organisation only,
// nothing stored otherwise), starting the live attempt, the actor moving the script through the attempt engine
// (stale and illegal choices refused, nothing stored), the signalling relay's checks, and the event stream.
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { formatJoinCode, LIVE_LIMITS, SIGNAL_LIMITS } from "~/core/live";
import {
  advanceLiveScript,
  createLiveSessionFor,
  endLiveSession,
  joinByCode,
  liveSessionFor,
  openLiveEventStream,
  postLiveSignals,
  startLiveConsultation,
  sweepLiveSessions,
} from "~/services/live.server";
import { learningRecord } from "~/services/learning-record.server";
import { liveDebriefView } from "~/services/live/debrief.server";
import { liveRatingForm } from "~/services/live/forms";
import { saveLiveRating } from "~/services/live/ratings.server";
import type { LiveSession } from "~/storage/types";
import type { Viewer } from "~/utils/auth.server";
import { createHarness, type Harness } from "../access/harness";
import { liveCast } from "./live-cast";

process.env.SCENARIOS_DIR = path.resolve("tests/access/fixtures/scenarios");
const SCENARIO = "fixture-consultation";

const offer = (to: string, extra: Record<string, unknown> = {}) => ({
  type: "offer",
  connection: "learner-page-1",
  to,
  toConnection: "actor-page-1",
  sdp: "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n",
  ...extra,
});

type SseEvent = { id?: string; event?: string; data: string };

/** Reads a stream's server-sent events as they come; `until` waits (at most 5 s) for the events so far to satisfy it. */
function eventReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  let buffer = "";
  return {
    events,
    async until(done: (events: SseEvent[]) => boolean) {
      const deadline = Date.now() + 5000;
      while (!done(events) && Date.now() < deadline) {
        const chunk = await Promise.race([
          reader.read(),
          new Promise<{ done: false; value: undefined }>((resolve) =>
            setTimeout(() => resolve({ done: false, value: undefined }), 200),
          ),
        ]);
        if (chunk.value) buffer += decoder.decode(chunk.value, { stream: true });
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith(":")) continue;
          const fields = Object.fromEntries(
            block.split("\n").map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 2)]),
          );
          events.push({ id: fields.id, event: fields.event, data: fields.data ?? "" });
        }
        if (chunk.done) break;
      }
      return events;
    },
    stop: () => reader.cancel(),
  };
}

describe("live role-play services", () => {
  let harness: Harness;
  let learner: Viewer;
  let actor: Viewer;
  let observer: Viewer;
  let stranger: Viewer;
  let clock: Date;

  beforeAll(async () => {
    harness = await createHarness();
    harness.context.now = () => clock;
  });
  afterAll(async () => harness?.close());
  beforeEach(async () => {
    clock = new Date();
    ({ learner, actor, observer, stranger } = await liveCast(harness));
  });

  const read = async (session: LiveSession) => (await harness.store.getLiveSession(session.orgId, session.id))!;

  async function runningSession() {
    const session = (await createLiveSessionFor(harness.context, learner, SCENARIO))!;
    const joined = await joinByCode(harness.context, actor, formatJoinCode(session.code).toLowerCase(), {
      role: "actor",
    });
    expect(joined).toMatchObject({ ok: true });
    expect(await joinByCode(harness.context, observer, session.code, { role: "observer" })).toMatchObject({ ok: true });
    const started = await startLiveConsultation(harness.context, learner, await read(session));
    if (!started.ok) throw new Error(started.message);
    return started.session;
  }

  it("creates a lobby with the scenario's patient as the part to play, and admits only its organisation by code", async () => {
    const session = (await createLiveSessionFor(harness.context, learner, SCENARIO))!;
    expect(session).toMatchObject({ status: "lobby", learnerId: learner.user.id, parts: [{ id: "maria" }] });
    expect(await createLiveSessionFor(harness.context, learner, "no-such-scenario")).toBeNull();

    // Another organisation, an unknown code and a malformed one: the same null (a 404), and nothing stored.
    expect(await joinByCode(harness.context, stranger, session.code, { role: "observer" })).toBeNull();
    expect(await joinByCode(harness.context, actor, "ZZZZZZZZ", { role: "actor" })).toBeNull();
    expect(await joinByCode(harness.context, actor, "not a code", { role: "actor" })).toBeNull();
    expect(await read(session)).toEqual(session);
    expect(await liveSessionFor(harness.context, stranger, session.id)).toBeNull();
    expect(await liveSessionFor(harness.context, actor, session.id)).toBeNull();

    // A newcomer after the code stopped admitting people is refused; the session is unchanged.
    clock = new Date(Date.parse(session.joinUntil) + 1000);
    await harness.store.touchLiveParticipant(session.id, learner.user.id, clock.toISOString());
    const before = await read(session);
    const late = await joinByCode(harness.context, actor, session.code, { role: "actor" });
    expect(late).toMatchObject({ ok: false, code: "code-expired", status: 410 });
    expect((await read(session)).participants).toEqual(before.participants);
  });

  it("starts only when every part has an actor, creating the learner's live attempt in assessment mode", async () => {
    const session = (await createLiveSessionFor(harness.context, learner, SCENARIO))!;
    const early = await startLiveConsultation(harness.context, learner, session);
    expect(early).toMatchObject({ ok: false, code: "not-ready", status: 409 });
    expect(await harness.store.listAttemptsForUser(learner.user.id, learner.org.id)).not.toContainEqual(
      expect.objectContaining({ liveSessionId: session.id }),
    );
    await joinByCode(harness.context, actor, session.code, { role: "actor" });
    const byActor = await startLiveConsultation(harness.context, actor, await read(session));
    expect(byActor).toMatchObject({ ok: false, code: "wrong-role" });
    const started = await startLiveConsultation(harness.context, learner, await read(session));
    if (!started.ok) throw new Error(started.message);
    expect(started.session.status).toBe("running");
    const attempt = (await harness.store.getAttempt(started.session.attemptId!))!;
    expect(attempt).toMatchObject({
      mode: "assessment",
      liveSessionId: session.id,
      assignmentId: null,
      userId: learner.user.id,
    });
  });

  it("lets the actor move the script through the engine; stale, illegal and other roles' choices store nothing", async () => {
    const session = await runningSession();
    const attemptBefore = (await harness.store.getAttempt(session.attemptId!))!;
    const refusedObserver = await advanceLiveScript(harness.context, observer, await read(session), {
      choiceId: "warm",
      expectedStep: 0,
    });
    expect(refusedObserver).toMatchObject({ ok: false, code: "wrong-role", status: 403 });
    const stale = await advanceLiveScript(harness.context, actor, await read(session), {
      choiceId: "warm",
      expectedStep: 3,
    });
    expect(stale).toMatchObject({ ok: false, code: "stale", status: 409 });
    const illegal = await advanceLiveScript(harness.context, actor, await read(session), {
      choiceId: "summarise",
      expectedStep: 0,
    });
    expect(illegal).toMatchObject({ ok: false, code: "illegal-choice", status: 400 });
    expect(await harness.store.getAttempt(session.attemptId!)).toEqual(attemptBefore);
    expect((await read(session)).advances).toEqual([]);

    for (const [step, choiceId] of ["warm", "open-question", "reflect", "summarise"].entries()) {
      const moved = await advanceLiveScript(harness.context, actor, await read(session), {
        choiceId,
        expectedStep: step,
      });
      if (!moved.ok) throw new Error(moved.message);
    }
    const attempt = (await harness.store.getAttempt(session.attemptId!))!;
    expect(attempt.path).toEqual(["hello", "ask", "opens-up", "listen", "close-good"]);
    expect(attempt.status).toBe("completed");
    const advances = (await read(session)).advances;
    expect(advances.map((a) => [a.step, a.choiceId, a.by])).toEqual([
      [1, "warm", actor.user.id],
      [2, "open-question", actor.user.id],
      [3, "reflect", actor.user.id],
      [4, "summarise", actor.user.id],
    ]);
    // In the learner's learning record as live practice, linked to the session's shared debrief.
    const row = (await learningRecord(harness.context, learner)).find((r) => r.attemptId === attempt.id);
    expect(row).toMatchObject({ live: true, debriefHref: `/live/${session.id}/debrief` });
  });

  it("relays a valid batch stamped with the sender; refuses forged, oversized, misaddressed and flooding posts", async () => {
    const session = await runningSession();
    const last = () => harness.store.lastLiveSignal(session.id);
    const start = await last();
    const ok = await postLiveSignals(
      harness.context,
      learner,
      session,
      JSON.stringify({ messages: [offer(actor.user.id)] }),
    );
    expect(ok).toEqual({ ok: true, relayed: 1 });
    const [relayed] = await harness.store
      .listLiveSignals(session.id, start, actor.user.id, 10)
      .then((s) => s.filter((x) => x.from !== null));
    expect(relayed).toMatchObject({ from: learner.user.id, to: actor.user.id, message: { type: "offer" } });

    const count = await last();
    const refusals = [
      JSON.stringify({ messages: [offer(actor.user.id, { from: actor.user.id })] }),
      JSON.stringify({ messages: [{ type: "presence", participants: [] }] }),
      JSON.stringify({ messages: [offer(actor.user.id, { sdp: `v=0${"a".repeat(SIGNAL_LIMITS.sdpChars)}` })] }),
      JSON.stringify({ messages: [offer("someone-else")] }),
      "x".repeat(SIGNAL_LIMITS.batchBytes + 1),
      "{not json",
    ];
    for (const body of refusals) {
      const refused = await postLiveSignals(harness.context, learner, session, body);
      expect(refused).toMatchObject({ ok: false, status: 400 });
    }
    expect(await last()).toBe(count);

    const batch = JSON.stringify({ messages: Array.from({ length: 20 }, () => offer(actor.user.id)) });
    let outcome;
    for (let i = 0; i < 40; i++) {
      outcome = await postLiveSignals(harness.context, observer, session, batch);
      if (!outcome.ok) break;
    }
    expect(outcome).toMatchObject({ ok: false, status: 429 });
    expect(outcome && !outcome.ok && outcome.retryAfterSeconds).toBeGreaterThan(0);
    expect((await last()) - count).toBe(SIGNAL_LIMITS.messagesPerMinute);
  });

  it("streams the current state, then what is meant for the participant, resumes from Last-Event-ID, and closes at the end", async () => {
    const session = await runningSession();
    const controller = new AbortController();
    const request = new Request("http://localhost/x", { signal: controller.signal });
    const stream = openLiveEventStream(harness.context, actor, await read(session), request);
    expect(stream.headers.get("Content-Type")).toMatch(/^text\/event-stream/);
    await postLiveSignals(harness.context, learner, session, JSON.stringify({ messages: [offer(actor.user.id)] }));
    const first = eventReader(stream);
    await first.until((events) => events.some((e) => e.data.includes('"offer"')));
    const types = first.events.map((e) => (JSON.parse(e.data) as { message: { type: string } }).message.type);
    expect(types.slice(0, 3)).toEqual(["presence", "script", "session"]);
    const script = JSON.parse(first.events[1]!.data) as { message: { effects: unknown[]; nodeId: string } };
    // The fixture's first node freezes Maria's video: the actor's outgoing picture to the learner, really.
    expect(script.message).toMatchObject({
      nodeId: "hello",
      effects: [{ kind: "freeze-video", actorId: actor.user.id }],
    });
    const delivered = first.events.find((e) => e.data.includes('"offer"'))!;
    expect(JSON.parse(delivered.data)).toMatchObject({ from: learner.user.id, id: delivered.id });
    controller.abort();
    await first.stop();

    // A reconnect from just before the offer gets it again; one from before anything kept gets a resync.
    const again = openLiveEventStream(
      harness.context,
      actor,
      await read(session),
      new Request("http://localhost/x", { headers: { "Last-Event-ID": String(Number(delivered.id) - 1) } }),
    );
    const replay = eventReader(again);
    await replay.until((events) => events.some((e) => e.data.includes('"offer"')));
    expect(replay.events.some((e) => e.id === delivered.id && e.data.includes('"offer"'))).toBe(true);
    await replay.stop();
    await harness.store.pruneLiveSignals(new Date(Date.now() + 1000).toISOString());
    const resync = openLiveEventStream(
      harness.context,
      actor,
      await read(session),
      new Request("http://localhost/x?lastEventId=1"),
    );
    const fresh = eventReader(resync);
    await fresh.until((events) => events.length >= 1);
    expect(JSON.parse(fresh.events[0]!.data)).toMatchObject({ message: { type: "resync" } });

    // The learner ends the session: the stream says so and closes.
    const ended = await endLiveSession(harness.context, learner, await read(session));
    expect(ended).toMatchObject({ ok: true });
    // Stopped before an ending: the live attempt is abandoned, never left to be resumed as solo practice.
    expect((await harness.store.getAttempt(session.attemptId!))?.status).toBe("abandoned");
    const closing = await fresh.until((events) => events.some((e) => e.event === "closed"));
    expect(closing.find((e) => e.event === "closed")?.data).toMatch(/has ended/);

    // Someone who is not in the session gets no stream at all.
    const refused = openLiveEventStream(
      harness.context,
      stranger,
      await read(session),
      new Request("http://localhost/x"),
    );
    expect(refused.status).toBeGreaterThanOrEqual(400);
  });

  it("takes observers' ratings and notes and actors' patient views, and shows them all in one debrief", async () => {
    const session = await runningSession();
    for (const [step, choiceId] of ["warm", "open-question"].entries()) {
      await advanceLiveScript(harness.context, actor, await read(session), { choiceId, expectedStep: step });
    }
    const form = (fields: Record<string, string>) => liveRatingForm.parse(fields);
    // Only observers rate, only actors give the patient's view, and only for a part they played.
    expect(
      await saveLiveRating(harness.context, actor, await read(session), form({ intent: "note", text: "x" })),
    ).toMatchObject({
      ok: false,
      status: 403,
    });
    const wrongPart = form({ intent: "patient", castId: "someone-else", "answer-at-ease": "4" });
    expect(await saveLiveRating(harness.context, actor, await read(session), wrongPart)).toMatchObject({
      ok: false,
      status: 400,
    });
    // A rating for a competency the scenario does not assess, or an unfinished final rating, is refused.
    const incomplete = form({ intent: "rate", final: "on", "rating-rapport": "4" });
    expect(await saveLiveRating(harness.context, observer, await read(session), incomplete)).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(await harness.store.listLiveRatings(session.orgId, session.id)).toEqual([]);

    clock = new Date(clock.getTime() + 90_000);
    const noted = await saveLiveRating(
      harness.context,
      observer,
      await read(session),
      form({ intent: "note", text: "Good open question" }),
    );
    expect(noted).toMatchObject({
      ok: true,
      rating: { answers: { notes: [{ text: "Good open question", atMs: 90_000, nodeId: "opens-up" }] } },
    });
    const final = form({
      intent: "rate",
      final: "on",
      global: "4",
      "rating-rapport": "4",
      "rating-listening": "5",
      "rating-empathy": "3",
    });
    expect(await saveLiveRating(harness.context, observer, await read(session), final)).toMatchObject({
      ok: true,
      rating: { final: true },
    });
    const answers = Object.fromEntries(
      ["at-ease", "own-words", "heard", "worries", "clear", "plan"].map((id) => [`answer-${id}`, "4"]),
    );
    const patient = form({ intent: "patient", castId: "maria", ...answers, comment: "Slow down a little" });
    expect(await saveLiveRating(harness.context, actor, await read(session), patient)).toMatchObject({ ok: true });

    const view = await liveDebriefView(harness.context, learner, await read(session));
    if (!view.ok) throw new Error(view.message);
    expect(view.debrief?.decisions.map((d) => d.nodeId)).toEqual(["hello", "ask"]);
    expect(view.observers).toHaveLength(1);
    expect(view.observers[0]).toMatchObject({ final: true, global: "Good", notes: [{ text: "Good open question" }] });
    expect(view.observers[0]!.competencies.map((c) => c.rating)).toEqual([4, 5, 3]);
    expect(view.patients[0]).toMatchObject({ character: "Maria Lopez", comment: "Slow down a little" });
    expect(view.patients[0]!.answers.at(-1)).toMatchObject({ answer: "Did not apply" });
    expect(view.people.map((p) => p.role)).toEqual(["Clinician", "Patient actor", "Observer"]);
    // The stranger never gets as far as the debrief: the session is not theirs.
    expect(await liveSessionFor(harness.context, stranger, session.id)).toBeNull();
  });

  it("expires an abandoned session in the sweep, dated when it expired", async () => {
    const session = (await createLiveSessionFor(harness.context, learner, SCENARIO))!;
    clock = new Date(Date.parse(session.lastActivityAt) + LIVE_LIMITS.lobbyIdleMs + 60_000);
    expect(await sweepLiveSessions(harness.context)).toBeGreaterThanOrEqual(1);
    const expired = await read(session);
    expect(expired).toMatchObject({ status: "expired", endReason: "idle" });
    expect(await harness.store.findOpenLiveSessionByCode(session.code)).toBeNull();
  });
});
