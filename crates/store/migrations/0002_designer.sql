-- Schema 2: what course designers need. The files of every stored pack
-- version (for export, version diffs and new drafts), who published it,
-- and one working draft per pack.

ALTER TABLE pack_versions ADD COLUMN published_by TEXT REFERENCES persons(id);

CREATE TABLE pack_version_files (
    pack_id TEXT NOT NULL,
    version TEXT NOT NULL,
    path    TEXT NOT NULL,
    bytes   BLOB NOT NULL,
    PRIMARY KEY (pack_id, version, path),
    FOREIGN KEY (pack_id, version) REFERENCES pack_versions(pack_id, version)
) STRICT;

-- A stored version never changes; files may be added once to a version
-- stored before schema 2, never altered or removed.
CREATE TRIGGER pack_versions_immutable_update BEFORE UPDATE ON pack_versions
BEGIN SELECT RAISE(ABORT, 'stored pack versions are immutable'); END;
CREATE TRIGGER pack_versions_immutable_delete BEFORE DELETE ON pack_versions
BEGIN SELECT RAISE(ABORT, 'stored pack versions are immutable'); END;
CREATE TRIGGER pack_version_files_immutable_update BEFORE UPDATE ON pack_version_files
BEGIN SELECT RAISE(ABORT, 'stored pack versions are immutable'); END;
CREATE TRIGGER pack_version_files_immutable_delete BEFORE DELETE ON pack_version_files
BEGIN SELECT RAISE(ABORT, 'stored pack versions are immutable'); END;

-- A designer's working copy of a pack, started from a stored version.
CREATE TABLE pack_drafts (
    pack_id      TEXT PRIMARY KEY,
    base_version TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL REFERENCES persons(id)
) STRICT;

CREATE TABLE pack_draft_files (
    pack_id TEXT NOT NULL REFERENCES pack_drafts(pack_id) ON DELETE CASCADE,
    path    TEXT NOT NULL,
    bytes   BLOB NOT NULL,
    PRIMARY KEY (pack_id, path)
) STRICT;
