-- Login attempt counters shared by every app instance (issue 12): one row per budget an attempt was counted
-- against; a successful login deletes its rows. Old rows are pruned as budgets are checked.
CREATE TABLE login_attempts (
  id text NOT NULL,
  key text NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (id, key)
);
CREATE INDEX login_attempts_key_at ON login_attempts (key, at);
CREATE INDEX login_attempts_at ON login_attempts (at);
-- The audit log keeps its newest events (app/storage/audit-bounds.ts); pruning finds the cut-off by insertion order.
CREATE INDEX audit_events_seq_idx ON audit_events (seq);
