// Public face of the camera feedback rules: classify a frame, stabilise, pick nudges, judge readiness, detect mute, summarise.
export * from "./thresholds";
export * from "./frame-measurement";
export * from "./classify";
export {
  createFeedbackStabiliser,
  createStateConfirmer,
  type FeedbackStabiliser,
  type StableStates,
  type StateConfirmer,
} from "./stabilise";
export * from "./nudges";
export * from "./readiness";
export * from "./mute";
export * from "./presence-summary";
export { mergePresenceSummaries } from "./presence-merge";
