-- Schema 8: teams for the Level 2 team synthesis. A coach or manager forms
-- a team for a course; its members share one submission (and its review).

CREATE TABLE teams (
    id        TEXT PRIMARY KEY,
    course_id TEXT NOT NULL,
    name      TEXT NOT NULL,
    formed_by TEXT NOT NULL REFERENCES persons(id),
    at        TEXT NOT NULL
) STRICT;

CREATE TABLE team_members (
    team_id   TEXT NOT NULL REFERENCES teams(id),
    person_id TEXT NOT NULL REFERENCES persons(id),
    PRIMARY KEY (team_id, person_id)
) STRICT;

-- A team's submission names its team; individual ones leave it empty.
ALTER TABLE assignment_submissions ADD COLUMN team_id TEXT REFERENCES teams(id);

CREATE TRIGGER teams_append_only_update BEFORE UPDATE ON teams
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER teams_append_only_delete BEFORE DELETE ON teams
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER team_members_append_only_update BEFORE UPDATE ON team_members
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER team_members_append_only_delete BEFORE DELETE ON team_members
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
