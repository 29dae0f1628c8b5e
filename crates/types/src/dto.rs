//! Requests and responses of the API, as they cross IPC.

use crate::{
    CourseId, EmployeeNumber, LangTag, LocalizedText, MasteryLevel, PersonId, Role, Track, Username,
};
use serde::{Deserialize, Serialize};

/// What the first screen needs before anyone signs in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SetupStatus {
    /// True on a brand-new database: the first administrator must be created.
    pub needs_first_admin: bool,
    /// The organization's name, once known.
    pub organization: Option<String>,
}

#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct SignInRequest {
    pub username: String,
    pub password: String,
}

#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct FirstAdminRequest {
    pub organization: String,
    pub employee_number: String,
    pub display_name: String,
    pub username: String,
    pub password: String,
    pub language: LangTag,
}

/// Who is signed in. Sent to the UI; the session token itself stays in the
/// backend.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub person_id: PersonId,
    pub username: Username,
    pub display_name: String,
    pub roles: Vec<Role>,
    pub language: LangTag,
    /// The IANA time zone of the person's office: times are shown in it.
    #[serde(default)]
    pub time_zone: Option<String>,
}

#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct NewUser {
    pub employee_number: String,
    pub username: String,
    pub display_name: String,
    pub password: String,
    pub roles: Vec<Role>,
    pub language: LangTag,
    pub home_track: Option<Track>,
    /// The office (org unit id) the person works in.
    #[serde(default)]
    pub office: Option<String>,
    /// Their line manager.
    #[serde(default)]
    pub manager: Option<PersonId>,
}

/// An office (org unit) of the organization.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Office {
    pub id: String,
    pub name: String,
    pub time_zone: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserSummary {
    pub person_id: PersonId,
    pub employee_number: EmployeeNumber,
    pub username: Username,
    pub display_name: String,
    pub roles: Vec<Role>,
    pub org_unit: Option<String>,
    pub locked: bool,
}

/// An administrator lifts the sign-in lock of an account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnlockRequest {
    pub person_id: PersonId,
}

/// The program as one learner sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Catalogue {
    pub pack_id: String,
    pub pack_version: String,
    pub pack_title: LocalizedText,
    pub tracks: Vec<CatalogueTrack>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CatalogueTrack {
    pub track: Track,
    pub title: LocalizedText,
    pub audience: LocalizedText,
    /// The learner's own track (from HR), highlighted.
    pub is_home_track: bool,
    pub courses: Vec<CatalogueCourse>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CatalogueCourse {
    pub id: CourseId,
    pub track: Track,
    pub level: MasteryLevel,
    pub title: LocalizedText,
    pub summary: LocalizedText,
    pub estimated_hours: u16,
    pub availability: Availability,
}

/// Whether a learner may start a course, and if not, why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Availability {
    Open,
    Completed,
    Locked { missing: Vec<CourseRef> },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseRef {
    pub id: CourseId,
    pub title: LocalizedText,
}

/// One course as its learner opens it: what it holds, in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CourseOutline {
    pub course: CatalogueCourse,
    pub lessons: Vec<LessonSummary>,
    pub knowledge_check: Option<KnowledgeCheckSummary>,
    /// The lesson opened last: where "Resume" goes.
    pub resume: Option<String>,
    /// The course has a self-assessment to answer.
    pub has_self_assessment: bool,
    /// The completion rule's requirements, each with whether it is met.
    pub requirements: Vec<Requirement>,
    /// Completed by a record (prior learning, HR) rather than through the
    /// course here: the window says so instead of showing 0 of 4.
    #[serde(default)]
    pub completed_by_record: bool,
    /// For a course asking for time in class: what was attended.
    #[serde(default)]
    pub class_time: Option<ClassTime>,
}

/// Time in class attended on a course, against what it asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassTime {
    pub attended_minutes: u32,
    pub required_hours: u16,
}

/// One requirement of a course's completion rule (`lessons`,
/// `knowledge_check`, `self_assessment`, `coaching`, …).
/// One requirement of a course's completion rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequirementKind {
    Lessons,
    KnowledgeCheck,
    SelfAssessment,
    Coaching,
    Assignments,
    TeamSynthesis,
    ValidationExam,
    Observation,
    Portfolio,
    /// Hours attended in class.
    InClass,
}

