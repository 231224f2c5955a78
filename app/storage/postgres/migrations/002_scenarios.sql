-- 002: authored scenarios (drafts being edited, with a revision for co-authoring) and their immutable published
-- versions. Bundled scenarios' versions are recorded with org_id NULL so attempts on them stay pinned when the
-- file in scenarios/ changes.

CREATE TABLE scenarios (
  seq            bigserial NOT NULL,
  org_id         text NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  id             text NOT NULL,
  status         text NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
  draft          jsonb,
  revision       integer NOT NULL DEFAULT 1,
  latest_version integer,
  source_kind    text NOT NULL,
  source_detail  text,
  created_by     text NOT NULL,
  updated_by     text NOT NULL,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  PRIMARY KEY (org_id, id)
);
-- listScenarioRecords(orgId) in creation order; the primary key serves getScenarioRecord.
CREATE INDEX scenarios_org_seq_idx ON scenarios (org_id, seq);

CREATE TABLE scenario_versions (
  seq          bigserial NOT NULL,
  org_id       text REFERENCES organisations (id) ON DELETE CASCADE,
  scenario_id  text NOT NULL,
  version      integer NOT NULL,
  content      jsonb NOT NULL,
  published_at timestamptz NOT NULL,
  published_by text,
  -- One row per (organisation or bundled, scenario, version): versions are written once and never replaced.
  CONSTRAINT scenario_versions_key UNIQUE NULLS NOT DISTINCT (org_id, scenario_id, version)
);
