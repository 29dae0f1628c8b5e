//! Setup, sign-in, lockout, sessions and the learner's catalogue.

use crate::common::{api, now, person, PASSWORD};
use chrono::Duration;
use mastery_api::{Api, Caller, ErrorCode, DEMO_PASSWORD};
use mastery_types::{Availability, FirstAdminRequest, Role, SignInRequest};

fn sign_in(
    api: &Api,
    username: &str,
    password: &str,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<mastery_api::SessionToken, mastery_api::ApiError> {
    api.sign_in(
        &SignInRequest {
            username: username.into(),
            password: password.into(),
        },
        at,
    )
    .map(|(t, _)| t)
}

fn first_admin() -> FirstAdminRequest {
    FirstAdminRequest {
        organization: "Agency".into(),
        employee_number: "1".into(),
        display_name: "Ada Admin".into(),
        username: "Ada".into(),
        password: PASSWORD.into(),
        language: "fr".into(),
    }
}

#[test]
fn first_administrator_is_created_once() {
    let api = api();
    assert!(api.setup_status().expect("status").needs_first_admin);
    let (token, info) = api
        .create_first_admin(&first_admin(), now())
        .expect("created");
    assert_eq!(info.roles, vec![Role::Administrator]);
    assert_eq!(info.username.as_str(), "ada", "usernames are normalized");
    assert_eq!(info.language.as_str(), "fr");
    let status = api.setup_status().expect("status");
    assert!(!status.needs_first_admin);
    assert_eq!(status.organization.as_deref(), Some("Agency"));
    assert!(api.caller(&token, now()).is_ok());
    let mut second = first_admin();
    second.username = "eve".into();
    second.employee_number = "2".into();
    let err = api.create_first_admin(&second, now()).expect_err("refused");
    assert_eq!(err.code, ErrorCode::Conflict);
    assert_eq!(
        api.list_users(&Caller::LocalOperator, now())
            .expect("list")
            .len(),
        1
    );
}

#[test]
fn wrong_password_and_unknown_user_get_the_same_error() {
    let api = api();
    person(&api, 1, &[Role::Learner]);
    let wrong = sign_in(&api, "user1", "not the password", now()).expect_err("refused");
    let unknown = sign_in(&api, "nobody", PASSWORD, now()).expect_err("refused");
    assert_eq!(wrong.code, ErrorCode::InvalidCredentials);
    assert_eq!(wrong, unknown);
    assert!(!wrong.message.contains("user1"));
    // Case and spaces in the username do not matter.
    assert!(sign_in(&api, "  USER1 ", PASSWORD, now()).is_ok());
}

#[test]
fn repeated_failures_lock_for_a_while_known_or_unknown_name() {
    let api = api();
    person(&api, 1, &[Role::Learner]);
    for name in ["user1", "ghost"] {
        for i in 0..5 {
            let e = sign_in(&api, name, "wrong password!", now() + Duration::seconds(i))
                .expect_err("wrong");
            assert_eq!(e.code, ErrorCode::InvalidCredentials, "{name} attempt {i}");
        }
        // Locked: even the right password is refused, with a different code.
        let e = sign_in(&api, name, PASSWORD, now() + Duration::seconds(10)).expect_err("locked");
        assert_eq!(e.code, ErrorCode::AccountLocked, "{name}");
        assert!(e.message.contains("1 minute"), "{}", e.message);
    }
    let list = api
        .list_users(&Caller::LocalOperator, now() + Duration::seconds(10))
        .expect("list");
    assert!(list
        .iter()
        .any(|u| u.username.as_str() == "user1" && u.locked));
    // After the lock period the right password works and clears the count.
    let later = now() + Duration::minutes(2);
    assert!(sign_in(&api, "user1", PASSWORD, later).is_ok());
    assert!(sign_in(&api, "user1", "wrong password!", later).is_err());
    assert!(
        sign_in(&api, "user1", PASSWORD, later).is_ok(),
        "one failure after a reset does not lock"
    );
}

#[test]
fn sessions_end_on_sign_out_and_expire() {
    let api = api();
    person(&api, 1, &[Role::Learner]);
    let token = sign_in(&api, "user1", PASSWORD, now()).expect("signed in");
    assert!(api.caller(&token, now() + Duration::hours(11)).is_ok());
    assert_eq!(
        api.caller(&token, now() + Duration::hours(12))
            .expect_err("expired")
            .code,
        ErrorCode::NotSignedIn
    );
    let token = sign_in(&api, "user1", PASSWORD, now()).expect("signed in");
    api.sign_out(&token, now()).expect("signed out");
    assert_eq!(
        api.caller(&token, now()).expect_err("ended").code,
        ErrorCode::NotSignedIn
    );
    api.sign_out(&token, now())
        .expect("signing out twice is fine");
    let forged = mastery_api::SessionToken::from_secret("0".repeat(64));
    assert_eq!(
        api.caller(&forged, now()).expect_err("forged").code,
        ErrorCode::NotSignedIn
    );
}

#[test]
fn demo_learner_sees_twelve_courses_with_locks() {
    let api = api();
    api.seed_demo(&Caller::LocalOperator, now()).expect("demo");
    let token = sign_in(&api, "amelie", DEMO_PASSWORD, now()).expect("demo sign-in");
    let caller = api.caller(&token, now()).expect("caller");
    let cat = api.catalogue(&caller, now()).expect("catalogue");
    assert_eq!(cat.tracks.len(), 4);
    let courses: Vec<_> = cat.tracks.iter().flat_map(|t| t.courses.iter()).collect();
    assert_eq!(courses.len(), 12);
    let state = |id: &str| {
        courses
            .iter()
            .find(|c| c.id.as_str() == id)
            .map(|c| c.availability.clone())
            .expect("course present")
    };
    assert_eq!(state("clients-l1"), Availability::Completed);
    assert_eq!(state("clients-l2"), Availability::Open);
    match state("clients-l3") {
        Availability::Locked { missing } => {
            assert_eq!(missing.len(), 1);
            assert_eq!(missing[0].id.as_str(), "clients-l2");
            assert_eq!(
                missing[0].title.get("fr"),
                "Priorité aux clients — Niveau de maîtrise 2"
            );
        }
        other => panic!("{other:?}"),
    }
    match state("staff-l3") {
        Availability::Locked { missing } => assert_eq!(missing.len(), 2),
        other => panic!("{other:?}"),
    }
    assert_eq!(state("communities-l1"), Availability::Open);
    let home: Vec<_> = cat
        .tracks
        .iter()
        .filter(|t| t.is_home_track)
        .map(|t| t.track)
        .collect();
    assert_eq!(home, vec![mastery_types::Track::Clients]);
    // Every demo account signs in with the documented password.
    for u in api.list_users(&Caller::LocalOperator, now()).expect("list") {
        assert!(
            sign_in(&api, u.username.as_str(), DEMO_PASSWORD, now()).is_ok(),
            "{}",
            u.username
        );
    }
}

#[test]
fn the_database_survives_reopening_with_accounts_and_pack() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("m.sqlite3");
    {
        let api = Api::open(&path).expect("opens");
        api.load_shipped_pack(now()).expect("pack");
        api.seed_demo(&Caller::LocalOperator, now()).expect("demo");
    }
    let api = Api::open(&path).expect("reopens");
    assert_eq!(
        api.load_shipped_pack(now()).expect("pack again"),
        mastery_api::PackLoad::AlreadyPresent {
            version: "1.0.0".into()
        }
    );
    assert!(sign_in(&api, "sophie", DEMO_PASSWORD, now()).is_ok());
}

