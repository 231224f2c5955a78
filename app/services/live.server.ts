// Live role-play's use cases (ADR 0054): sessions, the script the actor moves on, and the signalling relay.
export {
  chooseLiveParts,
  createLiveSessionFor,
  endLiveSession,
  joinByCode,
  leaveLiveSession,
  liveSessionFor,
  sessionForCode,
  startLiveConsultation,
  sweepLiveSessions,
  type JoinChoice,
  type LiveOutcome,
} from "./live/sessions.server";
export { advanceLiveScript, type AdvanceOutcome } from "./live/script.server";
export { openLiveEventStream, postLiveSignals, resumePoint, type SignalOutcome } from "./live/signalling.server";
export { liveSessionAction } from "./live/actions.server";
