-- Schema 15: classes, and the post-class survey kept apart from identity.

-- A class: an in-class session of a course, taught from one pack version.
CREATE TABLE classes (
    id             TEXT PRIMARY KEY,
    course_id      TEXT NOT NULL,
    pack_id        TEXT NOT NULL,
    pack_version   TEXT NOT NULL,
    office_id      TEXT REFERENCES org_units(id),
    starts_at      TEXT NOT NULL,
    ends_at        TEXT NOT NULL,
    place          TEXT NOT NULL,
    facilitator_id TEXT NOT NULL REFERENCES persons(id),
    capacity       INTEGER NOT NULL CHECK (capacity > 0),
    scheduled_by   TEXT NOT NULL REFERENCES persons(id),
    scheduled_at   TEXT NOT NULL,
    FOREIGN KEY (pack_id, pack_version) REFERENCES pack_versions(pack_id, version)
) STRICT;
CREATE INDEX classes_course ON classes(course_id, starts_at);
CREATE TRIGGER classes_append_only_update BEFORE UPDATE ON classes
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER classes_append_only_delete BEFORE DELETE ON classes
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;

CREATE TABLE class_cancellations (
    class_id     TEXT PRIMARY KEY REFERENCES classes(id),
    cancelled_by TEXT NOT NULL REFERENCES persons(id),
    reason       TEXT NOT NULL,
    at           TEXT NOT NULL
) STRICT;
CREATE TRIGGER class_cancellations_append_only_update BEFORE UPDATE ON class_cancellations
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER class_cancellations_append_only_delete BEFORE DELETE ON class_cancellations
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;

-- Enrolments and withdrawals, in time order: the seats and the waiting list
-- are derived from them (mastery_domain::classes::roster).
CREATE TABLE class_enrolments (
    id        TEXT PRIMARY KEY,
    class_id  TEXT NOT NULL REFERENCES classes(id),
    person_id TEXT NOT NULL REFERENCES persons(id),
    enrolled  INTEGER NOT NULL CHECK (enrolled IN (0, 1)),
    by_id     TEXT NOT NULL REFERENCES persons(id),
    at        TEXT NOT NULL
) STRICT;
CREATE INDEX class_enrolments_class ON class_enrolments(class_id, at);
CREATE INDEX class_enrolments_person ON class_enrolments(person_id);
CREATE TRIGGER class_enrolments_append_only_update BEFORE UPDATE ON class_enrolments
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER class_enrolments_append_only_delete BEFORE DELETE ON class_enrolments
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;

-- Attendance marks (the latest mark for a person counts).
CREATE TABLE class_attendance (
    id        TEXT PRIMARY KEY,
    class_id  TEXT NOT NULL REFERENCES classes(id),
    person_id TEXT NOT NULL REFERENCES persons(id),
    present   INTEGER NOT NULL CHECK (present IN (0, 1)),
    by_id     TEXT NOT NULL REFERENCES persons(id),
    at        TEXT NOT NULL
) STRICT;
CREATE INDEX class_attendance_class ON class_attendance(class_id, person_id, at);
CREATE TRIGGER class_attendance_append_only_update BEFORE UPDATE ON class_attendance
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER class_attendance_append_only_delete BEFORE DELETE ON class_attendance
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;

-- That a person answered (or declined) a survey: only to stop asking them.
-- No link to the response: which of a class's responses is theirs cannot
-- be told.
CREATE TABLE survey_answered (
    person_id TEXT NOT NULL REFERENCES persons(id),
    -- The class, or 'course:<course>@<version>' for an online completion.
    occasion  TEXT NOT NULL,
    declined  INTEGER NOT NULL CHECK (declined IN (0, 1)),
    PRIMARY KEY (person_id, occasion)
) STRICT;

-- The responses, apart from identity: no person, no time, and a random key
-- (no row id), so neither the columns nor the storage order says who
-- answered or when.
CREATE TABLE survey_responses (
    id             TEXT PRIMARY KEY,
    survey_id      TEXT NOT NULL,
    course_id      TEXT NOT NULL,
    pack_id        TEXT NOT NULL,
    pack_version   TEXT NOT NULL,
    class_id       TEXT REFERENCES classes(id),
    office_id      TEXT,
    facilitator_id TEXT,
    answers_json   TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX survey_responses_course ON survey_responses(course_id, pack_version);
CREATE TRIGGER survey_responses_append_only_update BEFORE UPDATE ON survey_responses
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER survey_responses_append_only_delete BEFORE DELETE ON survey_responses
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
