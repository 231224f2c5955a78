// The CPD a certificate states: the first pass on a version is credited the stated length, a repeat pass nothing,
// and the time actually spent is the attempt's own start to finish.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Attempt } from "~/storage/types";
import type { Viewer } from "~/utils/auth.server";
import { cpdForAttempt } from "~/services/learning-record.server";
import { newAttempt } from "../contract/contract-helpers";
import { studioContext } from "../studio/studio-helpers";

describe("CPD for one attempt", () => {
  let env: Awaited<ReturnType<typeof studioContext>>;
  let viewer: Viewer;
  beforeEach(async () => {
    env = await studioContext();
    viewer = { user: env.educator, org: env.org } as Viewer;
  });
  afterEach(async () => env.close());

  async function finished(passed: boolean, seconds: number, version = 1): Promise<Attempt> {
    const created = await env.store.createAttempt(
      newAttempt({ orgId: env.org.id, userId: env.educator.id, scenarioId: "chest", scenarioVersion: version }),
    );
    return env.store.updateAttempt(created.id, created.revision, {
      status: "completed",
      completedAt: new Date(Date.parse(created.startedAt) + seconds * 1000).toISOString(),
      result: { endingId: "end", outcome: passed ? "good" : "poor", scores: {}, overall: passed ? 90 : 40, passed },
    });
  }

  it("credits the first pass on a version only, and states the time actually taken", async () => {
    await finished(false, 20);
    const first = await finished(true, 36);
    const repeat = await finished(true, 600);
    const nextVersion = await finished(true, 95, 2);
    expect(await cpdForAttempt(env.context, viewer, first, 15)).toEqual({
      creditedMinutes: 15,
      nominalMinutes: 15,
      secondsTaken: 36,
    });
    expect(await cpdForAttempt(env.context, viewer, repeat, 15)).toMatchObject({
      creditedMinutes: 0,
      secondsTaken: 600,
    });
    expect(await cpdForAttempt(env.context, viewer, nextVersion, 20)).toMatchObject({ creditedMinutes: 20 });
  });
});
