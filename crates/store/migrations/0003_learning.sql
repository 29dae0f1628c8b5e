-- Schema 3: a learner's own work, as append-only facts. Each names the
-- pack version it was made against.

-- A lesson opened (for resuming) or marked done.
CREATE TABLE lesson_events (
    id           TEXT PRIMARY KEY,
    person_id    TEXT NOT NULL REFERENCES persons(id),
    course_id    TEXT NOT NULL,
    lesson_id    TEXT NOT NULL,
    pack_id      TEXT NOT NULL,
    pack_version TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('opened', 'done')),
    at           TEXT NOT NULL,
    FOREIGN KEY (pack_id, pack_version) REFERENCES pack_versions(pack_id, version)
) STRICT;
CREATE INDEX lesson_events_person ON lesson_events(person_id, course_id, at);

-- A knowledge-check attempt started; answers are saved as they are given
-- (the latest per item counts) so an attempt survives the app closing.
CREATE TABLE quiz_attempts (
    id           TEXT PRIMARY KEY,
    person_id    TEXT NOT NULL REFERENCES persons(id),
    course_id    TEXT NOT NULL,
    pack_id      TEXT NOT NULL,
    pack_version TEXT NOT NULL,
    started_at   TEXT NOT NULL,
    FOREIGN KEY (pack_id, pack_version) REFERENCES pack_versions(pack_id, version)
) STRICT;
CREATE INDEX quiz_attempts_person ON quiz_attempts(person_id, course_id);

CREATE TABLE quiz_answers (
    id          TEXT PRIMARY KEY,
    attempt_id  TEXT NOT NULL REFERENCES quiz_attempts(id),
    item_id     TEXT NOT NULL,
    answer_json TEXT NOT NULL,
    at          TEXT NOT NULL
) STRICT;
CREATE INDEX quiz_answers_attempt ON quiz_answers(attempt_id, at);

CREATE TABLE quiz_submissions (
    attempt_id  TEXT PRIMARY KEY REFERENCES quiz_attempts(id),
    percent     INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
    passed      INTEGER NOT NULL CHECK (passed IN (0, 1)),
    result_json TEXT NOT NULL,
    at          TEXT NOT NULL
) STRICT;

-- A communication-style self-assessment answered.
CREATE TABLE style_responses (
    id            TEXT PRIMARY KEY,
    person_id     TEXT NOT NULL REFERENCES persons(id),
    assessment_id TEXT NOT NULL,
    course_id     TEXT NOT NULL,
    pack_id       TEXT NOT NULL,
    pack_version  TEXT NOT NULL,
    ratings_json  TEXT NOT NULL,
    profile       TEXT NOT NULL,
    at            TEXT NOT NULL,
    FOREIGN KEY (pack_id, pack_version) REFERENCES pack_versions(pack_id, version)
) STRICT;
CREATE INDEX style_responses_person ON style_responses(person_id, at);

CREATE TRIGGER lesson_events_append_only_update BEFORE UPDATE ON lesson_events
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER lesson_events_append_only_delete BEFORE DELETE ON lesson_events
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER quiz_attempts_append_only_update BEFORE UPDATE ON quiz_attempts
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER quiz_attempts_append_only_delete BEFORE DELETE ON quiz_attempts
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER quiz_answers_append_only_update BEFORE UPDATE ON quiz_answers
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER quiz_answers_append_only_delete BEFORE DELETE ON quiz_answers
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER quiz_submissions_append_only_update BEFORE UPDATE ON quiz_submissions
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER quiz_submissions_append_only_delete BEFORE DELETE ON quiz_submissions
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER style_responses_append_only_update BEFORE UPDATE ON style_responses
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER style_responses_append_only_delete BEFORE DELETE ON style_responses
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
