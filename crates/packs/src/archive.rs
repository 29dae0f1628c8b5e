//! The exchange archive: one zip file holding a pack's files and
//! `mastery-pack.json`, a record of the pack id, version, content hash and
//! the SHA-256 and size of every file. Reading checks every byte against
//! that record before handing anything back, so a tampered, truncated or
//! padded archive is refused as a whole, with the file that gave it away.

use crate::PackFiles;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::{Read, Write};

/// The name of the record inside the archive.
pub const RECORD: &str = "mastery-pack.json";
/// The archive format this build writes and reads.
pub const FORMAT: u32 = 1;
/// No single file may be bigger (the largest picture is 2 MB).
const MAX_FILE: u64 = 8 * 1024 * 1024;
/// Nor the whole archive once unpacked.
const MAX_TOTAL: u64 = 256 * 1024 * 1024;

#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Record {
    pub format: u32,
    pub pack_id: String,
    pub version: String,
    /// [`PackFiles::content_hash`] of the files.
    pub content_hash: String,
    pub files: Vec<RecordFile>,
}

#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct RecordFile {
    pub path: String,
    pub size: u64,
    pub sha256: String,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ArchiveError {
    #[error("this is not a Mastery pack archive, or it is truncated ({0})")]
    NotAnArchive(String),
    #[error("the archive has no {RECORD}; it was not made by `mastery pack export`")]
    NoRecord,
    #[error("the archive's {RECORD} is unreadable: {0}")]
    BadRecord(String),
    #[error("the archive uses format {0}; this version of Mastery reads format {FORMAT}")]
    Format(u32),
    #[error("{0} is listed in the archive's record but missing from it")]
    Missing(String),
    #[error("{0} is in the archive but not in its record (added after export?)")]
    Extra(String),
    #[error("{path} has been altered: its content does not match the archive's record")]
    Altered { path: String },
    #[error("{path} is cut short or damaged: {detail}")]
    Damaged { path: String, detail: String },
    #[error("{0} is not a file a pack may contain")]
    NotPackFile(String),
    #[error("the archive is too large once unpacked (over {} MB)", MAX_TOTAL / 1024 / 1024)]
    TooLarge,
    #[error("the archive's files do not add up to its recorded content hash")]
    HashMismatch,
}

