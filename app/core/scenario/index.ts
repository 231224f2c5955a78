// The scenario core's public API: schema and types, validation, compilation to XState, the attempt engine and scoring.
export {
  scenarioSchema,
  conditionSchema,
  SCENARIO_LIMITS,
  type Scenario,
  type ScenarioNode,
  type Choice,
  type Critical,
  type Branch,
  type Condition,
  type ComparisonOp,
  type Effects,
  type VariableUpdate,
  type VariableDefinition,
  type CastMember,
  type CastRole,
  type Line,
  type StageEvent,
  type StageEventKind,
  type Ending,
  type Outcome,
  type Setting,
} from "./schema";
export { COMPETENCIES, COMPETENCY_INFO, isCompetency, type Competency, type CompetencyInfo } from "../competencies";
export { validateScenario, parseScenario } from "./validate";
export type { ScenarioProblem, ValidationReport } from "./problems";
export { evaluateCondition, type ConditionContext } from "./conditions";
export {
  machineConfig,
  compileScenario,
  buildMachine,
  type AttemptMachineConfig,
  type AttemptMachine,
  type AttemptSnapshot,
} from "./compile";
export type { AttemptContext, TranscriptEntry } from "./attempt-context";
export {
  startRun,
  applyChoice,
  MAX_ITERATIONS,
  type EngineOptions,
  type ChoiceResult,
  type ChoiceErrorCode,
} from "./engine";
export { viewOf, offeredChoices, type AttemptView } from "./view";
export { scoreRun, criticalErrorsIn, type RunScore, type CriticalError } from "./scoring";
export { summariseRun, type RunSummary, type PathStep } from "./summary";
export { scenarioJsonSchema, scenarioJsonSchemaText } from "./json-schema";
export { choiceTargets, successors, reachableFromStart, choicesToEnding } from "./graph";
export { choiceEvent, type ChoiceEvent } from "./attempt-context";
