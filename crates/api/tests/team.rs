//! Managers assign courses to their own staff with a due date in the
//! employee's office time zone; learners see what is due and what is late.

use crate::common::now;
use chrono::{Duration, NaiveDate, TimeZone, Utc};
use mastery_api::{Api, Caller, ErrorCode, DEMO_PASSWORD};
use mastery_types::{AssignCourseRequest, CourseId, SignInRequest};

fn demo() -> Api {
    let api = Api::open_in_memory().expect("api");
    api.load_shipped_pack(now()).expect("pack");
    api.seed_demo(&Caller::LocalOperator, now()).expect("demo");
    api
}

fn sign_in(api: &Api, who: &str) -> Caller {
    let (token, _) = api
        .sign_in(
            &SignInRequest {
                username: who.into(),
                password: DEMO_PASSWORD.into(),
            },
            now(),
        )
        .expect("sign in");
    api.caller(&token, now()).expect("caller")
}

#[test]
fn a_manager_assigns_and_the_due_date_follows_the_office_time_zone() {
    let api = demo();
    let sophie = sign_in(&api, "sophie");
    let jordan = sign_in(&api, "jordan");
    let team = api.my_team(&sophie, now()).expect("team");
    let member = team
        .members
        .iter()
        .find(|m| m.name == "Jordan Baptiste")
        .expect("Jordan reports to Sophie");
    let due = NaiveDate::from_ymd_opt(2026, 12, 4).expect("date");
    let assigned = api
        .assign_course(
            &sophie,
            &AssignCourseRequest {
                learner: member.person_id,
                course: CourseId("clients-l1".into()),
                due_on: due,
                note: "Before the holiday peak.".into(),
            },
            now(),
        )
        .expect("assigned");
    assert!(!assigned.overdue && !assigned.completed);
    let mine = api.due_courses(&jordan, now()).expect("due");
    assert_eq!(mine.len(), 1);
    assert_eq!(
        (mine[0].due_on, mine[0].assigned_by.as_str()),
        (due, "Sophie Tremblay")
    );
    // 02:00 UTC on Dec 5 is still Dec 4 in Toronto (Jordan's office): not late.
    let late_evening = Utc
        .with_ymd_and_hms(2026, 12, 5, 2, 0, 0)
        .single()
        .expect("time");
    assert!(!api.due_courses(&jordan, late_evening).expect("due")[0].overdue);
    // 06:00 UTC is Dec 5 in Toronto too: late.
    let next_morning = late_evening + Duration::hours(4);
    assert!(api.due_courses(&jordan, next_morning).expect("due")[0].overdue);
    // Assigning again moves the due date.
    let later = due + Duration::days(14);
    api.assign_course(
        &sophie,
        &AssignCourseRequest {
            learner: member.person_id,
            course: CourseId("clients-l1".into()),
            due_on: later,
            note: String::new(),
        },
        now(),
    )
    .expect("moved");
    assert_eq!(
        api.due_courses(&jordan, now()).expect("due")[0].due_on,
        later
    );
}

#[test]
fn only_the_own_manager_assigns_and_bad_dates_are_refused() {
    let api = demo();
    let sophie = sign_in(&api, "sophie");
    let rajinder = sign_in(&api, "rajinder");
    let jordan = sign_in(&api, "jordan");
    let member = api
        .my_team(&sophie, now())
        .expect("team")
        .members
        .into_iter()
        .find(|m| m.name == "Jordan Baptiste")
        .expect("member");
    let req = |due_on: NaiveDate| AssignCourseRequest {
        learner: member.person_id,
        course: CourseId("clients-l1".into()),
        due_on,
        note: String::new(),
    };
    let today = now().date_naive();
    let err = api
        .assign_course(&rajinder, &req(today + Duration::days(7)), now())
        .expect_err("not his staff");
    assert_eq!(err.code, ErrorCode::Forbidden);
    assert!(
        matches!(
            err.problem,
            Some(mastery_types::Problem::NotYourStaff { .. })
        ),
        "{}",
        err.message
    );
    assert_eq!(
        api.assign_course(&jordan, &req(today), now())
            .expect_err("learner")
            .code,
        ErrorCode::Forbidden
    );
    let err = api
        .assign_course(&sophie, &req(today - Duration::days(1)), now())
        .expect_err("past");
    assert!(err.message.contains("in the past"), "{}", err.message);
    let err = api
        .assign_course(&sophie, &req(today + Duration::days(800)), now())
        .expect_err("far");
    assert!(err.message.contains("730 days"), "{}", err.message);
    let mut unknown = req(today);
    unknown.course = CourseId("nope".into());
    assert_eq!(
        api.assign_course(&sophie, &unknown, now())
            .expect_err("course")
            .code,
        ErrorCode::NotFound
    );
    assert!(
        api.due_courses(&jordan, now()).expect("due").is_empty(),
        "nothing saved"
    );
}

