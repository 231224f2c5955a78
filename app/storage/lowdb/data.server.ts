// The shape of the lowdb data file, its format version, and the check (with small repairs) applied when it is read.
import type { Attempt, AuditEvent, Membership, Organisation, Session, Team, User } from "../types";
import { emptyTrackingData, TRACKING_COLLECTIONS, type TrackingData } from "./tracking-data.server";
import { emptyScenarioData, SCENARIO_COLLECTIONS, type ScenarioData } from "./scenarios.server";

/** Bump when the file's shape changes, and add a step to `upgrade` that brings older files forward. */
export const SCHEMA_VERSION = 1;

export interface LowdbData extends TrackingData, ScenarioData {
  schemaVersion: number;
  organisations: Organisation[];
  teams: Team[];
  users: User[];
  memberships: Membership[];
  sessions: Session[];
  audit: AuditEvent[];
  attempts: Attempt[];
}

const COLLECTIONS = [
  "organisations",
  "teams",
  "users",
  "memberships",
  "sessions",
  "audit",
  "attempts",
  ...TRACKING_COLLECTIONS,
  ...SCENARIO_COLLECTIONS,
] as const;

export function emptyData(): LowdbData {
  return {
    schemaVersion: SCHEMA_VERSION,
    organisations: [],
    teams: [],
    users: [],
    memberships: [],
    sessions: [],
    audit: [],
    attempts: [],
    ...emptyTrackingData(),
    ...emptyScenarioData(),
  };
}

/**
 * Accepts a parsed file or throws an Error saying what is wrong with it. A missing collection is added empty
 * (files written before a collection existed); anything else unexpected is refused rather than guessed at.
 */
export function checkData(value: unknown): LowdbData {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error("it does not hold a Webside store (expected a JSON object at the top level)");
  }
  const record = value as Record<string, unknown>;
  const version = record.schemaVersion;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    throw new Error("it has no valid schemaVersion, so it is not a Webside store file");
  }
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `it was written by a newer Webside (format version ${version}; this one understands up to ${SCHEMA_VERSION}). Upgrade Webside`,
    );
  }
  for (const name of COLLECTIONS) {
    if (record[name] === undefined) record[name] = [];
    else if (!Array.isArray(record[name]))
      throw new Error(`its "${name}" field should be a list but is ${typeof record[name]}`);
  }
  return upgrade(record as unknown as LowdbData);
}

/** Brings an older format forward one version at a time. Version 1 is the first, so there is nothing to do yet. */
function upgrade(data: LowdbData): LowdbData {
  return data;
}
