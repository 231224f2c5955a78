-- 001: the first Webside schema: organisations, teams, users, memberships, sessions, audit events, attempts.
-- Ids are text so records copied from a lowdb file keep theirs. Timestamps are timestamptz and are always
-- written by the app (ISO strings), never by now(), so both adapters return identical values.
-- seq columns record insertion order: lists come back in the order records were created (as lowdb's arrays
-- do), even when two share a millisecond.

CREATE TABLE organisations (
  id         text PRIMARY KEY,
  seq        bigserial NOT NULL,
  name       text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX organisations_seq_idx ON organisations (seq);

CREATE TABLE teams (
  id         text PRIMARY KEY,
  seq        bigserial NOT NULL,
  org_id     text NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  name       text NOT NULL,
  created_at timestamptz NOT NULL
);
-- listTeams(orgId), getTeam(orgId, teamId)
CREATE INDEX teams_org_idx ON teams (org_id, seq);

CREATE TABLE users (
  id            text PRIMARY KEY,
  seq           bigserial NOT NULL,
  email         text NOT NULL,
  name          text NOT NULL,
  password_hash text,
  active        boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL
);
-- getUserByEmail and the case-insensitive uniqueness rule share one index.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE memberships (
  seq        bigserial NOT NULL,
  user_id    text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  org_id     text NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  roles      text[] NOT NULL,
  team_ids   text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, org_id)
);
-- listMembers(orgId); the primary key serves getMembership and listMembershipsForUser.
CREATE INDEX memberships_org_idx ON memberships (org_id, seq);

CREATE TABLE sessions (
  id           text PRIMARY KEY,
  user_id      text NOT NULL,
  org_id       text NOT NULL,
  created_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL
);
-- deleteSessionsForUser; deleteExpiredSessions scans by either expiry.
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);
CREATE INDEX sessions_last_seen_idx ON sessions (last_seen_at);

CREATE TABLE audit_events (
  id       text PRIMARY KEY,
  seq      bigserial NOT NULL,
  at       timestamptz NOT NULL,
  org_id   text,
  actor_id text,
  type     text NOT NULL,
  detail   jsonb NOT NULL DEFAULT '{}'
);
-- listAudit({ orgId, type? }) newest first; events with no organisation get their own partial indexes.
CREATE INDEX audit_org_at_idx ON audit_events (org_id, at DESC, seq DESC);
CREATE INDEX audit_org_type_at_idx ON audit_events (org_id, type, at DESC, seq DESC);
CREATE INDEX audit_no_org_at_idx ON audit_events (at DESC, seq DESC) WHERE org_id IS NULL;
CREATE INDEX audit_no_org_type_at_idx ON audit_events (type, at DESC, seq DESC) WHERE org_id IS NULL;

CREATE TABLE attempts (
  id                text PRIMARY KEY,
  seq               bigserial NOT NULL,
  org_id            text NOT NULL,
  user_id           text NOT NULL,
  scenario_id       text NOT NULL,
  scenario_version  integer NOT NULL,
  mode              text NOT NULL CHECK (mode IN ('learning', 'assessment')),
  status            text NOT NULL CHECK (status IN ('in-progress', 'completed', 'abandoned')),
  snapshot          jsonb,
  step              integer NOT NULL DEFAULT 0,
  path              jsonb NOT NULL DEFAULT '[]',
  confidence_before double precision,
  confidence_after  double precision,
  reflection        text,
  result            jsonb,
  presence          jsonb,
  assignment_id     text,
  started_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  completed_at      timestamptz
);
-- listAttemptsForUser(userId, orgId), listAttemptsForOrg(orgId, { userIds? }),
-- listAttemptsForOrg(orgId, { scenarioId }) and listAttemptsForScenario(orgId | null, scenarioId).
CREATE INDEX attempts_user_org_idx ON attempts (user_id, org_id, seq);
CREATE INDEX attempts_org_idx ON attempts (org_id, seq);
CREATE INDEX attempts_org_scenario_idx ON attempts (org_id, scenario_id, seq);
CREATE INDEX attempts_scenario_idx ON attempts (scenario_id, seq);
