import { createActor, createMachine, initialTransition, transition } from "xstate";
import { describe, expect, it } from "vitest";
import { choiceEvent } from "./attempt-context";
import { buildMachine, compileScenario, machineConfig, routingStateKey } from "./compile";
import { validFixture } from "./test-fixtures";

function hasFunction(value: unknown): boolean {
  if (typeof value === "function") return true;
  if (value === null || typeof value !== "object") return false;
  return Object.values(value).some(hasFunction);
}

describe("machineConfig", () => {
  it("is plain JSON: no functions, and it survives a JSON round trip unchanged", () => {
    const config = machineConfig(validFixture());
    expect(hasFunction(config)).toBe(false);
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
  });

  it("makes endings final states, one event per choice, and a routing state for branches", () => {
    const config = machineConfig(validFixture());
    expect(config.initial).toBe("hello");
    expect(config.states["close-good"]).toMatchObject({ type: "final", description: "A plan Maria agreed" });
    expect(Object.keys(config.states.hello?.on ?? {})).toEqual(["choose.warm", "choose.cold"]);
    expect(config.states.ask?.on?.["choose.open-question"]?.target).toBe(routingStateKey("ask", "open-question"));
    expect(config.states["ask:open-question"]?.always).toEqual([
      { target: "opens-up", guard: { type: "condition", params: { var: "trust", op: "gte", value: 1 } } },
      { target: "listen" },
    ]);
    expect(config.states.listen?.on?.["choose.summarise"]?.guard).toEqual({
      type: "condition",
      params: { var: "consented", op: "eq", value: true },
    });
  });

  it("is accepted as is by xstate's createMachine", () => {
    const config = JSON.parse(JSON.stringify(machineConfig(validFixture()))) as Parameters<typeof createMachine>[0];
    const machine = createMachine(config);
    expect(Object.keys(machine.states)).toEqual(expect.arrayContaining(["hello", "ask", "close-poor"]));
    expect(machine.states["close-poor"]?.type).toBe("final");
  });
});

describe("the compiled machine", () => {
  it("runs to a final state with the registry's guards and actions", () => {
    const machine = compileScenario(validFixture());
    const actor = createActor(machine).start();
    for (const id of ["warm", "open-question", "reflect", "summarise"]) actor.send(choiceEvent(id));
    const snapshot = actor.getSnapshot();
    expect(snapshot.status).toBe("done");
    expect(snapshot.value).toBe("close-good");
    expect(snapshot.context.scores).toEqual({ rapport: 2, listening: 4, empathy: 2 });
    expect(snapshot.context.possible).toEqual({ rapport: 3, listening: 4, empathy: 2 });
    expect(snapshot.context.variables).toEqual({ trust: 1, consented: true });
  });

  it("ignores an event whose 'requires' guard fails (the pure transition changes nothing)", () => {
    const machine = buildMachine(machineConfig(validFixture()));
    let [snapshot] = initialTransition(machine);
    for (const id of ["cold", "closed-question"]) [snapshot] = transition(machine, snapshot, choiceEvent(id));
    const [after] = transition(machine, snapshot, choiceEvent("summarise"));
    expect(after.value).toBe("listen");
    expect(after.context.transcript).toHaveLength(2);
  });

  it("compiles each scenario object once", () => {
    const scenario = validFixture();
    expect(compileScenario(scenario)).toBe(compileScenario(scenario));
  });
});
