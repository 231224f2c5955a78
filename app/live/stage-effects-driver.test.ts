import { describe, expect, it } from "vitest";
import type { ScriptMessage } from "~/core/live/signal-schema";
import type { OutgoingEffects } from "~/core/live/stage-effects";
import { createStageEffectsDriver } from "./stage-effects-driver";

const script = (step: number, effects: ScriptMessage["effects"], finished = false): ScriptMessage => ({
  type: "script",
  step,
  nodeId: `node-${step}`,
  finished,
  effects,
});

function driver() {
  const applied: Array<[string, OutgoingEffects]> = [];
  const d = createStageEffectsDriver({
    selfId: "actor",
    learnerId: "learner",
    setOutgoingEffects: (peerId, effects) => applied.push([peerId, effects]),
  });
  return { d, applied };
}

describe("the actor's stage effects driver", () => {
  it("freezes and mutes towards the learner only, for this actor's effects only", () => {
    const { d, applied } = driver();
    d.onScript(
      script(1, [
        { kind: "freeze-video", actorId: "actor" },
        { kind: "mute-audio", actorId: "other-actor" },
      ]),
    );
    expect(applied).toEqual([["learner", { freezeVideo: true, muteAudio: false }]]);
  });

  it("lifts everything when the script moves on, reaches an ending, or the session stops", () => {
    const { d, applied } = driver();
    d.onScript(script(1, [{ kind: "mute-audio", actorId: "actor" }]));
    d.onScript(script(2, []));
    expect(applied.at(-1)).toEqual(["learner", { freezeVideo: false, muteAudio: false }]);
    d.onScript(script(3, [{ kind: "freeze-video", actorId: "actor" }], true));
    expect(d.current()).toEqual({ freezeVideo: false, muteAudio: false });
    d.onScript(script(4, [{ kind: "freeze-video", actorId: "actor" }]));
    d.onSession({ type: "session", status: "ended", endReason: "ended" });
    expect(applied.at(-1)).toEqual(["learner", { freezeVideo: false, muteAudio: false }]);
  });

  it("never lets an older step bring a lifted effect back", () => {
    const { d, applied } = driver();
    d.onScript(script(5, []));
    expect(d.onScript(script(4, [{ kind: "freeze-video", actorId: "actor" }]))).toBeNull();
    expect(applied).toHaveLength(1);
    expect(d.current().freezeVideo).toBe(false);
  });
});
