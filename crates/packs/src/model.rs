//! The parsed pack, as the rest of the app uses it (and as it is stored).

use mastery_types::{CourseId, LangTag, LocalizedText, MasteryLevel, Track};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PackStatus {
    Draft,
    Published,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pack {
    pub id: String,
    pub version: String,
    pub status: PackStatus,
    pub languages: Vec<LangTag>,
    pub title: LocalizedText,
    pub summary: LocalizedText,
    pub change_notes: LocalizedText,
    pub tracks: Vec<PackTrack>,
    /// Sorted by track, then level.
    pub courses: Vec<PackCourse>,
    /// SHA-256 of the pack's files (see [`crate::PackFiles::content_hash`]).
    pub content_hash: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PackTrack {
    pub track: Track,
    pub title: LocalizedText,
    pub audience: LocalizedText,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PackCourse {
    pub id: CourseId,
    pub track: Track,
    pub level: MasteryLevel,
    pub prerequisites: Vec<CourseId>,
    pub estimated_hours: u16,
    pub title: LocalizedText,
    pub summary: LocalizedText,
}

impl Pack {
    pub fn course(&self, id: &CourseId) -> Option<&PackCourse> {
        self.courses.iter().find(|c| &c.id == id)
    }
}
