import { describe, expect, it } from "vitest";
import { voices } from "./cast-parts";
import { chooseParts, leaveSession } from "./joining";
import { presenceOf, touchParticipant } from "./presence";
import { LIVE_LIMITS, participantOf } from "./session";
import { GROUP_PARTS, at, join, lobby, ok, refusal } from "./test-support";

describe("joining a live session", () => {
  it("admits an actor, who takes every part nobody plays, and observers", () => {
    let session = ok(join(lobby(), "actor", "actor", 10));
    session = ok(join(session, "obs", "observer", 20));
    expect(participantOf(session, "actor")).toMatchObject({ role: "actor", plays: ["maria"], leftAt: null });
    expect(participantOf(session, "obs")).toMatchObject({ role: "observer", plays: [] });
    expect(session.lastActivityAt).toBe(at(20));
    expect(session.revision).toBe(0);
  });

  it("refuses a member of another organisation before saying anything about the session", () => {
    const ended = { ...lobby(), status: "ended" as const };
    expect(refusal(join(ended, "x", "observer", 10, { orgId: "org-2" })).code).toBe("wrong-organisation");
  });

  it("keeps the learner role for the session's creator only", () => {
    expect(refusal(join(lobby(), "someone", "learner", 10))).toMatchObject({ code: "role-taken" });
    expect(refusal(join(lobby(), "learner", "observer", 10))).toMatchObject({ code: "role-change" });
    // The creator coming back after a reload is a rejoin, not a second learner.
    const back = ok(join(lobby(), "learner", "learner", 60));
    expect(back.participants).toHaveLength(1);
    expect(participantOf(back, "learner")?.lastSeenAt).toBe(at(60));
  });

  it("admits at most two observers", () => {
    let session = ok(join(lobby(), "o1", "observer", 1));
    session = ok(join(session, "o2", "observer", 2));
    expect(refusal(join(session, "o3", "observer", 3))).toMatchObject({
      code: "observers-full",
      message: expect.stringMatching(/already has 2 observers/),
    });
  });

  it("gives each actor at least one part, so a group scenario has at most three actors", () => {
    let session = lobby(GROUP_PARTS);
    session = ok(join(session, "a1", "actor", 1, { plays: ["priya", "pauline"] }));
    // Kept in cast order, whatever order they were ticked in.
    expect(participantOf(session, "a1")?.plays).toEqual(["pauline", "priya"]);
    session = ok(join(session, "a2", "actor", 2));
    expect(participantOf(session, "a2")?.plays).toEqual(["tomasz"]);
    expect(refusal(join(session, "a3", "actor", 3))).toMatchObject({ code: "no-part-left" });
    expect(refusal(join(session, "a3", "actor", 3, { plays: ["tomasz"] }))).toMatchObject({
      code: "part-taken",
      message: "a2 already plays Tomasz. Choose another part.",
    });
    expect(refusal(join(session, "a3", "actor", 3, { plays: ["winston"] }))).toMatchObject({
      code: "unknown-part",
      message: expect.stringMatching(/The parts are: Pauline, Tomasz, Priya/),
    });
  });

  it("holds five places at most, the learner's always among them", () => {
    let session = lobby(GROUP_PARTS);
    for (const [i, part] of ["pauline", "tomasz", "priya"].entries()) {
      session = ok(join(session, `a${i}`, "actor", i + 1, { plays: [part] }));
    }
    session = ok(join(session, "o1", "observer", 5));
    expect(refusal(join(session, "o2", "observer", 6))).toMatchObject({ code: "full" });
    expect(session.participants).toHaveLength(LIVE_LIMITS.participants);
  });

  it("frees the place of someone away longer than the seat is held, and lets them back if there is room", () => {
    let session = lobby(GROUP_PARTS);
    session = ok(join(session, "a1", "actor", 0, { plays: ["pauline"] }));
    session = ok(join(session, "a2", "actor", 0, { plays: ["tomasz"] }));
    session = ok(join(session, "a3", "actor", 0, { plays: ["priya"] }));
    session = ok(join(session, "o1", "observer", 0));
    const lapsed = LIVE_LIMITS.seatHoldMs / 1000 + 1;
    // Everyone but o1 and the learner keeps refreshing; o1's page went away.
    for (const id of ["learner", "a1", "a2", "a3"]) session = touchParticipant(session, id, at(lapsed));
    session = ok(join(session, "o2", "observer", lapsed));
    expect(refusal(join(session, "o1", "observer", lapsed + 1))).toMatchObject({ code: "full" });
    session = ok(leaveSession(session, { userId: "o2", now: at(lapsed + 2) }));
    expect(participantOf(ok(join(session, "o1", "observer", lapsed + 3)), "o1")?.leftAt).toBeNull();
  });

  it("keeps the learner's place however long they are away", () => {
    let session = lobby(GROUP_PARTS);
    const lapsed = LIVE_LIMITS.seatHoldMs / 1000 + 1;
    for (const [i, part] of ["pauline", "tomasz", "priya"].entries()) {
      session = ok(join(session, `a${i}`, "actor", lapsed, { plays: [part] }));
    }
    session = ok(join(session, "o1", "observer", lapsed));
    expect(refusal(join(session, "o2", "observer", lapsed + 1)).code).toBe("full");
  });

  it("lets an actor come back after a reload with the same parts", () => {
    let session = lobby(GROUP_PARTS);
    session = ok(join(session, "a1", "actor", 0, { plays: ["pauline", "priya"] }));
    session = ok(join(session, "a1", "actor", 40));
    expect(participantOf(session, "a1")).toMatchObject({ plays: ["pauline", "priya"], lastSeenAt: at(40) });
  });

  it("gives a returning actor whatever of their old parts is still free", () => {
    let session = lobby(GROUP_PARTS);
    session = ok(join(session, "a1", "actor", 0, { plays: ["pauline", "priya"] }));
    session = ok(join(session, "a2", "actor", 0, { plays: ["tomasz"] }));
    session = ok(leaveSession(session, { userId: "a1", now: at(10) }));
    session = ok(chooseParts(session, { userId: "a2", plays: ["tomasz", "priya"], now: at(20) }));
    session = ok(join(session, "a1", "actor", 30));
    expect(participantOf(session, "a1")?.plays).toEqual(["pauline"]);
  });

  it("lets people switch between actor and observer in the lobby, but fixes roles once running", () => {
    let session = ok(join(lobby(), "p", "actor", 1));
    session = ok(join(session, "p", "observer", 2));
    expect(participantOf(session, "p")).toMatchObject({ role: "observer", plays: [] });
    session = ok(join(session, "a", "actor", 3));
    const running = { ...session, status: "running" as const, startedAt: at(4), attemptId: "att" };
    expect(refusal(join(running, "p", "actor", 5))).toMatchObject({
      code: "role-change",
      message: expect.stringMatching(/joined as observer/),
    });
  });

  it("stops admitting newcomers when the join code expires, but not people already in", () => {
    let session = ok(join(lobby(), "a", "actor", 1));
    const late = LIVE_LIMITS.joinValidMs / 1000 + 1;
    // Keep the session alive so only the code's validity is at stake.
    for (let s = 60; s < late; s += 60) session = touchParticipant(session, "learner", at(s));
    expect(refusal(join(session, "newcomer", "observer", late))).toMatchObject({ code: "code-expired" });
    expect(ok(join(session, "a", "actor", late)).participants).toHaveLength(2);
  });

  it("refuses to join an ended session", () => {
    const session = ok(leaveSession(ok(join(lobby(), "a", "actor", 1)), { userId: "learner", now: at(2) }));
    expect(session.status).toBe("ended");
    expect(refusal(join(session, "o", "observer", 3))).toMatchObject({
      code: "closed",
      message: "This live session was ended before the consultation started.",
    });
    const afterConsultation = { ...session, startedAt: at(1) };
    expect(refusal(join(afterConsultation, "o", "observer", 3)).message).toMatch(
      /Its debrief is on the session's page/,
    );
  });

  it("caps how many different people can ever join one session", () => {
    let session = lobby();
    for (let i = 1; i < LIVE_LIMITS.everJoined; i++) {
      session = ok(join(session, `o${i}`, "observer", i));
      session = ok(leaveSession(session, { userId: `o${i}`, now: at(i) }));
    }
    expect(refusal(join(session, "one-too-many", "observer", 100))).toMatchObject({ code: "full" });
  });
});

