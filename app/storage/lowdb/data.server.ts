// The shape of the lowdb data file, its format version, and the check (with small repairs) applied when it is read.
import type {
  Assignment,
  Attempt,
  AuditEvent,
  Certificate,
  Invitation,
  LiveRating,
  LiveSession,
  Membership,
  Organisation,
  OrgSettings,
  ScenarioVersion,
  Session,
  StoredScenario,
  Team,
  User,
  XapiQueueItem,
} from "../types";
import { NotFoundError } from "../errors";

/**
 * Bump when the file's shape changes, and add a step that brings older files forward. Version 2 moved attempts out
 * of this file into attempts shards (ADR 0036): a version 1 file still holds them, and the store splits them out at
 * open (upgradeToShards in store.server.ts), after backing the old file up. Version 3 moved the audit log into its own
 * file (audit-file.server.ts); a version 2 file's log is moved out at open, after the start's backup.
 */
export const SCHEMA_VERSION = 3;

/** The first version whose attempts are in shards rather than in the main file. */
export const SHARDED_VERSION = 2;

/** The first version whose audit log is in its own file; the main file's `audit` is then always empty. */
export const AUDIT_FILE_VERSION = 3;

export interface LowdbData {
  schemaVersion: number;
  organisations: Organisation[];
  teams: Team[];
  users: User[];
  memberships: Membership[];
  sessions: Session[];
  audit: AuditEvent[];
  attempts: Attempt[];
  assignments: Assignment[];
  invitations: Invitation[];
  certificates: Certificate[];
  orgSettings: OrgSettings[];
  xapiQueue: XapiQueueItem[];
  scenarios: StoredScenario[];
  scenarioVersions: ScenarioVersion[];
  /** Live role-play sessions and their ratings (ADR 0054); relayed signals are kept in memory only. */
  liveSessions: LiveSession[];
  liveRatings: LiveRating[];
}

const COLLECTIONS = [
  "organisations",
  "teams",
  "users",
  "memberships",
  "sessions",
  "audit",
  "attempts",
  "assignments",
  "invitations",
  "certificates",
  "orgSettings",
  "xapiQueue",
  "scenarios",
  "scenarioVersions",
  "liveSessions",
  "liveRatings",
] as const satisfies ReadonlyArray<keyof LowdbData>;

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
    assignments: [],
    invitations: [],
    certificates: [],
    orgSettings: [],
    xapiQueue: [],
    scenarios: [],
    scenarioVersions: [],
    liveSessions: [],
    liveRatings: [],
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

/**
 * Brings an older format forward one version at a time, where that needs only the file itself. Version 1 to 2 needs
 * other files written (the shards), so it is left to the store and `schemaVersion` says which layout was read; a
 * version 1 file's attempts are repaired here like a shard's.
 */
function upgrade(data: LowdbData): LowdbData {
  for (const attempt of data.attempts) upgradeAttempt(attempt as unknown as Record<string, unknown>);
  return data;
}

/**
 * Attempts written before the concurrency counter was named `revision` (main file format 1, shard format 1) carry it
 * as `step`. Renamed in place when read, so the rest of the store only ever sees `revision`; the value is kept, so a
 * page or another instance holding the old number still matches.
 */
export function upgradeAttempt(record: Record<string, unknown>): void {
  if (!Object.hasOwn(record, "step")) return;
  if (record.revision === undefined) record.revision = record.step;
  delete record.step;
}

/** Refuses a change for an organisation that is not in the store, saying what could not be done. */
export function requireOrganisation(data: LowdbData, orgId: string, doing: string): void {
  if (!data.organisations.some((o) => o.id === orgId)) {
    throw new NotFoundError(`Cannot ${doing}: organisation ${orgId} does not exist.`);
  }
}
