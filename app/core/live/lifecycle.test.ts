import { describe, expect, it } from "vitest";
import { partsToPlay } from "./cast-parts";
import { leaveSession } from "./joining";
import { consultationMs, endSession, expiryOf, recordAdvance, settle, startConsultation } from "./lifecycle";
import { mayAdvanceScript, mayRate, mayReadDebrief, maySignal } from "./permissions";
import { presenceOf, touchParticipant } from "./presence";
import { LIVE_LIMITS, participantOf, type LiveSession } from "./session";
import { GROUP_PARTS, at, join, lobby, minutes, ok, refusal } from "./test-support";

function ready(): LiveSession {
  let session = ok(join(lobby(), "actor", "actor", 5));
  session = ok(join(session, "obs", "observer", 6));
  return session;
}

function running(): LiveSession {
  return ok(startConsultation(ready(), { userId: "learner", attemptId: "att-1", now: at(10) }));
}

describe("partsToPlay", () => {
  it("needs an actor for every patient, in cast order", () => {
    const cast = [
      { id: "hoa", name: "Mrs Hoa", role: "patient" as const },
      { id: "linh", name: "Linh", role: "interpreter" as const },
      { id: "bao", name: "Bao", role: "patient" as const },
    ];
    expect(partsToPlay(cast)).toEqual([
      { id: "hoa", name: "Mrs Hoa" },
      { id: "bao", name: "Bao" },
    ]);
  });

  it("needs one actor for the first non-clinician when nobody in the cast is a patient", () => {
    const cast = [
      { id: "gp", name: "Dr Shah", role: "clinician" as const },
      { id: "joy", name: "Joy", role: "carer" as const },
    ];
    expect(partsToPlay(cast)).toEqual([{ id: "joy", name: "Joy" }]);
  });
});

describe("starting the consultation", () => {
  it("is the learner's decision, once every part has a connected actor", () => {
    const session = running();
    expect(session).toMatchObject({ status: "running", attemptId: "att-1", startedAt: at(10), lastActivityAt: at(10) });
  });

  it("is refused to anyone but the learner", () => {
    expect(refusal(startConsultation(ready(), { userId: "actor", attemptId: "a", now: at(10) }))).toMatchObject({
      code: "wrong-role",
      message: "Only the clinician can start the consultation.",
    });
  });

  it("waits for an actor for every part, naming the parts still missing", () => {
    let session = ok(join(lobby(GROUP_PARTS), "a1", "actor", 1, { plays: ["pauline"] }));
    expect(refusal(startConsultation(session, { userId: "learner", attemptId: "a", now: at(2) }))).toMatchObject({
      code: "not-ready",
      message: "Waiting for an actor to play Tomasz, Priya. Share the join code.",
    });
    session = ok(join(session, "a2", "actor", 3));
    expect(ok(startConsultation(session, { userId: "learner", attemptId: "a", now: at(4) })).status).toBe("running");
  });

  it("waits while an actor is reconnecting, and while the learner is", () => {
    const session = ready();
    const later = LIVE_LIMITS.presenceTimeoutMs / 1000 + 10;
    const learnerOnly = touchParticipant(session, "learner", at(later));
    expect(presenceOf(participantOf(learnerOnly, "actor")!, at(later))).toBe("away");
    expect(
      refusal(startConsultation(learnerOnly, { userId: "learner", attemptId: "a", now: at(later) })),
    ).toMatchObject({ code: "not-ready", message: expect.stringMatching(/actor playing Maria is reconnecting/) });
    const actorOnly = touchParticipant(session, "actor", at(later));
    expect(refusal(startConsultation(actorOnly, { userId: "learner", attemptId: "a", now: at(later) })).code).toBe(
      "not-ready",
    );
  });

  it("happens once", () => {
    expect(refusal(startConsultation(running(), { userId: "learner", attemptId: "b", now: at(11) })).code).toBe(
      "not-running",
    );
  });
});

describe("recording the actor's steps", () => {
  it("keeps who recorded each step, once per step, in step order", () => {
    const first = { step: 1, nodeId: "hello", choiceId: "warm", by: "actor", at: at(30) };
    let session = recordAdvance(running(), first);
    session = recordAdvance(session, first);
    session = recordAdvance(session, { ...first, step: 2, nodeId: "listen", choiceId: "open-question", at: at(60) });
    expect(session.advances.map((a) => [a.step, a.choiceId])).toEqual([
      [1, "warm"],
      [2, "open-question"],
    ]);
    expect(session.lastActivityAt).toBe(at(60));
  });
});

describe("ending", () => {
  it("is the learner's, from the lobby or the consultation", () => {
    expect(ok(endSession(ready(), { userId: "learner", now: at(7) }))).toMatchObject({
      status: "ended",
      endReason: "ended",
      endedAt: at(7),
    });
    expect(refusal(endSession(running(), { userId: "obs", now: at(20) })).code).toBe("wrong-role");
    const ended = ok(endSession(running(), { userId: "learner", now: at(70) }));
    expect(consultationMs(ended, at(5000))).toBe(60_000);
    expect(refusal(endSession(ended, { userId: "learner", now: at(80) })).code).toBe("closed");
  });
});

