//! Shared fixtures: an API over an in-memory database, people with given roles.

use chrono::{DateTime, TimeZone, Utc};
use mastery_api::PROGRAM_PACK_ID;
use mastery_api::{Api, Caller};
use mastery_types::{DraftFileRequest, EditRequest, LocalizedText, NewUser, PublishRequest, Role};

pub const PASSWORD: &str = "a long enough passphrase";

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 29, 9, 30, 0)
        .single()
        .expect("valid")
}

/// The office every test person works in, so coaches and learners made
/// by [`person`] are in each other's scope.
pub const OFFICE: &str = "test-office";

pub fn api() -> Api {
    let api = Api::open_in_memory().expect("in-memory api");
    api.load_shipped_pack(now()).expect("pack loads");
    api.store()
        .write(|tx| {
            mastery_store::people::insert_org_unit(
                tx,
                &mastery_store::people::NewOrgUnit {
                    id: OFFICE,
                    name: "Test Service Centre",
                    parent_id: None,
                    time_zone: "America/Toronto",
                },
            )
        })
        .expect("office");
    api
}

pub fn new_user(n: u32, roles: &[Role]) -> NewUser {
    NewUser {
        employee_number: format!("E{n:05}"),
        username: format!("user{n}"),
        display_name: format!("User {n}"),
        password: PASSWORD.into(),
        roles: roles.to_vec(),
        language: "en".into(),
        home_track: None,
        office: Some(OFFICE.into()),
        manager: None,
    }
}

/// Creates an account with `roles` and signs it in.
pub fn person(api: &Api, n: u32, roles: &[Role]) -> Caller {
    api.add_user(&Caller::LocalOperator, &new_user(n, roles), now())
        .expect("user added");
    let (token, _) = api
        .sign_in(
            &mastery_types::SignInRequest {
                username: format!("user{n}"),
                password: PASSWORD.into(),
            },
            now(),
        )
        .expect("signs in");
    api.caller(&token, now()).expect("session resolves")
}

pub fn file_req(path: &str) -> DraftFileRequest {
    DraftFileRequest {
        pack_id: PROGRAM_PACK_ID.into(),
        path: path.into(),
    }
}

/// An edit of the first Level 1 lesson (English).
pub fn edit() -> EditRequest {
    EditRequest {
        pack_id: PROGRAM_PACK_ID.into(),
        path: "lessons/clients-l1/01-first-contact.en.md".into(),
        text: "# First contact\n\nNew text.\n".into(),
        lang: "en".into(),
    }
}

pub fn publish_req(version: &str) -> PublishRequest {
    PublishRequest {
        pack_id: PROGRAM_PACK_ID.into(),
        version: version.into(),
        change_notes: LocalizedText(
            [
                ("en".to_owned(), "Notes".to_owned()),
                ("fr".to_owned(), "Notes".to_owned()),
            ]
            .into_iter()
            .collect(),
        ),
    }
}

/// Records `course` as completed for `who` (prior learning, as HR would
/// send it), so the courses after it open.
pub fn record_completion(api: &Api, who: mastery_types::PersonId, course: &str) {
    let version = mastery_packs::shipped().expect("pack").version;
    api.store()
        .write(|tx| {
            mastery_store::completions::insert(
                tx,
                &mastery_store::completions::CompletionFact {
                    id: uuid::Uuid::now_v7(),
                    person: who,
                    course: &mastery_types::CourseId(course.into()),
                    pack_id: PROGRAM_PACK_ID,
                    pack_version: &version,
                    source: "prior_learning",
                    recorded_by: None,
                    recorded_at: now(),
                },
            )
        })
        .expect("completion recorded");
}

/// The demo organization over an in-memory database.
pub fn demo() -> Api {
    let api = Api::open_in_memory().expect("api");
    api.load_shipped_pack(now()).expect("pack");
    api.seed_demo(&Caller::LocalOperator, now()).expect("demo");
    api
}

/// Signs a demo account in (`amelie`, `sophie`, `admin`, …).
pub fn demo_sign_in(api: &Api, who: &str) -> Caller {
    let (token, _) = api
        .sign_in(
            &mastery_types::SignInRequest {
                username: who.into(),
                password: mastery_api::DEMO_PASSWORD.into(),
            },
            now(),
        )
        .expect("sign in");
    api.caller(&token, now()).expect("caller")
}
