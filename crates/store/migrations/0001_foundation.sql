-- Foundation schema: organization, people, local accounts, roles, sessions,
-- content-pack versions and the first append-only fact (course completions).
-- Ids are UUID v7 text (never auto-increment) so desktops can merge facts by
-- set union later.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE org_units (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    parent_id TEXT REFERENCES org_units(id),
    time_zone TEXT NOT NULL
) STRICT;

-- Mutable profile from HR: the last HR import wins (updated_at says when).
CREATE TABLE persons (
    id              TEXT PRIMARY KEY,
    employee_number TEXT NOT NULL UNIQUE,
    display_name    TEXT NOT NULL,
    org_unit_id     TEXT REFERENCES org_units(id),
    manager_id      TEXT REFERENCES persons(id),
    home_track      TEXT,
    language        TEXT NOT NULL DEFAULT 'en',
    updated_at      TEXT NOT NULL
) STRICT;

CREATE TABLE accounts (
    person_id       TEXT PRIMARY KEY REFERENCES persons(id),
    username        TEXT NOT NULL UNIQUE,
    password_hash   TEXT NOT NULL,
    disabled        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL
) STRICT;

CREATE TABLE role_grants (
    person_id  TEXT NOT NULL REFERENCES persons(id),
    role       TEXT NOT NULL CHECK (role IN ('learner', 'coach', 'manager', 'course_designer', 'administrator')),
    granted_by TEXT,
    granted_at TEXT NOT NULL,
    PRIMARY KEY (person_id, role)
) STRICT;

-- Failed sign-ins in a row, keyed by the SHA-256 of the normalized username
-- typed, whether or not such an account exists: a locked name looks the same
-- either way, so the lock does not reveal which usernames are real, and a
-- password typed into the username field is not kept in clear.
CREATE TABLE sign_in_failures (
    username        TEXT PRIMARY KEY,
    failed_attempts INTEGER NOT NULL,
    last_failed_at  TEXT NOT NULL
) STRICT;

-- Only a hash of the session token is stored: a copied database file does
-- not hand out live sessions.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    person_id  TEXT NOT NULL REFERENCES persons(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    ended_at   TEXT
) STRICT;

-- Each published pack version is immutable and identified by its hash.
CREATE TABLE pack_versions (
    pack_id      TEXT NOT NULL,
    version      TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    status       TEXT NOT NULL,
    body_json    TEXT NOT NULL,
    loaded_at    TEXT NOT NULL,
    PRIMARY KEY (pack_id, version)
) STRICT;

-- Fact: a course recorded as completed (demo data, prior-learning records).
CREATE TABLE course_completions (
    id           TEXT PRIMARY KEY,
    person_id    TEXT NOT NULL REFERENCES persons(id),
    course_id    TEXT NOT NULL,
    pack_id      TEXT NOT NULL,
    pack_version TEXT NOT NULL,
    source       TEXT NOT NULL,
    recorded_by  TEXT,
    recorded_at  TEXT NOT NULL,
    FOREIGN KEY (pack_id, pack_version) REFERENCES pack_versions(pack_id, version)
) STRICT;
CREATE INDEX course_completions_person ON course_completions(person_id);

CREATE TRIGGER course_completions_append_only_update BEFORE UPDATE ON course_completions
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER course_completions_append_only_delete BEFORE DELETE ON course_completions
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
