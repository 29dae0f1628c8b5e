-- Schema 5: Level 2 assignments. A submission (with its attachments) and
-- its review are facts; a returned assignment is resubmitted as a new
-- submission, so the whole exchange stays on record.

CREATE TABLE assignment_submissions (
    id            TEXT PRIMARY KEY,
    person_id     TEXT NOT NULL REFERENCES persons(id),
    course_id     TEXT NOT NULL,
    assignment_id TEXT NOT NULL,
    pack_id       TEXT NOT NULL,
    pack_version  TEXT NOT NULL,
    body          TEXT NOT NULL,
    submitted_at  TEXT NOT NULL,
    FOREIGN KEY (pack_id, pack_version) REFERENCES pack_versions(pack_id, version)
) STRICT;
CREATE INDEX assignment_submissions_person ON assignment_submissions(person_id, course_id);

CREATE TABLE submission_files (
    id            TEXT PRIMARY KEY,
    submission_id TEXT NOT NULL REFERENCES assignment_submissions(id),
    name          TEXT NOT NULL,
    size          INTEGER NOT NULL,
    bytes         BLOB NOT NULL
) STRICT;

CREATE TABLE assignment_reviews (
    id            TEXT PRIMARY KEY,
    submission_id TEXT NOT NULL UNIQUE REFERENCES assignment_submissions(id),
    reviewer_id   TEXT NOT NULL REFERENCES persons(id),
    scores_json   TEXT NOT NULL,
    comment       TEXT NOT NULL,
    outcome       TEXT NOT NULL CHECK (outcome IN ('accepted', 'returned')),
    at            TEXT NOT NULL
) STRICT;

CREATE TRIGGER assignment_submissions_append_only_update BEFORE UPDATE ON assignment_submissions
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER assignment_submissions_append_only_delete BEFORE DELETE ON assignment_submissions
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER submission_files_append_only_update BEFORE UPDATE ON submission_files
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER submission_files_append_only_delete BEFORE DELETE ON submission_files
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER assignment_reviews_append_only_update BEFORE UPDATE ON assignment_reviews
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER assignment_reviews_append_only_delete BEFORE DELETE ON assignment_reviews
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