#[test]
fn a_learner_opens_open_courses_and_their_lessons_but_not_locked_ones() {
    use mastery_types::{CourseRequest, LessonRequest};
    let api = api();
    api.seed_demo(&Caller::LocalOperator, now()).expect("demo");
    let token = sign_in(&api, "amelie", DEMO_PASSWORD, now()).expect("demo sign-in");
    let caller = api.caller(&token, now()).expect("caller");

    let outline = api
        .course_outline(
            &caller,
            &CourseRequest {
                course: "clients-l2".into(),
            },
            now(),
        )
        .expect("clients-l2 is open to her");
    assert_eq!(outline.lessons.len(), 4);
    assert_eq!(
        outline.lessons.iter().map(|l| l.order).collect::<Vec<_>>(),
        vec![1, 2, 3, 4]
    );
    let check = outline.knowledge_check.expect("a knowledge check");
    assert!(check.items >= 10 && check.pass_mark == 80, "{check:?}");

    let first = &outline.lessons[0].id;
    let view = api
        .lesson(
            &caller,
            &LessonRequest {
                lesson: first.clone(),
            },
            now(),
        )
        .expect("lesson");
    assert_eq!(
        (view.order, view.of, view.previous.as_deref()),
        (1, 4, None)
    );
    assert_eq!(view.next.as_deref(), Some(outline.lessons[1].id.as_str()));
    for lang in ["en", "fr"] {
        let html = view.html.get(lang);
        assert!(
            html.contains("<h2>") && html.contains("<blockquote>"),
            "{lang}: {html}"
        );
        assert!(!html.contains("<script"), "{lang}");
    }

    // Locked behind clients-l2: refused by the API, whatever the UI shows.
    let locked = api
        .course_outline(
            &caller,
            &CourseRequest {
                course: "clients-l3".into(),
            },
            now(),
        )
        .expect_err("locked");
    assert_eq!(locked.code, ErrorCode::Forbidden);
    assert!(
        matches!(&locked.problem, Some(mastery_types::Problem::CourseLocked { missing, .. })
            if missing[0].get("en").contains("Mastery Level 2")),
        "{locked:?}"
    );
    let locked_lesson = api
        .lesson(
            &caller,
            &LessonRequest {
                lesson: "clients-l3/01-complex-sensitive-cases".into(),
            },
            now(),
        )
        .expect_err("locked lesson");
    assert_eq!(locked_lesson.code, ErrorCode::Forbidden);
    let unknown = api
        .course_outline(
            &caller,
            &CourseRequest {
                course: "nope".into(),
            },
            now(),
        )
        .expect_err("unknown");
    assert_eq!(unknown.code, ErrorCode::NotFound);
}
