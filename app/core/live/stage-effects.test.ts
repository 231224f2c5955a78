import { describe, expect, it } from "vitest";
import type { StageEvent } from "../scenario/schema";
import { validFixture } from "../scenario/test-fixtures";
import {
  NO_EFFECTS,
  effectChanges,
  isRealStageEvent,
  outgoingEffectsFor,
  planStageEffects,
  type LiveEffect,
} from "./stage-effects";

const voices = new Map([
  ["hoa", "a1"],
  ["linh", "a1"],
  ["bao", "a2"],
]);
const event = (kind: StageEvent["kind"], who?: string): StageEvent => ({ kind, who, text: `${kind} ${who ?? ""}` });

describe("planStageEffects", () => {
  it("freezes the video and mutes the audio of the actor voicing the cast member the event is about", () => {
    expect(planStageEffects([event("video-freeze", "bao"), event("audio-drop", "linh")], voices, ["a1", "a2"])).toEqual(
      [
        { kind: "freeze-video", actorId: "a2" },
        { kind: "mute-audio", actorId: "a1" },
      ],
    );
  });

  it("applies an event about nobody in particular to every actor", () => {
    expect(planStageEffects([event("audio-drop")], voices, ["a1", "a2"])).toEqual([
      { kind: "mute-audio", actorId: "a1" },
      { kind: "mute-audio", actorId: "a2" },
    ]);
  });

  it("keeps the other events, and events about someone nobody voices, as text only", () => {
    const textOnly = ["connection-lost", "someone-enters", "background-noise", "screen-share", "note"] as const;
    expect(
      planStageEffects(
        textOnly.map((kind) => event(kind, "hoa")),
        voices,
        ["a1", "a2"],
      ),
    ).toEqual([]);
    expect(textOnly.some((kind) => isRealStageEvent({ kind }))).toBe(false);
    expect(planStageEffects([event("video-freeze", "nobody")], voices, ["a1", "a2"])).toEqual([]);
  });

  it("lists each effect once per actor", () => {
    const twice = [event("video-freeze", "hoa"), event("video-freeze", "linh")];
    expect(planStageEffects(twice, voices, ["a1"])).toEqual([{ kind: "freeze-video", actorId: "a1" }]);
  });

  it("makes the fixture's scripted freeze real for the actor playing Maria", () => {
    const scenario = validFixture();
    const node = scenario.nodes[scenario.start]!;
    expect(planStageEffects(node.events ?? [], new Map([["maria", "a1"]]), ["a1"])).toEqual([
      { kind: "freeze-video", actorId: "a1" },
    ]);
  });
});

describe("an actor's outgoing effects as the script moves on", () => {
  const frozen: LiveEffect[] = [{ kind: "freeze-video", actorId: "a1" }];
  const both: LiveEffect[] = [...frozen, { kind: "mute-audio", actorId: "a1" }];

  it("picks out one actor's effects", () => {
    expect(outgoingEffectsFor("a1", both)).toEqual({ freezeVideo: true, muteAudio: true });
    expect(outgoingEffectsFor("a2", both)).toEqual(NO_EFFECTS);
  });

  it("turns an effect on at its node, keeps it through a node that has it too, and lifts it at the next", () => {
    const nodes = [[], frozen, both, []];
    let applied = NO_EFFECTS;
    const log: string[] = [];
    for (const effects of nodes) {
      const wanted = outgoingEffectsFor("a1", effects);
      for (const change of effectChanges(applied, wanted)) log.push(`${change.kind} ${change.on ? "on" : "off"}`);
      applied = wanted;
    }
    expect(log).toEqual(["freeze-video on", "mute-audio on", "freeze-video off", "mute-audio off"]);
  });
});
