-- Schema 13: indexes that let the organization-wide views read facts
-- without touching the large columns of each row.
--
-- A submission's `result_json` (feedback on every item, in every language)
-- is stored before `at`, so reading `at` from the table walks the result's
-- overflow pages; the rules need only the score, the pass and the time,
-- which this index covers.
CREATE INDEX quiz_submissions_summary ON quiz_submissions(attempt_id, percent, passed, at);

-- Lessons done, without the opened events around them.
CREATE INDEX lesson_events_done ON lesson_events(person_id, course_id, lesson_id)
    WHERE kind = 'done';
