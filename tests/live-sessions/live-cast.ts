// The people the live services' tests play: a learner, an actor and an observer of one organisation, and a stranger
// from another, read afresh before each test (their sessions are refreshed, as a new sign-in would).
import type { Viewer } from "~/utils/auth.server";
import type { Harness } from "../access/harness";

export interface LiveCast {
  learner: Viewer;
  actor: Viewer;
  observer: Viewer;
  stranger: Viewer;
}

export async function liveCast(harness: Harness): Promise<LiveCast> {
  await harness.refreshSessions();
  return {
    learner: await harness.viewer("clinician"),
    actor: await harness.viewer("educator"),
    observer: await harness.viewer("admin"),
    stranger: await harness.viewer("other-clinician"),
  };
}
