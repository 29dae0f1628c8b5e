//! Bad input gets a clear error naming the problem, and saves nothing.

use crate::common::{api, new_user, now, person};
use mastery_api::{Caller, ErrorCode};
use mastery_types::{Role, SetLanguageRequest};

fn count(api: &mastery_api::Api) -> usize {
    api.list_users(&Caller::LocalOperator, now())
        .expect("list")
        .len()
}

/// A change that makes a valid new account invalid.
type Spoil = Box<dyn Fn(&mut mastery_types::NewUser)>;

#[test]
fn invalid_new_accounts_are_refused_with_the_reason() {
    let api = api();
    let cases: Vec<(&str, Spoil, &str)> = vec![
        (
            "short password",
            Box::new(|u| u.password = "short".into()),
            "at least 10 characters",
        ),
        (
            "password = username",
            Box::new(|u| u.password = "User1.long.name".into()),
            "",
        ),
        (
            "space in username",
            Box::new(|u| u.username = "first last".into()),
            r#"not " ""#,
        ),
        (
            "empty name",
            Box::new(|u| u.display_name = "   ".into()),
            "name is empty",
        ),
        (
            "no employee number",
            Box::new(|u| u.employee_number = "".into()),
            "employee number is empty",
        ),
        (
            "no role",
            Box::new(|u| u.roles.clear()),
            "at least one role",
        ),
        (
            "bad language",
            Box::new(|u| u.language = "<script>".into()),
            "not a language tag",
        ),
    ];
    for (what, change, needle) in cases {
        let mut u = new_user(1, &[Role::Learner]);
        if what == "password = username" {
            u.username = "user1.long.name".into();
        }
        change(&mut u);
        let e = api
            .add_user(&Caller::LocalOperator, &u, now())
            .expect_err(what);
        assert_eq!(e.code, ErrorCode::InvalidInput, "{what}: {e:?}");
        assert!(e.message.contains(needle), "{what}: {}", e.message);
        assert!(
            e.problem.is_some(),
            "{what}: the UI needs the problem to translate it"
        );
        assert_eq!(count(&api), 0, "{what} saved something");
    }
}

#[test]
fn duplicates_are_refused_and_leave_no_half_written_person() {
    let api = api();
    api.add_user(
        &Caller::LocalOperator,
        &new_user(1, &[Role::Learner]),
        now(),
    )
    .expect("first");
    let mut same_number = new_user(2, &[Role::Learner]);
    same_number.employee_number = "E00001".into();
    let e = api
        .add_user(&Caller::LocalOperator, &same_number, now())
        .expect_err("dup number");
    assert_eq!(e.code, ErrorCode::Conflict);
    assert!(e.message.contains("E00001"), "{}", e.message);
    assert_eq!(
        e.problem,
        Some(mastery_types::Problem::EmployeeNumberTaken {
            number: "E00001".into()
        })
    );
    let mut same_username = new_user(3, &[Role::Learner]);
    same_username.username = "USER1".into();
    let e = api
        .add_user(&Caller::LocalOperator, &same_username, now())
        .expect_err("dup username");
    assert_eq!(e.code, ErrorCode::Conflict);
    // The person row of the refused account was rolled back with it.
    let persons: i64 = api
        .store()
        .read(|c| Ok(c.query_row("SELECT COUNT(*) FROM persons", [], |r| r.get(0))?))
        .expect("count");
    assert_eq!(persons, 1);
}

#[test]
fn a_bad_language_is_refused_and_the_old_one_kept() {
    let api = api();
    let caller = person(&api, 1, &[Role::Learner]);
    let e = api
        .set_language(
            &caller,
            &SetLanguageRequest {
                language: "".into(),
            },
            now(),
        )
        .expect_err("refused");
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert_eq!(
        api.session_info(&caller).expect("info").language.as_str(),
        "en"
    );
}

#[test]
fn opening_a_file_that_is_not_a_database_names_the_problem() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("roster.csv");
    std::fs::write(&path, "employee_number,name\n1,Ada\n").expect("write");
    let e = mastery_api::Api::open(&path).err().expect("refused");
    assert_eq!(e.code, ErrorCode::NotADatabase);
    assert!(e.message.contains("roster.csv"), "{}", e.message);
}
