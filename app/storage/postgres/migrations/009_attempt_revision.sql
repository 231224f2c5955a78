-- The attempts' optimistic-concurrency counter is a revision of the record, not the clinician's step (their
-- position is the path); the column says so. The values carry over unchanged.
ALTER TABLE attempts RENAME COLUMN step TO revision;
