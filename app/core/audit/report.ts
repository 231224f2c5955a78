// The shape of an audit report and the thresholds CI holds the bundled scenarios to; its own module so the
// findings can use the report's type without importing the audit that builds it (no import cycle).
import type { ScenarioProblem } from "../scenario/problems";
import type { DecisionFigures } from "./length-cues";
import type { RandomWalkFigures } from "./walks";

/** What CI holds every bundled scenario to (issue 11, "Done when"). */
export const AUDIT_THRESHOLDS = {
  /** Random walks may pass at most this share of the time. */
  maxRandomPassRate: 0.02,
  /** The best response may be the longest at most at this share of a scenario's decisions. */
  maxBestIsLongestShare: 0.45,
} as const;

export interface AuditOptions {
  walks?: number;
  seed?: number;
  maxStates?: number;
}

export interface BotResult {
  overall: number;
  passed: boolean;
  outcome: string | null;
}

export interface AuditReport {
  scenarioId: string;
  version: number;
  title: string;
  /** Decision points: reachable nodes offering two or more responses. */
  decisions: number;
  /** Decisions where the responses do not all score the same, so one can be "best". */
  scoredDecisions: number;
  bestIsLongest: number;
  bestIsShortest: number;
  /** bestIsLongest / scoredDecisions (0 when there are none). */
  bestIsLongestShare: number;
  bestIsShortestShare: number;
  largestLengthRatio: { ratio: number; nodeId: string; choiceId: string } | null;
  longestBot: BotResult;
  shortestBot: BotResult;
  random: RandomWalkFigures;
  paths: {
    exhaustive: boolean;
    gaveUp: string | null;
    /** Complete paths counted (exhaustive), or the walks sampled. */
    counted: number;
    passing: number;
    /** Passing paths (under the app's pass rule) that contain a critical choice: must be 0. */
    passingWithCritical: number;
    /** Paths that would pass on score and ending but for a critical choice: the critical rule is what fails them. */
    heldBackByCritical: number;
  };
  criticalChoices: number;
  /** The thresholds this scenario breaks, as sentences; empty when it passes the audit. */
  failures: string[];
  /** Node- and scenario-level warnings with a fix hint, for the studio and the CLI. */
  findings: ScenarioProblem[];
  decisionsDetail: DecisionFigures[];
}