impl ArchiveError {
    /// The reason, as the window translates it.
    pub fn reason(&self) -> mastery_types::ArchiveReason {
        use mastery_types::ArchiveReason as R;
        match self {
            ArchiveError::NotAnArchive(_) => R::NotAnArchive,
            ArchiveError::NoRecord => R::NoRecord,
            ArchiveError::BadRecord(_) => R::BadRecord,
            ArchiveError::Format(format) => R::NewerFormat { format: *format },
            ArchiveError::Missing(path) => R::Missing { path: path.clone() },
            ArchiveError::Extra(path) => R::Extra { path: path.clone() },
            ArchiveError::Altered { path } => R::Altered { path: path.clone() },
            ArchiveError::Damaged { path, .. } => R::Damaged { path: path.clone() },
            ArchiveError::NotPackFile(path) => R::NotPackFile { path: path.clone() },
            ArchiveError::TooLarge => R::TooLarge {
                max_mb: MAX_TOTAL / 1024 / 1024,
            },
            ArchiveError::HashMismatch => R::HashMismatch,
        }
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Writes `files` as an archive.
pub fn write(files: &PackFiles, pack_id: &str, version: &str) -> std::io::Result<Vec<u8>> {
    let record = Record {
        format: FORMAT,
        pack_id: pack_id.to_owned(),
        version: version.to_owned(),
        content_hash: files.content_hash(),
        files: files
            .0
            .iter()
            .map(|(path, bytes)| RecordFile {
                path: path.clone(),
                size: bytes.len() as u64,
                sha256: sha256_hex(bytes),
            })
            .collect(),
    };
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let json = serde_json::to_vec_pretty(&record).map_err(std::io::Error::other)?;
    zip.start_file(RECORD, options)
        .map_err(std::io::Error::other)?;
    zip.write_all(&json)?;
    for (path, bytes) in &files.0 {
        zip.start_file(path.as_str(), options)
            .map_err(std::io::Error::other)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
}

/// Reads and checks an archive. `progress(done, total)` is called after
/// each file is checked. Nothing is returned unless every file matches.
pub fn read(
    bytes: &[u8],
    mut progress: impl FnMut(usize, usize),
) -> Result<(Record, PackFiles), ArchiveError> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| ArchiveError::NotAnArchive(e.to_string()))?;
    let record: Record = {
        let mut entry = zip.by_name(RECORD).map_err(|e| match e {
            zip::result::ZipError::FileNotFound => ArchiveError::NoRecord,
            other => ArchiveError::NotAnArchive(other.to_string()),
        })?;
        let mut json = Vec::new();
        entry
            .by_ref()
            .take(MAX_FILE)
            .read_to_end(&mut json)
            .map_err(|e| ArchiveError::Damaged {
                path: RECORD.into(),
                detail: e.to_string(),
            })?;
        serde_json::from_slice(&json).map_err(|e| ArchiveError::BadRecord(e.to_string()))?
    };
    if record.format != FORMAT {
        return Err(ArchiveError::Format(record.format));
    }
    let names: Vec<String> = zip.file_names().map(str::to_owned).collect();
    for name in &names {
        if name != RECORD && !record.files.iter().any(|f| &f.path == name) {
            return Err(ArchiveError::Extra(name.clone()));
        }
    }
    let total = record.files.len();
    let mut unpacked = 0u64;
    let mut files = PackFiles::default();
    for (done, f) in record.files.iter().enumerate() {
        if !PackFiles::is_pack_file(&f.path) {
            return Err(ArchiveError::NotPackFile(f.path.clone()));
        }
        if f.size > MAX_FILE {
            return Err(ArchiveError::TooLarge);
        }
        unpacked += f.size;
        if unpacked > MAX_TOTAL {
            return Err(ArchiveError::TooLarge);
        }
        let mut entry = match zip.by_name(&f.path) {
            Ok(e) => e,
            Err(zip::result::ZipError::FileNotFound) => {
                return Err(ArchiveError::Missing(f.path.clone()))
            }
            Err(e) => {
                return Err(ArchiveError::Damaged {
                    path: f.path.clone(),
                    detail: e.to_string(),
                })
            }
        };
        let mut data = Vec::new();
        // One byte more than recorded, to notice a padded file.
        entry
            .by_ref()
            .take(f.size + 1)
            .read_to_end(&mut data)
            .map_err(|e| ArchiveError::Damaged {
                path: f.path.clone(),
                detail: e.to_string(),
            })?;
        if data.len() as u64 != f.size || sha256_hex(&data) != f.sha256 {
            return Err(ArchiveError::Altered {
                path: f.path.clone(),
            });
        }
        files.0.insert(f.path.clone(), data);
        progress(done + 1, total);
    }
    if files.content_hash() != record.content_hash {
        return Err(ArchiveError::HashMismatch);
    }
    Ok((record, files))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> PackFiles {
        let mut f = PackFiles::default();
        f.0.insert("pack.toml".into(), b"id = \"x\"\n".to_vec());
        f.0.insert("courses/a.toml".into(), b"id = \"a\"\n".repeat(50));
        f
    }

    #[test]
    fn round_trip_keeps_every_byte_and_the_hash() {
        let files = sample();
        let bytes = write(&files, "x", "1.0.0").expect("written");
        let mut seen = Vec::new();
        let (record, back) = read(&bytes, |d, t| seen.push((d, t))).expect("read");
        assert_eq!(back, files);
        assert_eq!(record.content_hash, files.content_hash());
        assert_eq!(seen, vec![(1, 2), (2, 2)]);
    }

    #[test]
    fn truncated_archives_are_refused() {
        let bytes = write(&sample(), "x", "1.0.0").expect("written");
        for cut in [0, 10, bytes.len() / 2, bytes.len() - 1] {
            let err = read(&bytes[..cut], |_, _| {}).expect_err("truncated");
            assert!(
                matches!(
                    err,
                    ArchiveError::NotAnArchive(_) | ArchiveError::Damaged { .. }
                ),
                "cut at {cut}: {err}"
            );
        }
    }

    /// Rewrites an archive with one file's bytes replaced (or a file added),
    /// keeping the original record: what a tamperer would do.
    fn tampered(path: &str, bytes: &[u8]) -> Vec<u8> {
        let original = write(&sample(), "x", "1.0.0").expect("written");
        let mut zin = zip::ZipArchive::new(std::io::Cursor::new(original)).expect("zip");
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        let mut replaced = false;
        for i in 0..zin.len() {
            let mut e = zin.by_index(i).expect("entry");
            let name = e.name().to_owned();
            let mut data = Vec::new();
            e.read_to_end(&mut data).expect("read");
            if name == path {
                data = bytes.to_vec();
                replaced = true;
            }
            zip.start_file(name, options).expect("start");
            zip.write_all(&data).expect("write");
        }
        if !replaced {
            zip.start_file(path, options).expect("start");
            zip.write_all(bytes).expect("write");
        }
        zip.finish().expect("finish").into_inner()
    }

    #[test]
    fn tampered_archives_are_refused_naming_the_file() {
        let err =
            read(&tampered("courses/a.toml", b"id = \"b\"\n"), |_, _| {}).expect_err("altered");
        assert_eq!(
            err,
            ArchiveError::Altered {
                path: "courses/a.toml".into()
            }
        );
        assert_eq!(
            err.to_string(),
            "courses/a.toml has been altered: its content does not match the archive's record"
        );
        let err = read(&tampered("courses/b.toml", b"x"), |_, _| {}).expect_err("extra");
        assert_eq!(err, ArchiveError::Extra("courses/b.toml".into()));
        let err = read(&tampered(RECORD, b"{"), |_, _| {}).expect_err("record");
        assert!(matches!(err, ArchiveError::BadRecord(_)), "{err}");
    }

    #[test]
    fn a_record_that_was_edited_to_match_still_fails_the_content_hash() {
        let files = sample();
        let mut record: Record = serde_json::from_slice(
            &read(&write(&files, "x", "1").expect("w"), |_, _| {})
                .map(|(r, _)| serde_json::to_vec(&r).expect("json"))
                .expect("read"),
        )
        .expect("record");
        let new = b"id = \"b\"\n";
        record.files[0].size = new.len() as u64;
        record.files[0].sha256 = sha256_hex(new);
        let mut bytes = tampered("courses/a.toml", new);
        bytes = {
            let mut zin = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
            let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
            for i in 0..zin.len() {
                let mut e = zin.by_index(i).expect("entry");
                let name = e.name().to_owned();
                let mut data = Vec::new();
                e.read_to_end(&mut data).expect("read");
                if name == RECORD {
                    data = serde_json::to_vec(&record).expect("json");
                }
                zip.start_file(name, zip::write::SimpleFileOptions::default())
                    .expect("s");
                zip.write_all(&data).expect("w");
            }
            zip.finish().expect("f").into_inner()
        };
        assert_eq!(read(&bytes, |_, _| {}), Err(ArchiveError::HashMismatch));
    }
}
