-- Schema 7: observed and secret-shopper assessments (Level 3), scored on
-- the exam's observation rubric. Append-only facts.

CREATE TABLE observations (
    id           TEXT PRIMARY KEY,
    assessor_id  TEXT NOT NULL REFERENCES persons(id),
    learner_id   TEXT NOT NULL REFERENCES persons(id),
    course_id    TEXT NOT NULL,
    pack_id      TEXT NOT NULL,
    pack_version TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('observed', 'secret_shopper')),
    held_on      TEXT NOT NULL,
    scores_json  TEXT NOT NULL,
    notes        TEXT NOT NULL,
    passed       INTEGER NOT NULL CHECK (passed IN (0, 1)),
    recorded_at  TEXT NOT NULL,
    CHECK (assessor_id <> learner_id),
    FOREIGN KEY (pack_id, pack_version) REFERENCES pack_versions(pack_id, version)
) STRICT;
CREATE INDEX observations_learner ON observations(learner_id, course_id);

CREATE TRIGGER observations_append_only_update BEFORE UPDATE ON observations
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER observations_append_only_delete BEFORE DELETE ON observations
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
