// The live lobby's shared camera check verdicts on a real lowdb store (ADR 0065): what a page sends, what the others
// see beside the person's name, that an unchanged verdict is not saved, and that outsiders change nothing.
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLiveSessionFor, joinByCode, liveSessionAction, liveSessionFor } from "~/services/live.server";
import { liveSessionForm } from "~/services/live/forms";
import { liveSessionView } from "~/services/live/view.server";
import type { LiveSession } from "~/storage/types";
import type { Viewer } from "~/utils/auth.server";
import { createHarness, type Harness } from "../access/harness";
import { liveCast } from "./live-cast";

process.env.SCENARIOS_DIR = path.resolve("tests/access/fixtures/scenarios");
const SCENARIO = "fixture-consultation";

describe("the live lobby's camera check verdicts", () => {
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

  it("shows each person's verdict to the others in the lobby; only the verdict is stored", async () => {
    const session = (await createLiveSessionFor(harness.context, learner, SCENARIO))!;
    await joinByCode(harness.context, actor, session.code, { role: "actor" });
    const check = (fields: Record<string, string>) => liveSessionForm.parse({ intent: "check", ...fields });
    // The page sends ready/toFix as form fields; anything else is refused by the form before any service runs.
    expect(liveSessionForm.safeParse({ intent: "check", ready: "maybe", toFix: "1" }).success).toBe(false);
    expect(liveSessionForm.safeParse({ intent: "check", ready: "no", toFix: "11" }).success).toBe(false);

    const learnersView = async () =>
      (await liveSessionView(harness.context, learner, await read(session))).participants.find(
        (p) => p.role === "actor",
      )!.check;
    expect(await learnersView()).toBe("camera check not done yet");
    const sent = await liveSessionAction(
      harness.context,
      actor,
      await read(session),
      check({ ready: "no", toFix: "2" }),
    );
    expect(sent).toMatchObject({ ok: true });
    expect(await learnersView()).toBe("2 things to fix in the camera check");
    const stored = await read(session);
    expect(stored.participants.find((p) => p.userId === actor.user.id)?.check).toEqual({
      ready: false,
      toFix: 2,
      at: clock.toISOString(),
    });

    // The same verdict again saves nothing (the revision stays); a new one replaces it.
    await liveSessionAction(harness.context, actor, stored, check({ ready: "no", toFix: "2" }));
    expect((await read(session)).revision).toBe(stored.revision);
    await liveSessionAction(harness.context, actor, stored, check({ ready: "yes", toFix: "0" }));
    expect(await learnersView()).toBe("camera and microphone ready");

    // Someone from another organisation never reaches the session; a colleague not in it is refused, nothing stored.
    expect(await liveSessionFor(harness.context, stranger, session.id)).toBeNull();
    const before = await read(session);
    const outsider = await liveSessionAction(harness.context, observer, before, check({ ready: "yes", toFix: "0" }));
    expect(outsider).toMatchObject({ ok: false, code: "not-participant", status: 404 });
    expect(await read(session)).toEqual(before);
  });
});
