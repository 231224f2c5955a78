// An actor of several patients switching whose voice they are: who may, for which part, and how long it holds.
import { describe, expect, it } from "vitest";
import { startConsultation } from "./lifecycle";
import { participantOf } from "./session";
import { chooseSpeakingAs, speakingAsAt } from "./speaking-as";
import { GROUP_PARTS, at, join, lobby, ok, refusal } from "./test-support";

const inLobby = ok(join(lobby(GROUP_PARTS), "actor", "actor", 1, { plays: ["pauline", "tomasz", "priya"] }));
const running = ok(startConsultation(inLobby, { userId: "learner", attemptId: "att-1", now: at(10) }));
const LINES = ["narrator", "pauline", "tomasz"];

describe("chooseSpeakingAs", () => {
  it("holds the actor's switch at the step it was made, and the script decides again at the next", () => {
    const actor = () => participantOf(switched, "actor")!;
    // Before any switch the script decides: the last of the actor's parts to speak in the node.
    expect(speakingAsAt(participantOf(running, "actor")!, LINES, 4)).toBe("tomasz");
    const switched = ok(chooseSpeakingAs(running, { userId: "actor", castId: "priya", step: 4, now: at(20) }));
    expect(actor().speakingAs).toEqual({ castId: "priya", step: 4 });
    expect(speakingAsAt(actor(), LINES, 4)).toBe("priya");
    expect(speakingAsAt(actor(), LINES, 5)).toBe("tomasz");
    // The same switch again changes nothing (no save, no message).
    expect(ok(chooseSpeakingAs(switched, { userId: "actor", castId: "priya", step: 4, now: at(30) }))).toBe(switched);
  });

  it("refuses a part the actor does not play, anyone but an actor, and a consultation not yet started", () => {
    const withObserver = ok(join(running, "obs", "observer", 12));
    const choose = (session = withObserver, userId = "actor", castId = "priya") =>
      refusal(chooseSpeakingAs(session, { userId, castId, step: 0, now: at(20) })).code;
    expect(choose(withObserver, "actor", "maria")).toBe("unknown-part");
    expect(choose(withObserver, "obs")).toBe("wrong-role");
    expect(choose(withObserver, "learner")).toBe("wrong-role");
    expect(choose(withObserver, "stranger")).toBe("not-participant");
    expect(choose(inLobby)).toBe("not-running");
  });
});