describe("expiry of abandoned sessions", () => {
  it("expires a lobby nobody is connected to, dated when it expired", () => {
    const session = lobby();
    const expiresAt = at(LIVE_LIMITS.lobbyIdleMs / 1000);
    expect(expiryOf(session)).toEqual({ at: expiresAt, reason: "idle" });
    expect(settle(session, at(LIVE_LIMITS.lobbyIdleMs / 1000 - 1)).status).toBe("lobby");
    expect(settle(session, at(minutes(90)))).toMatchObject({
      status: "expired",
      endReason: "idle",
      endedAt: expiresAt,
    });
  });

  it("keeps a session open while anyone's page refreshes their presence", () => {
    let session = running();
    for (let s = 20; s <= minutes(60); s += 10) session = touchParticipant(session, "actor", at(s));
    expect(settle(session, at(minutes(60) + 5)).status).toBe("running");
    // Then everybody goes: the running idle time applies.
    expect(settle(session, at(minutes(60) + LIVE_LIMITS.runningIdleMs / 1000 + 1))).toMatchObject({
      status: "expired",
      endReason: "idle",
    });
  });

  it("expires any open session at the absolute time limit", () => {
    let session = running();
    const limit = LIVE_LIMITS.maxSessionMs / 1000;
    for (let s = 20; s <= limit + 60; s += 30) session = touchParticipant(session, "learner", at(s));
    expect(settle(session, at(limit + 60))).toMatchObject({
      status: "expired",
      endReason: "time-limit",
      endedAt: at(limit),
    });
  });

  it("refuses every change to an expired session with a message that says what to do", () => {
    const stale = at(minutes(200));
    for (const result of [
      join(ready(), "o2", "observer", minutes(200)),
      startConsultation(ready(), { userId: "learner", attemptId: "a", now: stale }),
      endSession(ready(), { userId: "learner", now: stale }),
    ]) {
      expect(refusal(result)).toMatchObject({
        code: "closed",
        message: expect.stringMatching(/expired.*Start a new one/),
      });
    }
    expect(ok(leaveSession(ready(), { userId: "obs", now: stale })).status).toBe("expired");
  });

  it("does not expire sessions that have already stopped", () => {
    const ended = ok(endSession(ready(), { userId: "learner", now: at(8) }));
    expect(settle(ended, at(minutes(1000)))).toBe(ended);
  });
});

describe("who may do what once in", () => {
  it("lets only a present actor move the script on, and only while running", () => {
    const session = running();
    expect(mayAdvanceScript(session, "actor", at(20))).toEqual({ ok: true });
    expect(refusal(mayAdvanceScript(session, "learner", at(20)))).toMatchObject({
      code: "wrong-role",
      message: "Only the patient actor records which response was closest.",
    });
    expect(refusal(mayAdvanceScript(session, "obs", at(20))).code).toBe("wrong-role");
    expect(refusal(mayAdvanceScript(session, "stranger", at(20))).code).toBe("not-participant");
    expect(refusal(mayAdvanceScript(ready(), "actor", at(20))).code).toBe("not-running");
    const gone = ok(leaveSession(session, { userId: "actor", now: at(30) }));
    expect(refusal(mayAdvanceScript(gone, "actor", at(31))).code).toBe("not-participant");
    const ended = ok(endSession(session, { userId: "learner", now: at(40) }));
    expect(refusal(mayAdvanceScript(ended, "actor", at(41))).code).toBe("closed");
  });

  it("lets present participants signal in the lobby and the consultation, nobody else", () => {
    expect(maySignal(ready(), "obs", at(7))).toEqual({ ok: true });
    expect(maySignal(running(), "learner", at(20))).toEqual({ ok: true });
    expect(refusal(maySignal(running(), "stranger", at(20))).code).toBe("not-participant");
    const ended = ok(endSession(running(), { userId: "learner", now: at(40) }));
    expect(refusal(maySignal(ended, "actor", at(41))).code).toBe("closed");
  });

  it("opens ratings at the start and closes them a day after the end", () => {
    expect(refusal(mayRate(ready(), "obs", { kind: "observer" }, at(7))).code).toBe("not-running");
    const session = running();
    expect(mayRate(session, "obs", { kind: "observer" }, at(20))).toEqual({ ok: true });
    expect(mayRate(session, "actor", { kind: "patient", castId: "maria" }, at(20))).toEqual({ ok: true });
    expect(refusal(mayRate(session, "actor", { kind: "patient", castId: "olu" }, at(20))).code).toBe("unknown-part");
    expect(refusal(mayRate(session, "actor", { kind: "observer" }, at(20))).code).toBe("wrong-role");
    expect(refusal(mayRate(session, "learner", { kind: "observer" }, at(20))).code).toBe("wrong-role");
    expect(refusal(mayRate(session, "obs", { kind: "patient", castId: "maria" }, at(20))).code).toBe("wrong-role");
    const ended = ok(endSession(session, { userId: "learner", now: at(100) }));
    const day = LIVE_LIMITS.ratingWindowMs / 1000;
    expect(mayRate(ended, "obs", { kind: "observer" }, at(100 + day))).toEqual({ ok: true });
    expect(refusal(mayRate(ended, "obs", { kind: "observer" }, at(101 + day))).code).toBe("rating-closed");
  });

  it("shows the debrief to everyone who took part in a consultation that started, even if they left", () => {
    const session = ok(leaveSession(running(), { userId: "obs", now: at(30) }));
    for (const id of ["learner", "actor", "obs"]) expect(mayReadDebrief(session, id)).toEqual({ ok: true });
    expect(refusal(mayReadDebrief(session, "stranger")).code).toBe("not-participant");
    expect(refusal(mayReadDebrief(ready(), "learner")).code).toBe("not-running");
  });
});
