//! The program catalogue as one learner sees it, and loading the shipped pack.

use crate::{Api, Caller, Result, PROGRAM_PACK_ID};
use chrono::{DateTime, Utc};
use mastery_domain::access::Permission;
use mastery_domain::catalogue::{availability, CourseRule};
use mastery_store::{completions, packs, people};
use mastery_types::{
    ApiError, Catalogue, CatalogueCourse, CatalogueTrack, CourseId, ErrorCode, LocalizedText,
};
use std::collections::BTreeMap;

/// What happened when the shipped pack was offered to the database.
#[derive(Debug, PartialEq, Eq)]
pub enum PackLoad {
    Added { version: String },
    AlreadyPresent { version: String },
}

impl Api {
    /// Stores the pack compiled into this build, if its version is new.
    pub fn load_shipped_pack(&self, now: DateTime<Utc>) -> Result<PackLoad> {
        let pack = mastery_packs::shipped()?;
        let added = self
            .store
            .write(|tx| packs::store_version(tx, &pack, now))?;
        Ok(if added {
            PackLoad::Added {
                version: pack.version,
            }
        } else {
            PackLoad::AlreadyPresent {
                version: pack.version,
            }
        })
    }

    /// The four tracks × three levels with what is open, completed or locked
    /// (and behind which prerequisite) for the calling learner.
    pub fn catalogue(&self, caller: &Caller) -> Result<Catalogue> {
        let me = caller.require_person(Permission::ViewOwnLearning)?;
        let (pack, completed, person) = self.store.read(|c| {
            Ok((
                packs::latest_published(c, PROGRAM_PACK_ID)?,
                completions::completed_courses(c, me, PROGRAM_PACK_ID)?,
                people::person(c, me)?,
            ))
        })?;
        let pack = pack.ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                format!("no published version of the {PROGRAM_PACK_ID} pack is loaded"),
            )
        })?;
        let home = person.and_then(|p| p.home_track);
        let titles: BTreeMap<CourseId, LocalizedText> = pack
            .courses
            .iter()
            .map(|c| (c.id.clone(), c.title.clone()))
            .collect();
        let tracks = pack
            .tracks
            .iter()
            .map(|t| CatalogueTrack {
                track: t.track,
                title: t.title.clone(),
                audience: t.audience.clone(),
                is_home_track: home == Some(t.track),
                courses: pack
                    .courses
                    .iter()
                    .filter(|c| c.track == t.track)
                    .map(|c| CatalogueCourse {
                        id: c.id.clone(),
                        track: c.track,
                        level: c.level,
                        title: c.title.clone(),
                        summary: c.summary.clone(),
                        estimated_hours: c.estimated_hours,
                        availability: availability(
                            &CourseRule {
                                id: &c.id,
                                prerequisites: &c.prerequisites,
                            },
                            &completed,
                            &titles,
                        ),
                    })
                    .collect(),
            })
            .collect();
        Ok(Catalogue {
            pack_id: pack.id,
            pack_version: pack.version,
            pack_title: pack.title,
            tracks,
        })
    }
}

impl From<PackLoad> for String {
    fn from(p: PackLoad) -> String {
        match p {
            PackLoad::Added { version } => format!("loaded the program pack, version {version}"),
            PackLoad::AlreadyPresent { version } => {
                format!("the program pack version {version} was already loaded")
            }
        }
    }
}