describe("leaving", () => {
  it("frees an actor's parts for a colleague", () => {
    let session = ok(join(lobby(), "a1", "actor", 1));
    expect(refusal(join(session, "a2", "actor", 2)).code).toBe("no-part-left");
    session = ok(leaveSession(session, { userId: "a1", now: at(3) }));
    expect(presenceOf(participantOf(session, "a1")!, at(3))).toBe("left");
    expect(participantOf(ok(join(session, "a2", "actor", 4)), "a2")?.plays).toEqual(["maria"]);
  });

  it("ends the session when the learner leaves", () => {
    const session = ok(leaveSession(lobby(), { userId: "learner", now: at(5) }));
    expect(session).toMatchObject({ status: "ended", endReason: "ended", endedAt: at(5) });
  });

  it("refuses someone who is not in the session", () => {
    expect(refusal(leaveSession(lobby(), { userId: "stranger", now: at(1) })).code).toBe("not-participant");
  });
});

describe("choosing parts and who voices the rest of the cast", () => {
  it("lets an actor take over a part an actor left, during the consultation", () => {
    let session = lobby(GROUP_PARTS);
    session = ok(join(session, "a1", "actor", 1, { plays: ["pauline", "tomasz"] }));
    session = ok(join(session, "a2", "actor", 2, { plays: ["priya"] }));
    session = { ...session, status: "running", startedAt: at(3), attemptId: "att" };
    expect(refusal(chooseParts(session, { userId: "a1", plays: ["priya"], now: at(4) })).code).toBe("part-taken");
    session = ok(leaveSession(session, { userId: "a2", now: at(5) }));
    session = ok(chooseParts(session, { userId: "a1", plays: ["pauline", "tomasz", "priya"], now: at(6) }));
    expect(participantOf(session, "a1")?.plays).toEqual(["pauline", "tomasz", "priya"]);
    expect(refusal(chooseParts(session, { userId: "learner", plays: ["priya"], now: at(7) })).code).toBe("wrong-role");
    expect(refusal(chooseParts(session, { userId: "a1", plays: [], now: at(7) })).code).toBe("unknown-part");
  });

  it("gives each part to its actor and the rest of the cast to the lead actor", () => {
    const parts = [
      { id: "hoa", name: "Mrs Hoa" },
      { id: "bao", name: "Bao" },
    ];
    let session = lobby(parts);
    expect(voices(session, ["hoa", "linh", "bao"], at(1)).size).toBe(0);
    session = ok(join(session, "a2", "actor", 1, { plays: ["bao"] }));
    // Until hoa's actor arrives, bao's actor is the first actor in cast order, so voices the interpreter too.
    expect(Object.fromEntries(voices(session, ["hoa", "linh", "bao"], at(1)))).toEqual({ linh: "a2", bao: "a2" });
    session = ok(join(session, "a1", "actor", 2, { plays: ["hoa"] }));
    expect(Object.fromEntries(voices(session, ["hoa", "linh", "bao"], at(2)))).toEqual({
      hoa: "a1",
      linh: "a1",
      bao: "a2",
    });
  });
});
