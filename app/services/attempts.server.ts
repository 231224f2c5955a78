// Attempts, server-authoritative and with one writer: every change to a stored attempt (start, choose, abandon,
// start over, reflection, presence) is one of these use cases, and each goes through reviseAttempt's retry.
export { abandonAttempt } from "./attempts/abandon.server";
export {
  attemptResult,
  chooseInAttempt,
  type ChoiceInput,
  type ChoiceRefusal,
  type ChooseOutcome,
} from "./attempts/choose.server";
export { choicesMade, currentView, requireOwnAttempt, scenarioForAttempt } from "./attempts/lookup.server";
export { savePresence, type PresenceOutcome } from "./attempts/presence.server";
export { reflectionForm, saveReflection, type ReflectionInput } from "./attempts/reflection.server";
export { reviseAttempt, REVISE_TRIES, type Change, type Revised } from "./attempts/revise.server";
export {
  practiseAgain,
  startAttempt,
  startForm,
  startOver,
  startScenario,
  type StartOptions,
} from "./attempts/start.server";
