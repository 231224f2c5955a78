// The storage interface: every record Webside keeps and the typed functions that read and write them.
// Routes and the CLI only ever talk to a `Store`; lowdb and PostgreSQL adapters implement it.

export const ROLES = ["clinician", "educator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export type Id = string;
/** ISO-8601 timestamps everywhere, so records compare and serialise the same in both adapters. */
export type Timestamp = string;

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

export interface Attempt {
  id: Id;
  orgId: Id;
  userId: Id;
  scenarioId: string;
  scenarioVersion: number;
  mode: AttemptMode;
  status: AttemptStatus;
  /** The XState persisted snapshot (JSON). Opaque to storage. */
  snapshot: unknown;
  /** Incremented on every successful update; used for optimistic concurrency (stale choices). */
  step: number;
  /** Node ids visited in order, kept beside the snapshot for analytics and resume. */
  path: string[];
  confidenceBefore: number | null;
  confidenceAfter: number | null;
  reflection: string | null;
  result: AttemptResult | null;
  /** Camera presence summary (numbers only, validated by app/core/feedback). */
  presence: unknown | null;
  assignmentId: Id | null;
  startedAt: Timestamp;
  updatedAt: Timestamp;
  completedAt: Timestamp | null;
}

export interface HealthStatus {
  ok: boolean;
  kind: "lowdb" | "postgres";
  detail: string;
}

export type NewAttempt = Omit<Attempt, "id" | "step" | "startedAt" | "updatedAt" | "completedAt" | "status"> & {
  status?: AttemptStatus;
};

export type AttemptPatch = Partial<
  Pick<
    Attempt,
    "snapshot" | "path" | "status" | "confidenceAfter" | "reflection" | "result" | "presence" | "completedAt"
  >
>;

export interface Store {
  readonly kind: "lowdb" | "postgres";
  health(): Promise<HealthStatus>;
  close(): Promise<void>;

  // organisations and teams
  createOrganisation(input: { name: string }): Promise<Organisation>;
  getOrganisation(id: Id): Promise<Organisation | null>;
  listOrganisations(): Promise<Organisation[]>;
  createTeam(input: { orgId: Id; name: string }): Promise<Team>;
  listTeams(orgId: Id): Promise<Team[]>;
  getTeam(orgId: Id, teamId: Id): Promise<Team | null>;
  renameTeam(orgId: Id, teamId: Id, name: string): Promise<Team>;

  // users and memberships
  /** Throws UniqueViolationError when the email is taken (case-insensitive). */
  createUser(input: { email: string; name: string; passwordHash: string | null }): Promise<User>;
  getUser(id: Id): Promise<User | null>;
  getUserByEmail(email: string): Promise<User | null>;
  updateUser(id: Id, patch: Partial<Pick<User, "name" | "email" | "passwordHash" | "active">>): Promise<User>;
  countUsers(): Promise<number>;
  /** Creates or replaces the membership of a user in an organisation. */
  setMembership(input: { userId: Id; orgId: Id; roles: Role[]; teamIds: Id[] }): Promise<Membership>;
  getMembership(userId: Id, orgId: Id): Promise<Membership | null>;
  listMembershipsForUser(userId: Id): Promise<Membership[]>;
  listMembers(orgId: Id): Promise<Array<{ user: User; membership: Membership }>>;
  removeMembership(userId: Id, orgId: Id): Promise<void>;

  // sessions
  createSession(session: Session): Promise<Session>;
  getSession(id: Id): Promise<Session | null>;
  touchSession(id: Id, lastSeenAt: Timestamp): Promise<void>;
  switchSessionOrg(id: Id, orgId: Id): Promise<void>;
  deleteSession(id: Id): Promise<void>;
  /** Revokes every session of a user, optionally keeping one (the one that changed the password). Returns how many went. */
  deleteSessionsForUser(userId: Id, exceptSessionId?: Id): Promise<number>;
  deleteExpiredSessions(now: Timestamp, idleCutoff: Timestamp): Promise<number>;

  // audit
  appendAudit(event: Omit<AuditEvent, "id" | "at"> & { at?: Timestamp }): Promise<AuditEvent>;
  /** Newest first. orgId null lists events that belong to no organisation (e.g. unknown-account logins). */
  listAudit(filter: { orgId: Id | null; type?: string; limit?: number }): Promise<AuditEvent[]>;

  // attempts
  createAttempt(input: NewAttempt): Promise<Attempt>;
  getAttempt(id: Id): Promise<Attempt | null>;
  /**
   * Applies the patch only if the stored step equals expectedStep, then increments step.
   * Throws ConflictError otherwise (another request moved the attempt on), NotFoundError if missing.
   */
  updateAttempt(id: Id, expectedStep: number, patch: AttemptPatch): Promise<Attempt>;
  listAttemptsForUser(userId: Id, orgId: Id): Promise<Attempt[]>;
  listAttemptsForOrg(orgId: Id, filter?: { scenarioId?: string; userIds?: Id[] }): Promise<Attempt[]>;
  listAttemptsForScenario(orgId: Id | null, scenarioId: string): Promise<Attempt[]>;
}
