-- Live role-play (ADR 0054): sessions and ratings are stored records; relayed signals are kept two minutes.
-- A session is stored whole as jsonb (the domain core owns its shape) beside the columns queries filter on.
CREATE TABLE live_sessions (
  id               text PRIMARY KEY,
  seq              bigserial NOT NULL,
  org_id           text NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  code             text NOT NULL,
  status           text NOT NULL CHECK (status IN ('lobby', 'running', 'ended', 'expired')),
  -- Everyone who ever joined, for listLiveSessionsForUser.
  user_ids         text[] NOT NULL DEFAULT '{}',
  record           jsonb NOT NULL,
  revision         integer NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL,
  last_activity_at timestamptz NOT NULL,
  -- The last signal number handed out: an append takes the next ones with UPDATE ... RETURNING, whose row lock
  -- orders concurrent posts, so a reader asking for seq > n never skips a late commit.
  signal_seq       bigint NOT NULL DEFAULT 0
);
-- A join code is unique among open sessions only; ended codes may come round again.
CREATE UNIQUE INDEX live_sessions_open_code ON live_sessions (code) WHERE status IN ('lobby', 'running');
CREATE INDEX live_sessions_org_idx ON live_sessions (org_id, created_at);
CREATE INDEX live_sessions_users_idx ON live_sessions USING gin (user_ids);
CREATE INDEX live_sessions_open_activity ON live_sessions (last_activity_at) WHERE status IN ('lobby', 'running');

CREATE TABLE live_ratings (
  session_id text NOT NULL REFERENCES live_sessions (id) ON DELETE CASCADE,
  user_id    text NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('observer', 'patient')),
  part       text NOT NULL DEFAULT '',
  seq        bigserial NOT NULL,
  org_id     text NOT NULL,
  final      boolean NOT NULL DEFAULT false,
  answers    jsonb,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (session_id, user_id, kind, part)
);

CREATE TABLE live_signals (
  session_id text NOT NULL,
  seq        bigint NOT NULL,
  at         timestamptz NOT NULL,
  from_user  text,
  to_user    text,
  message    jsonb NOT NULL,
  PRIMARY KEY (session_id, seq)
);
CREATE INDEX live_signals_at ON live_signals (at);

ALTER TABLE attempts ADD COLUMN IF NOT EXISTS live_session_id text;
