-- "Say it first" spoken rehearsal: whether the clinician answered aloud before the written responses appeared.
ALTER TABLE attempts ADD COLUMN IF NOT EXISTS say_it_first boolean NOT NULL DEFAULT false;
