-- Schema 11: the organization's Ed25519 signing key for credentials,
-- generated at first run. Its public half is published as a did:key; the
-- secret half stays in this file (protected like the rest of the
-- database). A key is never changed or removed, so credentials signed
-- with it keep verifying.
CREATE TABLE org_keys (
    id         TEXT PRIMARY KEY,
    did        TEXT NOT NULL UNIQUE,
    secret     BLOB NOT NULL CHECK (length(secret) = 32),
    created_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER org_keys_append_only_update BEFORE UPDATE ON org_keys
BEGIN SELECT RAISE(ABORT, 'signing keys are never changed'); END;
CREATE TRIGGER org_keys_append_only_delete BEFORE DELETE ON org_keys
BEGIN SELECT RAISE(ABORT, 'signing keys are never removed'); END;