#[test]
fn the_team_overview_shows_each_persons_standing_on_every_course() {
    use mastery_types::{Availability, CourseProgress, CourseRequest, LessonDoneRequest};
    let api = demo();
    let sophie = sign_in(&api, "sophie");
    let jordan = sign_in(&api, "jordan");
    let outline = api
        .course_outline(
            &jordan,
            &CourseRequest {
                course: CourseId("clients-l1".into()),
            },
            now(),
        )
        .expect("outline");
    for l in &outline.lessons {
        api.mark_lesson_done(
            &jordan,
            &LessonDoneRequest {
                lesson: l.id.clone(),
            },
            now(),
        )
        .expect("done");
    }
    let team = api.my_team(&sophie, now()).expect("team");
    assert_eq!(team.columns.len(), 12);
    assert_eq!(
        team.columns
            .iter()
            .take(3)
            .map(|c| c.course.as_str())
            .collect::<Vec<_>>(),
        ["clients-l1", "clients-l2", "clients-l3"],
        "grouped by track, then level"
    );
    assert!(team.members.iter().all(|m| m.progress.len() == 12));
    let row = team
        .members
        .iter()
        .find(|m| m.name == "Jordan Baptiste")
        .expect("Jordan");
    // Four requirements and six hours in class (three so far).
    assert_eq!(row.progress[0], CourseProgress::Open { met: 1, of: 5 });
    assert_eq!(row.progress[1], CourseProgress::Locked);
    // The overview agrees with what Jordan himself sees, course by course.
    let catalogue = api.catalogue(&jordan, now()).expect("catalogue");
    for (col, progress) in team.columns.iter().zip(&row.progress) {
        let mine = catalogue
            .tracks
            .iter()
            .flat_map(|t| t.courses.iter())
            .find(|c| c.id == col.course)
            .expect("in the catalogue");
        let same = matches!(
            (&mine.availability, progress),
            (Availability::Completed, CourseProgress::Completed)
                | (Availability::Locked { .. }, CourseProgress::Locked)
                | (Availability::Open, CourseProgress::Open { .. })
        );
        assert!(
            same,
            "{}: {:?} vs {progress:?}",
            col.course, mine.availability
        );
    }
    assert!(
        team.members
            .iter()
            .any(|m| m.progress.contains(&CourseProgress::Completed)),
        "the demo team has completed courses"
    );
}

/// The organization's figures: a manager sees the people in their charge
/// only, an administrator everyone; completions fall in the month they
/// were made; certifications in force are counted by office; a learner
/// sees nothing.
#[test]
fn the_dashboard_counts_a_managers_staff_and_the_whole_organization() {
    use mastery_types::{DashboardScope, Driver};
    let api = crate::common::demo();
    let sophie = crate::common::demo_sign_in(&api, "sophie");
    let d = api.org_dashboard(&sophie, now()).expect("dashboard");
    assert_eq!(d.scope, DashboardScope::Staff);
    // Marc-André, Amélie, Jordan, Li, Fatima and Noah.
    assert_eq!(d.people, 6);
    assert_eq!(d.months.len(), 12);
    assert_eq!(d.months.last().map(String::as_str), Some("2026-11"));
    let clients_l1 = d
        .completions
        .iter()
        .find(|c| c.course.as_str() == "clients-l1")
        .expect("clients-l1");
    // Recorded for Marc-André (nearly three years ago, before the months
    // shown), Amélie and Li (this year).
    assert_eq!(clients_l1.total, 3);
    assert_eq!(clients_l1.per_month.iter().sum::<u32>(), 2);
    assert_eq!(d.coaching.len(), Driver::ALL.len());
    // Marc-André holds Levels 1 and 2; the rest of Riverside nothing.
    assert_eq!(d.certifications.len(), 1);
    let riverside = &d.certifications[0];
    assert!(riverside
        .office
        .as_deref()
        .is_some_and(|o| o.starts_with("Riverside")));
    assert_eq!((riverside.people, riverside.certified), (6, [1, 1, 0]));

    let rajinder = crate::common::demo_sign_in(&api, "rajinder");
    let d = api.org_dashboard(&rajinder, now()).expect("dashboard");
    assert_eq!(d.people, 6);
    assert!(d
        .certifications
        .iter()
        .all(|o| o.office.as_deref().is_some_and(|o| o.starts_with("Baie"))));

    let admin = crate::common::demo_sign_in(&api, "admin");
    let d = api.org_dashboard(&admin, now()).expect("dashboard");
    assert_eq!(d.scope, DashboardScope::Organization);
    assert_eq!(d.people, 15);
    assert_eq!(d.certifications.len(), 2);

    let amelie = crate::common::demo_sign_in(&api, "amelie");
    assert_eq!(
        api.org_dashboard(&amelie, now())
            .expect_err("a learner")
            .code,
        mastery_api::ErrorCode::Forbidden
    );
}
