-- Schema 10: certification. Requests, decisions and revocations are
-- append-only facts; a person's certification status is derived from them.
-- Every one of them (and delegations, role grants, pack publishes) also
-- goes into a hash-chained audit log.

-- From HR: the person holds an entry-level program manager position, for
-- whom Mastery Levels 1 and 2 are mandatory.
ALTER TABLE persons ADD COLUMN entry_level_program_manager INTEGER NOT NULL DEFAULT 0
    CHECK (entry_level_program_manager IN (0, 1));

CREATE TABLE certification_requests (
    id            TEXT PRIMARY KEY,
    person_id     TEXT NOT NULL REFERENCES persons(id),
    track         TEXT NOT NULL,
    level         INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
    course_id     TEXT NOT NULL,
    pack_id       TEXT NOT NULL,
    pack_version  TEXT NOT NULL,
    -- A snapshot of the evidence when the request was made.
    evidence_json TEXT NOT NULL,
    requested_at  TEXT NOT NULL,
    FOREIGN KEY (pack_id, pack_version) REFERENCES pack_versions(pack_id, version)
) STRICT;
CREATE INDEX certification_requests_person ON certification_requests(person_id, track, level);

-- One decision per request: approved (a period of certification) or
-- returned with a reason. A returned request stays returned; the learner
-- makes a new request.
CREATE TABLE certification_decisions (
    request_id  TEXT PRIMARY KEY REFERENCES certification_requests(id),
    id          TEXT NOT NULL UNIQUE,
    decided_by  TEXT NOT NULL REFERENCES persons(id),
    -- 'manager' or the id of the manager whose delegate decided.
    authority   TEXT NOT NULL,
    decision    TEXT NOT NULL CHECK (decision IN ('approved', 'returned')),
    reason      TEXT NOT NULL,
    valid_from  TEXT,
    valid_until TEXT,
    decided_at  TEXT NOT NULL,
    CHECK ((decision = 'approved') = (valid_from IS NOT NULL AND valid_until IS NOT NULL)),
    CHECK (decision = 'approved' OR length(reason) > 0)
) STRICT;

CREATE TABLE certification_revocations (
    request_id TEXT PRIMARY KEY REFERENCES certification_decisions(request_id),
    id         TEXT NOT NULL UNIQUE,
    revoked_by TEXT NOT NULL REFERENCES persons(id),
    reason     TEXT NOT NULL CHECK (length(reason) > 0),
    at         TEXT NOT NULL
) STRICT;

-- A manager names a delegate to decide on their staff's requests for a
-- period (dates inclusive, in the manager's office).
CREATE TABLE approval_delegations (
    id          TEXT PRIMARY KEY,
    manager_id  TEXT NOT NULL REFERENCES persons(id),
    delegate_id TEXT NOT NULL REFERENCES persons(id),
    starts_on   TEXT NOT NULL,
    ends_on     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    CHECK (starts_on <= ends_on),
    CHECK (manager_id <> delegate_id)
) STRICT;

-- The audit chain: each row's hash covers its content and the previous
-- row's hash, so altering or removing a row breaks every link after it.
CREATE TABLE audit_log (
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    at           TEXT NOT NULL,
    actor_id     TEXT,
    action       TEXT NOT NULL,
    subject      TEXT NOT NULL,
    details_json TEXT NOT NULL,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL
) STRICT;

CREATE TRIGGER certification_requests_append_only_update BEFORE UPDATE ON certification_requests
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER certification_requests_append_only_delete BEFORE DELETE ON certification_requests
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER certification_decisions_append_only_update BEFORE UPDATE ON certification_decisions
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER certification_decisions_append_only_delete BEFORE DELETE ON certification_decisions
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER certification_revocations_append_only_update BEFORE UPDATE ON certification_revocations
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER certification_revocations_append_only_delete BEFORE DELETE ON certification_revocations
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER approval_delegations_append_only_update BEFORE UPDATE ON approval_delegations
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER approval_delegations_append_only_delete BEFORE DELETE ON approval_delegations
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
