//! Requests and views of the course designer's screens.

use crate::LocalizedText;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One validator finding, as the designer sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackProblem {
    pub error: bool,
    pub file: String,
    pub line: Option<u32>,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VersionInfo {
    pub version: String,
    pub published: bool,
    pub content_hash: String,
    pub stored_at: DateTime<Utc>,
    /// `None` for versions loaded with the app rather than published in it.
    pub published_by: Option<String>,
    pub change_notes: LocalizedText,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DraftInfo {
    pub base_version: String,
    pub updated_at: DateTime<Utc>,
    pub updated_by: String,
    pub errors: u32,
    pub warnings: u32,
}

/// The designer's start page: the pack's versions and its draft.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DesignerHome {
    pub pack_id: String,
    pub title: LocalizedText,
    /// Newest first.
    pub versions: Vec<VersionInfo>,
    pub draft: Option<DraftInfo>,
}

/// The files of one course, or of one shared folder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileGroup {
    /// The course id, or the shared folder's kind ("rubric", "survey"…).
    pub id: String,
    pub title: LocalizedText,
    pub files: Vec<DraftFileEntry>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftFileEntry {
    pub path: String,
    /// What the file is, e.g. "lesson 1 (fr)", "knowledge check".
    pub kind: String,
    pub errors: u32,
    pub warnings: u32,
}

/// A track and its courses' files.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackGroup {
    pub title: LocalizedText,
    pub courses: Vec<FileGroup>,
}

/// The draft, navigable: tracks → courses → files, then shared files.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DraftTree {
    pub pack_id: String,
    pub info: DraftInfo,
    pub tracks: Vec<TrackGroup>,
    /// Manifest, rubrics, surveys, self-assessments, pictures, and files
    /// that belong to no known course.
    pub shared: Vec<FileGroup>,
    pub problems: Vec<PackProblem>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftFileRequest {
    pub pack_id: String,
    pub path: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftFile {
    pub path: String,
    pub text: String,
}

/// Check (and, for save, store) one file's new text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditRequest {
    pub pack_id: String,
    pub path: String,
    pub text: String,
    /// The language to preview in ("en", "fr").
    pub lang: String,
}

/// What the draft would be with an edit: every problem, and a preview of
/// the edited file as learners will see it (sanitized HTML).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditCheck {
    pub problems: Vec<PackProblem>,
    pub preview_html: String,
    pub saved: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublishRequest {
    pub pack_id: String,
    pub version: String,
    pub change_notes: LocalizedText,
}

/// Compare two stored versions, or a version and the draft (`"draft"`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffRequest {
    pub pack_id: String,
    pub from: String,
    pub to: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffEntry {
    /// "course", "lesson", "quiz item", "rubric criterion"…
    pub what: String,
    pub id: String,
    /// "added", "removed" or "changed".
    pub change: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportRequest {
    pub pack_id: String,
    /// A stored version, or `"draft"`.
    pub version: String,
}

/// Where an export was written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportDone {
    pub path: String,
    pub bytes: u64,
    pub content_hash: String,
}

/// An archive's bytes, base64-encoded for IPC.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRequest {
    pub file_name: String,
    pub archive_base64: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportDone {
    pub pack_id: String,
    pub version: String,
    pub content_hash: String,
    /// True if it became the pack's draft (a draft archive), false if it was
    /// stored as a published version.
    pub as_draft: bool,
    /// False when that exact version was already stored.
    pub added: bool,
}

/// How far a long pack operation has got.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub done: u32,
    pub total: u32,
    /// "idle", "checking", "saving", "writing".
    pub stage: String,
}
