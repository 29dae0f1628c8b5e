//! The files that make up a pack, as relative paths and bytes; where they
//! came from (a folder, the binary) does not matter to the parser.

use crate::PackError;
use include_dir::Dir;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;

/// Pack files keyed by their path relative to the pack folder, with `/`
/// separators, sorted so the content hash does not depend on disk order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PackFiles(pub BTreeMap<String, Vec<u8>>);

impl PackFiles {
    /// Reads `pack.toml` and every `courses/*.toml` of a pack folder.
    pub fn read_dir(root: &Path) -> Result<PackFiles, PackError> {
        let io = |path: &Path, source| PackError::Io {
            path: path.display().to_string(),
            source,
        };
        let mut files = BTreeMap::new();
        let manifest = root.join("pack.toml");
        files.insert(
            "pack.toml".to_owned(),
            std::fs::read(&manifest).map_err(|e| io(&manifest, e))?,
        );
        let courses = root.join("courses");
        if courses.is_dir() {
            for entry in std::fs::read_dir(&courses).map_err(|e| io(&courses, e))? {
                let path = entry.map_err(|e| io(&courses, e))?.path();
                if path.extension().is_some_and(|e| e == "toml") {
                    if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
                        let bytes = std::fs::read(&path).map_err(|e| io(&path, e))?;
                        files.insert(format!("courses/{name}"), bytes);
                    }
                }
            }
        }
        Ok(PackFiles(files))
    }

    /// The same files from a folder compiled into the binary.
    pub fn from_embedded(dir: &Dir<'_>) -> PackFiles {
        let mut files = BTreeMap::new();
        collect(dir, &mut files);
        PackFiles(files)
    }

    /// SHA-256 over every (path, length, bytes), hex-encoded: the identity of
    /// a pack version's content.
    pub fn content_hash(&self) -> String {
        let mut h = Sha256::new();
        for (path, bytes) in &self.0 {
            h.update((path.len() as u64).to_le_bytes());
            h.update(path.as_bytes());
            h.update((bytes.len() as u64).to_le_bytes());
            h.update(bytes);
        }
        hex::encode(h.finalize())
    }
}

fn collect(dir: &Dir<'_>, out: &mut BTreeMap<String, Vec<u8>>) {
    for file in dir.files() {
        let path = file.path().to_string_lossy().replace('\\', "/");
        if path == "pack.toml" || (path.starts_with("courses/") && path.ends_with(".toml")) {
            out.insert(path, file.contents().to_vec());
        }
    }
    for sub in dir.dirs() {
        collect(sub, out);
    }
}
