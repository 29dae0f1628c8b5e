-- Schema 9: where a learner stopped reading inside a lesson, so the lesson
-- reopens there. A bookmark, not evidence: one row per person and lesson,
-- overwritten as they read (certification never looks at it).
CREATE TABLE lesson_positions (
    person_id  TEXT NOT NULL REFERENCES persons(id),
    lesson_id  TEXT NOT NULL,
    -- How far down the lesson, in thousandths of its length.
    permille   INTEGER NOT NULL CHECK (permille BETWEEN 0 AND 1000),
    at         TEXT NOT NULL,
    PRIMARY KEY (person_id, lesson_id)
) STRICT;
