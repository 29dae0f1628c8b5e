-- Schema 12: who may act on whom, and grants the audit chain vouches for.

-- A manager pairs a coach with one of their staff (a coach from another
-- office, typically), for a period. Ending a pairing early is a second
-- fact; neither is ever changed.
CREATE TABLE coach_pairings (
    id         TEXT PRIMARY KEY,
    coach_id   TEXT NOT NULL REFERENCES persons(id),
    learner_id TEXT NOT NULL REFERENCES persons(id),
    paired_by  TEXT NOT NULL REFERENCES persons(id),
    starts_on  TEXT NOT NULL,
    ends_on    TEXT,
    at         TEXT NOT NULL,
    CHECK (coach_id <> learner_id),
    CHECK (ends_on IS NULL OR starts_on <= ends_on)
) STRICT;
CREATE INDEX coach_pairings_coach ON coach_pairings(coach_id);
CREATE INDEX coach_pairings_learner ON coach_pairings(learner_id);

CREATE TABLE coach_pairing_ends (
    pairing_id TEXT PRIMARY KEY REFERENCES coach_pairings(id),
    ended_by   TEXT NOT NULL REFERENCES persons(id),
    ended_on   TEXT NOT NULL,
    at         TEXT NOT NULL
) STRICT;

CREATE TRIGGER coach_pairings_append_only_update BEFORE UPDATE ON coach_pairings
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER coach_pairings_append_only_delete BEFORE DELETE ON coach_pairings
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER coach_pairing_ends_append_only_update BEFORE UPDATE ON coach_pairing_ends
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER coach_pairing_ends_append_only_delete BEFORE DELETE ON coach_pairing_ends
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;

-- Scope questions walk the org structure: whose manager, which office.
CREATE INDEX persons_manager ON persons(manager_id);
CREATE INDEX persons_org_unit ON persons(org_unit_id);

-- A role grant or a certification decision counts only when the audit
-- chain records it: these find a grant's or a decision's audit row.
CREATE INDEX audit_log_role_person ON audit_log(json_extract(details_json, '$.person'))
    WHERE action IN ('roles.granted', 'roles.adopted');
CREATE INDEX audit_log_request ON audit_log(json_extract(details_json, '$.request'))
    WHERE action IN ('certification.approved', 'certification.returned', 'certification.adopted');

-- Grants and decisions written before this schema without an audit row
-- (the demo organization's) are adopted into the chain by this
-- migration's hook, once: from here on, one without its audit row is
-- ignored and reported.
