-- Schema 14: the link with HR.
--
-- People leave and come back: a person is deactivated, never deleted, and
-- everything they did stays. `from_hr` marks people an HR roster brought
-- in (only they are deactivated when a full roster no longer lists them);
-- `manager_number` keeps the manager HR named while that person is not yet
-- known here ("manager unresolved"); `hr_id` is the person's resource id at
-- the SCIM server.
ALTER TABLE persons ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
ALTER TABLE persons ADD COLUMN from_hr INTEGER NOT NULL DEFAULT 0 CHECK (from_hr IN (0, 1));
ALTER TABLE persons ADD COLUMN manager_number TEXT;
ALTER TABLE persons ADD COLUMN hr_id TEXT;

-- Each applied roster import, with its counts (also in the audit chain).
CREATE TABLE hr_imports (
    id          TEXT PRIMARY KEY,
    source      TEXT NOT NULL CHECK (source IN ('csv', 'scim')),
    imported_by TEXT REFERENCES persons(id),
    imported_at TEXT NOT NULL,
    added       INTEGER NOT NULL,
    changed     INTEGER NOT NULL,
    deactivated INTEGER NOT NULL,
    reactivated INTEGER NOT NULL,
    refused     INTEGER NOT NULL,
    unresolved  INTEGER NOT NULL
) STRICT;
CREATE TRIGGER hr_imports_append_only_update BEFORE UPDATE ON hr_imports
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER hr_imports_append_only_delete BEFORE DELETE ON hr_imports
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;

-- One-time codes with which a new person sets their own password. Only the
-- SHA-256 of a code is kept (codes are random, 50 bits, and expire).
CREATE TABLE activation_codes (
    person_id  TEXT PRIMARY KEY REFERENCES persons(id),
    code_hash  TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at    TEXT
) STRICT;

-- The outbox: each change of a person's certification standing, written in
-- the transaction that made it. A message is the person's whole training
-- status at that point, with a per-person sequence number, so the newest
-- delivered message is HR's state and an older one never overwrites it.
CREATE TABLE hr_outbox (
    id           TEXT PRIMARY KEY,
    person_id    TEXT NOT NULL REFERENCES persons(id),
    sequence     INTEGER NOT NULL,
    payload_json TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    UNIQUE (person_id, sequence)
) STRICT;
CREATE TRIGGER hr_outbox_append_only_update BEFORE UPDATE ON hr_outbox
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER hr_outbox_append_only_delete BEFORE DELETE ON hr_outbox
BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;

-- Where each message stands (mutable, one row per message).
CREATE TABLE hr_deliveries (
    message_id      TEXT PRIMARY KEY REFERENCES hr_outbox(id),
    state           TEXT NOT NULL
        CHECK (state IN ('pending', 'delivered', 'superseded', 'parked')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT,
    conflict        INTEGER NOT NULL DEFAULT 0 CHECK (conflict IN (0, 1)),
    updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX hr_deliveries_due ON hr_deliveries(state, next_attempt_at);
