//! The role matrix of every command that acts for a caller: each command is
//! tried by a person holding each single role, by a person with no role,
//! and by the local operator.

use crate::common::{api, new_user, now, person};
use mastery_api::{Api, Caller, ErrorCode};
use mastery_types::{CourseRequest, LessonRequest, Role, SetLanguageRequest};

type Command = fn(&Api, &Caller, u32) -> Result<(), mastery_api::ApiError>;

/// Every command that takes a caller.
fn commands() -> Vec<(&'static str, Command)> {
    vec![
        ("catalogue", |api, c, _| api.catalogue(c).map(drop)),
        ("course_outline", |api, c, _| {
            api.course_outline(
                c,
                &CourseRequest {
                    course: "clients-l1".into(),
                },
            )
            .map(drop)
        }),
        ("lesson", |api, c, _| {
            api.lesson(
                c,
                &LessonRequest {
                    lesson: "clients-l1/01-first-contact".into(),
                },
            )
            .map(drop)
        }),
        ("session_info", |api, c, _| api.session_info(c).map(drop)),
        ("set_language", |api, c, _| {
            api.set_language(
                c,
                &SetLanguageRequest {
                    language: "fr".into(),
                },
                now(),
            )
            .map(drop)
        }),
        ("list_users", |api, c, _| api.list_users(c, now()).map(drop)),
        ("add_user", |api, c, n| {
            api.add_user(c, &new_user(1000 + n, &[Role::Learner]), now())
                .map(drop)
        }),
        ("seed_demo", |api, c, _| api.seed_demo(c, now()).map(drop)),
    ]
}

/// May `role` (`None`: the local operator) run `command`?
fn allowed(command: &str, role: Option<Role>) -> bool {
    match (command, role) {
        ("catalogue" | "course_outline" | "lesson", Some(Role::Learner)) => true,
        ("session_info" | "set_language", Some(_)) => true,
        ("list_users" | "add_user", Some(Role::Administrator) | None) => true,
        // Only the local operator seeds the demo (into an empty database:
        // see the next tests for a database that has accounts).
        ("seed_demo", None) => true,
        _ => false,
    }
}

#[test]
fn every_command_checks_the_callers_role() {
    let commands = commands();
    let mut checked = 0;
    let mut n = 0;
    let mut subjects: Vec<(Option<Role>, &str)> =
        Role::ALL.iter().map(|r| (Some(*r), r.as_str())).collect();
    subjects.push((None, "local operator"));
    for (role, who) in subjects {
        for (name, command) in &commands {
            n += 1;
            let api = api();
            let caller = match role {
                Some(r) => person(&api, n, &[r]),
                None => Caller::LocalOperator,
            };
            let result = command(&api, &caller, n);
            match (allowed(name, role), &result) {
                (true, Ok(())) => {}
                (false, Err(e)) if e.code == ErrorCode::Forbidden => {}
                (want, got) => panic!("{name} by {who}: expected allowed={want}, got {got:?}"),
            }
            checked += 1;
        }
    }
    assert_eq!(checked, commands.len() * (Role::ALL.len() + 1));
}

#[test]
fn a_person_with_several_roles_gets_the_union() {
    let api = api();
    let caller = person(&api, 1, &[Role::Coach, Role::Learner, Role::Administrator]);
    assert!(api.catalogue(&caller).is_ok());
    assert!(api.list_users(&caller, now()).is_ok());
    let info = api.session_info(&caller).expect("info");
    assert_eq!(
        info.roles,
        vec![Role::Learner, Role::Coach, Role::Administrator]
    );
}

#[test]
fn the_local_operator_seeds_the_demo_only_into_an_empty_database() {
    let api = api();
    let s = api.seed_demo(&Caller::LocalOperator, now()).expect("seeds");
    assert_eq!((s.offices, s.accounts), (2, 15));
    let again = api
        .seed_demo(&Caller::LocalOperator, now())
        .expect_err("second time refused");
    assert_eq!(again.code, ErrorCode::Conflict);
    assert_eq!(
        api.list_users(&Caller::LocalOperator, now())
            .expect("list")
            .len(),
        15
    );
}
