// The storage interface: every record Webside keeps and the typed functions that read and write them.
// Routes and the CLI only ever talk to a `Store`; lowdb and PostgreSQL adapters implement it.
import type { Id, Timestamp } from "./ids";
import type { LiveRecords, LiveSignalRecords } from "./live-types";
import type { LoginAttemptRecords } from "./login-types";
import type { XapiRecords } from "./lrs-types";

export const ROLES = ["clinician", "educator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export type { Id, Timestamp } from "./ids";

export interface Organisation {
  id: Id;
  name: string;
  createdAt: Timestamp;
}

export interface Team {
  id: Id;
  orgId: Id;
  name: string;
  createdAt: Timestamp;
}

export interface User {
  id: Id;
  /** Stored lower-cased; unique across the whole store. */
  email: string;
  name: string;
  /** `scrypt$N$r$p$salt$hash` (see app/utils/password.server.ts). Null until an invitation is accepted. */
  passwordHash: string | null;
  active: boolean;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface Membership {
  userId: Id;
  orgId: Id;
  roles: Role[];
  teamIds: Id[];
  createdAt: Timestamp;
}

export interface Session {
  /** SHA-256 of the random token in the cookie, so a leaked store does not leak live sessions. */
  id: Id;
  userId: Id;
  /** The organisation the user is currently acting in. */
  orgId: Id;
  createdAt: Timestamp;
  lastSeenAt: Timestamp;
  /** Absolute expiry; idle expiry is computed from lastSeenAt. */
  expiresAt: Timestamp;
}

export type AuditDetail = Record<string, string | number | boolean | null>;

export interface AuditEvent {
  id: Id;
  at: Timestamp;
  orgId: Id | null;
  actorId: Id | null;
  /** e.g. "login.success", "login.failure", "access.denied", "role.change", "password.change" */
  type: string;
  detail: AuditDetail;
}

export type AttemptStatus = "in-progress" | "completed" | "abandoned";
export type AttemptMode = "learning" | "assessment";

export interface AttemptResult {
  endingId: string;
  outcome: "good" | "mixed" | "poor";
  /** competency -> percentage 0..100 */
  scores: Record<string, number>;
  /** overall percentage 0..100 */
  overall: number;
  passed: boolean;
}

/** An attempt without its snapshot, as lists over a whole organisation return it. */
export type AttemptSummary = Omit<Attempt, "snapshot">;

export interface Attempt {
  id: Id;
  orgId: Id;
  userId: Id;
  scenarioId: string;
  scenarioVersion: number;
  mode: AttemptMode;
  /** "Say it first": the clinician answers aloud before the written responses appear (absent on older records = false). */
  sayItFirst?: boolean;
  status: AttemptStatus;
  /** The XState persisted snapshot (JSON). Opaque to storage. */
  snapshot: unknown;
  /**
   * The record's revision: incremented by every stored change (a choice, a presence summary, a reflection), and
   * checked by the next one, so two writers cannot overwrite each other. Not the clinician's step (`path`).
   */
  revision: number;
  /** Node ids visited in order, kept beside the snapshot for analytics and resume. */
  path: string[];
  confidenceBefore: number | null;
  confidenceAfter: number | null;
  reflection: string | null;
  result: AttemptResult | null;
  /** Camera presence summary (numbers only, validated by app/core/feedback). */
  presence: unknown | null;
  assignmentId: Id | null;
  /** The live role-play session this attempt belongs to (ADR 0054); absent or null for solo practice. */
  liveSessionId?: Id | null;
  startedAt: Timestamp;
  updatedAt: Timestamp;
  completedAt: Timestamp | null;
}

export interface HealthStatus {
  ok: boolean;
  kind: "lowdb" | "postgres";
  detail: string;
}

export type NewAttempt = Omit<
  Attempt,
  "id" | "revision" | "startedAt" | "updatedAt" | "completedAt" | "status" | "liveSessionId"
> & {
  status?: AttemptStatus;
  liveSessionId?: Id | null;
};

export type AttemptPatch = Partial<
  Pick<
    Attempt,
    "snapshot" | "path" | "status" | "confidenceAfter" | "reflection" | "result" | "presence" | "completedAt"
  >
>;

/** What every adapter answers about itself: which one it is, whether it works, and closing it. */
export interface StoreHandle {
  readonly kind: "lowdb" | "postgres";
  health(): Promise<HealthStatus>;
  close(): Promise<void>;
}

export interface OrganisationRecords {
  createOrganisation(input: { name: string }): Promise<Organisation>;
  getOrganisation(id: Id): Promise<Organisation | null>;
  listOrganisations(): Promise<Organisation[]>;
  createTeam(input: { orgId: Id; name: string }): Promise<Team>;
  listTeams(orgId: Id): Promise<Team[]>;
  getTeam(orgId: Id, teamId: Id): Promise<Team | null>;
  renameTeam(orgId: Id, teamId: Id, name: string): Promise<Team>;
}

export interface UserRecords {
  /** Throws UniqueViolationError when the email is taken (case-insensitive). */
  createUser(input: { email: string; name: string; passwordHash: string | null }): Promise<User>;
  getUser(id: Id): Promise<User | null>;
  getUserByEmail(email: string): Promise<User | null>;
  updateUser(id: Id, patch: Partial<Pick<User, "name" | "email" | "passwordHash" | "active">>): Promise<User>;
  countUsers(): Promise<number>;
}

export interface MembershipRecords {
  /** Creates or replaces the membership of a user in an organisation. */
  setMembership(input: { userId: Id; orgId: Id; roles: Role[]; teamIds: Id[] }): Promise<Membership>;
  getMembership(userId: Id, orgId: Id): Promise<Membership | null>;
  listMembershipsForUser(userId: Id): Promise<Membership[]>;
  listMembers(orgId: Id): Promise<Array<{ user: User; membership: Membership }>>;
  /** Keyset pagination over an organisation's members, ordered by user id, for streamed exports. */
  listMembersPage(
    orgId: Id,
    page: { after: Id | null; limit: number },
  ): Promise<Array<{ user: User; membership: Membership }>>;
  removeMembership(userId: Id, orgId: Id): Promise<void>;
  /**
   * Creates every new user and membership, or nothing: any duplicate or invalid row throws before a write
   * (UniqueViolationError for an email already taken in this store).
   */
  importStaff(orgId: Id, members: NewStaffMember[]): Promise<User[]>;
}

export interface SessionRecords {
  createSession(session: Session): Promise<Session>;
  getSession(id: Id): Promise<Session | null>;
  touchSession(id: Id, lastSeenAt: Timestamp): Promise<void>;
  switchSessionOrg(id: Id, orgId: Id): Promise<void>;
  deleteSession(id: Id): Promise<void>;
  /** Revokes every session of a user, optionally keeping one (the one that changed the password). Returns how many went. */
  deleteSessionsForUser(userId: Id, exceptSessionId?: Id): Promise<number>;
  deleteExpiredSessions(now: Timestamp, idleCutoff: Timestamp): Promise<number>;
}

export interface AuditRecords {
  appendAudit(event: Omit<AuditEvent, "id" | "at"> & { at?: Timestamp }): Promise<AuditEvent>;
  /** Newest first. orgId null lists events that belong to no organisation (e.g. unknown-account logins). */
  listAudit(filter: { orgId: Id | null; type?: string; limit?: number }): Promise<AuditEvent[]>;
}

export interface AttemptRecords {
  createAttempt(input: NewAttempt): Promise<Attempt>;
  getAttempt(id: Id): Promise<Attempt | null>;
  /**
   * Applies the patch only if the stored revision equals expectedRevision, then increments the revision.
   * Throws ConflictError otherwise (another request changed the attempt first), NotFoundError if missing.
   */
  updateAttempt(id: Id, expectedRevision: number, patch: AttemptPatch): Promise<Attempt>;
  listAttemptsForUser(userId: Id, orgId: Id): Promise<Attempt[]>;
  /**
   * Every attempt of an organisation without its snapshot (the engine's state, nine tenths of an attempt's size): the
   * dashboards, training status and exports need who, what, when and the result, and at 100,000 attempts copying
   * every snapshot took seconds and hundreds of MB per request.
   */
  listAttemptsForOrg(orgId: Id, filter?: { scenarioId?: string; userIds?: Id[] }): Promise<AttemptSummary[]>;
  listAttemptsForScenario(orgId: Id | null, scenarioId: string): Promise<Attempt[]>;
}

// ----- authored scenarios and versions (authoring studio) -----

export type ScenarioStatus = "draft" | "published" | "archived";
export type ScenarioSourceKind = "blank" | "bundled" | "json" | "twee" | "h5p" | "xstate";

export interface StoredScenario {
  /** The scenario's slug; unique within the organisation. */
  id: string;
  orgId: Id;
  /** draft: never published; published: has versions and shows in the catalogue; archived: hidden, history kept. */
  status: ScenarioStatus;
  /** The scenario JSON being edited. May be invalid: drafts with errors can be saved but not published. */
  draft: unknown;
  /** Incremented on every draft save; a save with an older revision is a conflict (co-authoring). */
  revision: number;
  latestVersion: number | null;
  source: { kind: ScenarioSourceKind; detail: string | null };
  createdBy: Id;
  updatedBy: Id;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ScenarioVersion {
  scenarioId: string;
  /** null for a bundled scenario's version, recorded so attempts stay pinned when the file changes. */
  orgId: Id | null;
  version: number;
  /** A valid scenario JSON, immutable once written. */
  content: unknown;
  publishedAt: Timestamp;
  publishedBy: Id | null;
}

// ----- tracking: assignments, invitations, certificates, xAPI -----

export interface Assignment {
  id: Id;
  orgId: Id;
  scenarioId: string;
  /** The version assigned; a passed attempt on this version or a later one completes it. */
  scenarioVersion: number;
  teamIds: Id[];
  userIds: Id[];
  dueAt: Timestamp;
  assessment: boolean;
  createdBy: Id;
  createdAt: Timestamp;
  archivedAt: Timestamp | null;
}

export interface Invitation {
  /** SHA-256 of the one-time token in the set-password link. */
  id: Id;
  userId: Id;
  orgId: Id;
  createdBy: Id;
  createdAt: Timestamp;
  expiresAt: Timestamp;
  usedAt: Timestamp | null;
}

export interface Certificate {
  /** Short, unguessable code printed on the certificate and used in its verification URL. */
  code: string;
  attemptId: Id;
  orgId: Id;
  userId: Id;
  issuedAt: Timestamp;
}

export interface NewStaffMember {
  email: string;
  name: string;
  roles: Role[];
  teamIds: Id[];
}

export interface ScenarioRecords {
  /** Throws UniqueViolationError (field "id") when the organisation already has a scenario with that id. */
  createScenario(input: {
    orgId: Id;
    id: string;
    draft: unknown;
    createdBy: Id;
    source: StoredScenario["source"];
  }): Promise<StoredScenario>;
  getScenarioRecord(orgId: Id, id: string): Promise<StoredScenario | null>;
  listScenarioRecords(orgId: Id): Promise<StoredScenario[]>;
  /** ConflictError when expectedRevision is not the stored revision (someone else saved first). */
  saveScenarioDraft(input: {
    orgId: Id;
    id: string;
    expectedRevision: number;
    draft: unknown;
    updatedBy: Id;
  }): Promise<StoredScenario>;
  setScenarioStatus(orgId: Id, id: string, status: ScenarioStatus): Promise<StoredScenario>;
  /**
   * Writes an immutable version and marks the scenario published, atomically. ConflictError when expectedRevision
   * is stale or the version number already exists.
   */
  publishScenarioVersion(input: {
    orgId: Id;
    scenarioId: string;
    version: number;
    content: unknown;
    publishedBy: Id;
    expectedRevision: number;
  }): Promise<ScenarioVersion>;
  /** Records a bundled scenario's version (orgId null) if it is not there yet; returns the stored one. */
  ensureBundledVersion(input: { scenarioId: string; version: number; content: unknown }): Promise<ScenarioVersion>;
  getScenarioVersion(orgId: Id | null, scenarioId: string, version: number): Promise<ScenarioVersion | null>;
  listScenarioVersions(orgId: Id | null, scenarioId: string): Promise<ScenarioVersion[]>;
}

export interface AssignmentRecords {
  createAssignment(input: Omit<Assignment, "id" | "createdAt" | "archivedAt">): Promise<Assignment>;
  getAssignment(orgId: Id, id: Id): Promise<Assignment | null>;
  listAssignments(orgId: Id, filter?: { includeArchived?: boolean }): Promise<Assignment[]>;
  archiveAssignment(orgId: Id, id: Id, at: Timestamp): Promise<Assignment>;
}

export interface InvitationRecords {
  createInvitation(invitation: Invitation): Promise<Invitation>;
  getInvitation(id: Id): Promise<Invitation | null>;
  /** ConflictError if it was already used. */
  useInvitation(id: Id, at: Timestamp): Promise<Invitation>;
}

export interface CertificateRecords {
  createCertificate(certificate: Certificate): Promise<Certificate>;
  getCertificate(code: string): Promise<Certificate | null>;
  getCertificateForAttempt(attemptId: Id): Promise<Certificate | null>;
}

// ----- LRS settings and xAPI queue, and login counters: in lrs-types.ts and login-types.ts -----

export type * from "./lrs-types";
export type * from "./login-types";

// ----- live role-play (ADR 0054): its record groups are in live-types.ts -----

export type * from "./live-types";

/**
 * The whole storage interface every adapter implements: one record group per file in each adapter
 * (`lowdb/<group>.server.ts` and `postgres/<group>.server.ts` export `<group>Records(db)`).
 */
export type Store = StoreHandle &
  OrganisationRecords &
  UserRecords &
  MembershipRecords &
  SessionRecords &
  AuditRecords &
  AttemptRecords &
  ScenarioRecords &
  AssignmentRecords &
  InvitationRecords &
  CertificateRecords &
  XapiRecords &
  LoginAttemptRecords &
  LiveRecords &
  LiveSignalRecords;
