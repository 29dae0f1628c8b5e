-- Schema 16: item analysis reads one knowledge check's attempts of one
-- pack version, then their saved answers; without this index both mean a
-- walk of every attempt of the organization.
CREATE INDEX quiz_attempts_course ON quiz_attempts(course_id, pack_version);
