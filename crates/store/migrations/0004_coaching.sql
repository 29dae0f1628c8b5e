-- Schema 4: on-the-job coaching. A session is a fact logged by a coach
-- about a learner; the learner's acknowledgement or dispute is a second
-- fact (at most one per session).

CREATE TABLE coaching_sessions (
    id               TEXT PRIMARY KEY,
    coach_id         TEXT NOT NULL REFERENCES persons(id),
    learner_id       TEXT NOT NULL REFERENCES persons(id),
    course_id        TEXT NOT NULL,
    pack_id          TEXT NOT NULL,
    pack_version     TEXT NOT NULL,
    held_on          TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 1 AND 480),
    setting          TEXT NOT NULL,
    ratings_json     TEXT NOT NULL,
    next_steps       TEXT NOT NULL,
    recorded_at      TEXT NOT NULL,
    CHECK (coach_id <> learner_id),
    FOREIGN KEY (pack_id, pack_version) REFERENCES pack_versions(pack_id, version)
) STRICT;
CREATE INDEX coaching_sessions_learner ON coaching_sessions(learner_id, course_id);
CREATE INDEX coaching_sessions_coach ON coaching_sessions(coach_id);

CREATE TABLE coaching_responses (
    id         TEXT PRIMARY KEY,
    session_id TEXT NOT NULL UNIQUE REFERENCES coaching_sessions(id),
    learner_id TEXT NOT NULL REFERENCES persons(id),
    kind       TEXT NOT NULL CHECK (kind IN ('acknowledged', 'disputed')),
    comment    TEXT NOT NULL,
    at         TEXT NOT NULL
) STRICT;

CREATE TRIGGER coaching_sessions_append_only_update BEFORE UPDATE ON coaching_sessions
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER coaching_sessions_append_only_delete BEFORE DELETE ON coaching_sessions
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER coaching_responses_append_only_update BEFORE UPDATE ON coaching_responses
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER coaching_responses_append_only_delete BEFORE DELETE ON coaching_responses
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
