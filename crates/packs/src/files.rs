//! The files that make up a pack, as relative paths and bytes; where they
//! came from (a folder, the binary) does not matter to the parser.

use crate::PackError;
use include_dir::Dir;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;

/// The folders of a pack that hold files directly (lessons are one level
/// deeper, in a folder per course).
pub const FOLDERS: [&str; 9] = [
    "courses",
    "quizzes",
    "checklists",
    "assignments",
    "exams",
    "rubrics",
    "self-assessments",
    "surveys",
    "images",
];

/// Pack files keyed by their path relative to the pack folder, with `/`
/// separators, sorted so the content hash does not depend on disk order.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct PackFiles(pub BTreeMap<String, Vec<u8>>);

/// Paths and sizes, not bytes: a pack is megabytes.
impl std::fmt::Debug for PackFiles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map()
            .entries(self.0.iter().map(|(p, b)| (p, b.len())))
            .finish()
    }
}

impl PackFiles {
    /// Is `path` (relative, `/`-separated) one of the files a pack is made of?
    pub fn is_pack_file(path: &str) -> bool {
        let parts: Vec<&str> = path.split('/').collect();
        match parts.as_slice() {
            ["pack.toml"] => true,
            ["courses" | "quizzes" | "checklists" | "assignments" | "exams" | "rubrics"
            | "self-assessments" | "surveys", name] => {
                name.ends_with(".toml") && !name.starts_with('.')
            }
            ["images", name] => !name.starts_with('.') && name.contains('.'),
            ["lessons", _course, name] => name.ends_with(".md"),
            _ => false,
        }
    }

    /// Reads `pack.toml`, the files of [`FOLDERS`] and
    /// `lessons/<course>/*.md` of a pack folder.
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
        let mut folders: Vec<_> = FOLDERS.iter().map(|f| root.join(f)).collect();
        let lessons = root.join("lessons");
        if lessons.is_dir() {
            for entry in std::fs::read_dir(&lessons).map_err(|e| io(&lessons, e))? {
                let path = entry.map_err(|e| io(&lessons, e))?.path();
                if path.is_dir() {
                    folders.push(path);
                }
            }
        }
        for folder in folders.into_iter().filter(|f| f.is_dir()) {
            for entry in std::fs::read_dir(&folder).map_err(|e| io(&folder, e))? {
                let path = entry.map_err(|e| io(&folder, e))?.path();
                let Some(rel) = path
                    .strip_prefix(root)
                    .ok()
                    .and_then(|r| r.to_str())
                    .map(|r| r.replace('\\', "/"))
                else {
                    continue;
                };
                if PackFiles::is_pack_file(&rel) {
                    let bytes = std::fs::read(&path).map_err(|e| io(&path, e))?;
                    files.insert(rel, bytes);
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
        if PackFiles::is_pack_file(&path) {
            out.insert(path, file.contents().to_vec());
        }
    }
    for sub in dir.dirs() {
        collect(sub, out);
    }
}
