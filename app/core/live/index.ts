// Live role-play's public API: sessions and their rules, join codes, stage effects, rating forms, signalling messages.
export {
  LIVE_LIMITS,
  LIVE_ROLES,
  LIVE_ROLE_LABELS,
  LIVE_STATUSES,
  createLiveSession,
  isOpen,
  participantOf,
  type IsoTime,
  type LiveAdvance,
  type LiveEndReason,
  type LivePart,
  type LiveParticipant,
  type LiveRole,
  type LiveSession,
  type LiveStatus,
  type NewLiveSession,
} from "./session";
export { refuse, type LiveCheck, type LiveRefusal, type LiveRefusalCode, type LiveResult } from "./refusal";
export { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, formatJoinCode, generateJoinCode, normaliseJoinCode } from "./join-code";
export { holdsSeat, isConnected, presenceOf, touchParticipant, type PresenceState } from "./presence";
export { freeParts, partSpeaking, partsToPlay, takenParts, voices } from "./cast-parts";
export { chooseParts, joinSession, leaveSession, type JoinRequest } from "./joining";
export { MAX_THINGS_TO_FIX, callCheckText, recordCallCheck, type CallCheck } from "./call-check";
export { chooseSpeakingAs, speakingAsAt, switchedPart, type SpeakingAsChoice } from "./speaking-as";
export {
  closedMessage,
  consultationMs,
  endSession,
  expiryOf,
  recordAdvance,
  settle,
  startConsultation,
} from "./lifecycle";
export { mayAdvanceScript, mayRate, mayReadDebrief, maySignal, type LiveRatingKind } from "./permissions";
export {
  NO_EFFECTS,
  REAL_STAGE_EFFECTS,
  effectChanges,
  isRealStageEvent,
  outgoingEffectsFor,
  planStageEffects,
  type EffectChange,
  type LiveEffect,
  type LiveEffectKind,
  type OutgoingEffects,
} from "./stage-effects";
export {
  COMPETENCY_ANCHORS,
  GLOBAL_RATING_LABELS,
  GLOBAL_RATING_QUESTION,
  type RatingAnchors,
} from "./competency-anchors";
export {
  OBSERVER_RATING_LIMITS,
  observerNoteInputSchema,
  observerNoteSchema,
  observerRatingSchemaFor,
  type ObserverNote,
  type ObserverRating,
} from "./observer-rating";
export {
  PATIENT_COMMENT_CHARS,
  PATIENT_COMMENT_QUESTION,
  PATIENT_PERSPECTIVE_ITEMS,
  PATIENT_PERSPECTIVE_PROMPT,
  PATIENT_SCALE_LABELS,
  patientPerspectiveSchema,
  type PatientPerspective,
  type PatientPerspectiveItemId,
} from "./patient-perspective";
export * from "./signal-schema";
export { readDeliveredSignal, readPeerMessage, readSignalBatch, utf8Bytes, type SignalReading } from "./signal-parse";
export {
  iceServerSchema,
  iceServersSchema,
  parseIceServers,
  type IceServer,
  type IceServersReading,
} from "./ice-servers";
