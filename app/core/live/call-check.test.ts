// Each person's camera check verdict in the lobby, shared with the others: what is stored and how it reads.
import { describe, expect, it } from "vitest";
import { callCheckText, recordCallCheck } from "./call-check";
import { endSession } from "./lifecycle";
import { participantOf } from "./session";
import { at, join, lobby, ok, refusal } from "./test-support";

describe("recordCallCheck", () => {
  const session = ok(join(lobby(), "actor", "actor", 5));

  it("stores a participant's verdict, and an unchanged one changes nothing", () => {
    const checked = ok(recordCallCheck(session, { userId: "actor", ready: false, toFix: 2, now: at(20) }));
    expect(participantOf(checked, "actor")?.check).toEqual({ ready: false, toFix: 2, at: at(20) });
    expect(participantOf(checked, "learner")?.check).toBeUndefined();
    // Same verdict later: the very same record comes back, so nothing is saved or sent.
    expect(ok(recordCallCheck(checked, { userId: "actor", ready: false, toFix: 2, now: at(30) }))).toBe(checked);
    const fixed = ok(recordCallCheck(checked, { userId: "actor", ready: true, toFix: 2, now: at(40) }));
    expect(participantOf(fixed, "actor")?.check).toEqual({ ready: true, toFix: 0, at: at(40) });
  });

  it("keeps the count within what a check can say", () => {
    const many = ok(recordCallCheck(session, { userId: "actor", ready: false, toFix: 500, now: at(20) }));
    expect(participantOf(many, "actor")?.check?.toFix).toBe(10);
    const none = ok(recordCallCheck(session, { userId: "actor", ready: false, toFix: 0, now: at(20) }));
    expect(participantOf(none, "actor")?.check?.toFix).toBe(1);
  });

  it("refuses someone not in the session, and a closed session", () => {
    expect(refusal(recordCallCheck(session, { userId: "stranger", ready: true, toFix: 0, now: at(20) })).code).toBe(
      "not-participant",
    );
    const ended = ok(endSession(session, { userId: "learner", now: at(30) }));
    expect(refusal(recordCallCheck(ended, { userId: "actor", ready: true, toFix: 0, now: at(40) })).code).toBe(
      "closed",
    );
  });
});

describe("callCheckText", () => {
  it("says ready, what is left to fix, or that the check has not been done", () => {
    expect(callCheckText({})).toBe("camera check not done yet");
    expect(callCheckText({ check: { ready: true, toFix: 0, at: at(1) } })).toBe("camera and microphone ready");
    expect(callCheckText({ check: { ready: false, toFix: 1, at: at(1) } })).toBe("1 thing to fix in the camera check");
    expect(callCheckText({ check: { ready: false, toFix: 3, at: at(1) } })).toBe("3 things to fix in the camera check");
  });
});
