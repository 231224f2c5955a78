-- 003: tracking for trusts: assignments, invitations, CPD certificates, per-organisation settings (the LRS) and the
-- queue of xAPI statements waiting to be sent. Timestamps are written by the app, as in 001.

CREATE TABLE assignments (
  id               text PRIMARY KEY,
  seq              bigserial NOT NULL,
  org_id           text NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  scenario_id      text NOT NULL,
  scenario_version integer NOT NULL,
  team_ids         text[] NOT NULL DEFAULT '{}',
  user_ids         text[] NOT NULL DEFAULT '{}',
  due_at           timestamptz NOT NULL,
  assessment       boolean NOT NULL DEFAULT false,
  created_by       text NOT NULL,
  created_at       timestamptz NOT NULL,
  archived_at      timestamptz
);
-- listAssignments(orgId) in creation order; getAssignment uses the primary key and checks org_id.
CREATE INDEX assignments_org_idx ON assignments (org_id, seq);

CREATE TABLE invitations (
  id         text PRIMARY KEY,
  user_id    text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  org_id     text NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);

CREATE TABLE certificates (
  code       text PRIMARY KEY,
  -- One certificate per attempt: issued once, then only ever looked up.
  attempt_id text NOT NULL UNIQUE,
  org_id     text NOT NULL,
  user_id    text NOT NULL,
  issued_at  timestamptz NOT NULL
);

CREATE TABLE org_settings (
  org_id     text PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
  -- { endpoint, username, password }; read only by the server.
  lrs        jsonb,
  updated_at timestamptz NOT NULL
);

CREATE TABLE xapi_queue (
  id          text PRIMARY KEY,
  seq         bigserial NOT NULL,
  org_id      text NOT NULL,
  statement   jsonb NOT NULL,
  tries       integer NOT NULL DEFAULT 0,
  next_try_at timestamptz NOT NULL,
  last_error  text,
  created_at  timestamptz NOT NULL,
  sent_at     timestamptz
);
-- listDueXapi(now) looks only at unsent items; listXapiQueue(orgId) lists newest first.
CREATE INDEX xapi_queue_due_idx ON xapi_queue (next_try_at, created_at, seq) WHERE sent_at IS NULL;
CREATE INDEX xapi_queue_org_idx ON xapi_queue (org_id, seq DESC);

-- listMembersPage(orgId, { after }) walks an organisation's members by user id in byte order (exports of 10,000).
CREATE INDEX memberships_org_user_idx ON memberships (org_id, user_id COLLATE "C");