impl RequirementKind {
    pub const ALL: [RequirementKind; 10] = [
        RequirementKind::Lessons,
        RequirementKind::KnowledgeCheck,
        RequirementKind::SelfAssessment,
        RequirementKind::Coaching,
        RequirementKind::Assignments,
        RequirementKind::TeamSynthesis,
        RequirementKind::ValidationExam,
        RequirementKind::Observation,
        RequirementKind::Portfolio,
        RequirementKind::InClass,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RequirementKind::Lessons => "lessons",
            RequirementKind::KnowledgeCheck => "knowledge_check",
            RequirementKind::SelfAssessment => "self_assessment",
            RequirementKind::Coaching => "coaching",
            RequirementKind::Assignments => "assignments",
            RequirementKind::TeamSynthesis => "team_synthesis",
            RequirementKind::ValidationExam => "validation_exam",
            RequirementKind::Observation => "observation",
            RequirementKind::Portfolio => "portfolio",
            RequirementKind::InClass => "in_class",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requirement {
    pub key: RequirementKind,
    pub met: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LessonSummary {
    /// `<course-id>/<NN>-<slug>`.
    pub id: String,
    pub order: u8,
    pub title: LocalizedText,
    /// Marked done by the learner.
    pub done: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KnowledgeCheckSummary {
    pub title: LocalizedText,
    pub items: u16,
    pub pass_mark: u8,
    pub max_attempts: u8,
}

/// A lesson ready to show: HTML already sanitized by the backend.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LessonView {
    pub id: String,
    pub course: CourseRef,
    pub order: u8,
    pub of: u8,
    pub title: LocalizedText,
    pub html: LocalizedText,
    pub previous: Option<String>,
    pub next: Option<String>,
    /// Marked done by the learner.
    pub done: bool,
    /// Where the learner stopped reading, in thousandths of the lesson's
    /// length, so the page reopens there.
    #[serde(default)]
    pub resume_permille: Option<u16>,
}

/// How far down a lesson the learner has read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LessonPositionRequest {
    pub lesson: String,
    /// 0 (top) to 1000 (end).
    pub permille: u16,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CourseRequest {
    pub course: CourseId,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LessonRequest {
    pub lesson: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SetLanguageRequest {
    pub language: LangTag,
}

/// Debug output of requests that carry a password shows every field but
/// the password, so a log line or a panic message never leaks it.
macro_rules! debug_without_password {
    ($ty:ident { $($field:ident),* }) => {
        impl std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(stringify!($ty))
                    $(.field(stringify!($field), &self.$field))*
                    .field("password", &"…")
                    .finish()
            }
        }
    };
}

debug_without_password!(SignInRequest { username });
debug_without_password!(FirstAdminRequest {
    organization,
    employee_number,
    display_name,
    username,
    language
});
debug_without_password!(NewUser {
    employee_number,
    username,
    display_name,
    roles,
    language,
    home_track,
    office,
    manager
});

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T: Serialize + for<'de> Deserialize<'de> + PartialEq + std::fmt::Debug>(v: T) {
        let json = serde_json::to_string(&v).expect("serializes");
        let back: T = serde_json::from_str(&json).expect("deserializes");
        assert_eq!(v, back, "{json}");
    }

    #[test]
    fn dtos_round_trip_through_json() {
        let title = LocalizedText(
            [
                ("en".into(), "Putting Clients First".into()),
                ("fr".into(), "Priorité aux clients".into()),
            ]
            .into_iter()
            .collect(),
        );
        round_trip(Catalogue {
            pack_id: "service-excellence".into(),
            pack_version: "1.0.0".into(),
            pack_title: title.clone(),
            tracks: vec![CatalogueTrack {
                track: Track::Clients,
                title: title.clone(),
                audience: title.clone(),
                is_home_track: true,
                courses: vec![CatalogueCourse {
                    id: "clients-l2".into(),
                    track: Track::Clients,
                    level: MasteryLevel::new(2).expect("valid"),
                    title: title.clone(),
                    summary: title.clone(),
                    estimated_hours: 12,
                    availability: Availability::Locked {
                        missing: vec![CourseRef {
                            id: "clients-l1".into(),
                            title,
                        }],
                    },
                }],
            }],
        });
        round_trip(crate::ApiError::new(crate::ErrorCode::Forbidden, "no"));
        round_trip(SessionInfo {
            person_id: PersonId(uuid::Uuid::nil()),
            username: "amelie".into(),
            display_name: "Amélie".into(),
            roles: vec![Role::Learner, Role::Coach],
            language: "fr".into(),
            time_zone: Some("America/Moncton".into()),
        });
        round_trip(crate::ApiError::problem(crate::Problem::NotEligible {
            missing: vec![crate::Missing::Requirement {
                course: "clients-l2".into(),
                key: RequirementKind::Assignments,
            }],
        }));
    }

    #[test]
    fn debug_never_shows_a_password() {
        let r = SignInRequest {
            username: "amelie".into(),
            password: "correct horse battery".into(),
        };
        let shown = format!("{r:?}");
        assert!(
            shown.contains("amelie") && !shown.contains("horse"),
            "{shown}"
        );
    }

    #[test]
    fn wire_names_are_stable() {
        assert_eq!(
            serde_json::to_string(&Role::CourseDesigner).unwrap(),
            "\"course_designer\""
        );
        assert_eq!(
            serde_json::to_string(&Availability::Open).unwrap(),
            r#"{"state":"open"}"#
        );
        assert!(serde_json::from_str::<MasteryLevel>("4").is_err());
        assert_eq!(serde_json::from_str::<MasteryLevel>("3").unwrap().get(), 3);
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        for t in Track::ALL {
            assert_eq!(Track::parse(t.as_str()), Some(t));
        }
    }

    #[test]
    fn localized_text_falls_back_to_english() {
        let t = LocalizedText([("en".into(), "Hello".into())].into_iter().collect());
        assert_eq!(t.get("fr"), "Hello");
        assert!(!t.has("fr"));
        assert!(t.has("en"));
    }
}
