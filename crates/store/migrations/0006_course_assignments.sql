-- Schema 6: a manager assigns a course to one of their staff with a due
-- date (a date in the employee's office time zone). Append-only: assigning
-- again records a new due date; the latest counts.

CREATE TABLE course_assignments (
    id          TEXT PRIMARY KEY,
    person_id   TEXT NOT NULL REFERENCES persons(id),
    course_id   TEXT NOT NULL,
    due_on      TEXT NOT NULL,
    note        TEXT NOT NULL,
    assigned_by TEXT NOT NULL REFERENCES persons(id),
    at          TEXT NOT NULL,
    CHECK (person_id <> assigned_by)
) STRICT;
CREATE INDEX course_assignments_person ON course_assignments(person_id, course_id, at);

CREATE TRIGGER course_assignments_append_only_update BEFORE UPDATE ON course_assignments
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER course_assignments_append_only_delete BEFORE DELETE ON course_assignments
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
