// The live session page's buttons, dispatched to one use case each.
import type { AppLoadContext } from "@remix-run/node";
import type { LiveSession } from "~/core/live";
import type { Viewer } from "~/utils/auth.server";
import type { LiveSessionForm } from "./forms";
import { advanceLiveScript, type AdvanceOutcome } from "./script.server";
import {
  chooseLiveParts,
  chooseLiveSpeakingAs,
  endLiveSession,
  leaveLiveSession,
  recordLiveCallCheck,
  startLiveConsultation,
  type LiveOutcome,
} from "./sessions.server";

/** The session page's buttons, one use case each; `advance` is the actor's "closest response". */
export async function liveSessionAction(
  context: AppLoadContext,
  viewer: Viewer,
  session: LiveSession,
  form: LiveSessionForm,
): Promise<LiveOutcome | AdvanceOutcome> {
  switch (form.intent) {
    case "parts":
      return chooseLiveParts(context, viewer, session, form.plays);
    case "start":
      return startLiveConsultation(context, viewer, session);
    case "end":
      return endLiveSession(context, viewer, session);
    case "leave":
      return leaveLiveSession(context, viewer, session);
    case "advance":
      return advanceLiveScript(context, viewer, session, form);
    case "speaking-as":
      return chooseLiveSpeakingAs(context, viewer, session, { castId: form.castId, step: form.step });
    case "check":
      return recordLiveCallCheck(context, viewer, session, { ready: form.ready, toFix: form.toFix });
  }
}
