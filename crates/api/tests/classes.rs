//! Classes and the post-class survey through the API: scheduling in the
//! office's time zone and its refusals, seats and the waiting list,
//! withdrawal, attendance by whoever runs the class only, the survey asked
//! of attendees after the end, one response each, stored without identity,
//! and results shown only for five responses or more.

use crate::common::{now, person};
use chrono::{DateTime, TimeZone, Utc};
use mastery_api::{Api, Caller, ErrorCode};
use mastery_types::{
    AnswerSurveyRequest, AttendanceRequest, CancelClassRequest, ClassRequest, CourseId,
    GroupResults, Problem, QuestionResult, Role, ScheduleClassRequest, Seat, SurveyAnswer,
    SurveyAnswerProblem, SurveyResultsRequest,
};

fn schedule(capacity: u32) -> ScheduleClassRequest {
    ScheduleClassRequest {
        course: CourseId("clients-l1".into()),
        date: "2026-11-30".into(),
        starts: "13:00".into(),
        ends: "16:00".into(),
        place: "Room 204".into(),
        facilitator: None,
        capacity,
    }
}

/// 2026-11-30 at `h`:00 UTC (the class runs 18:00–21:00 UTC: 13:00–16:00 in Toronto).
fn day(h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, h, 0, 0)
        .single()
        .expect("time")
}

fn id(c: &Caller) -> mastery_types::PersonId {
    match c {
        Caller::Person { id, .. } => *id,
        Caller::LocalOperator => panic!("a person"),
    }
}

fn req(class: &str) -> ClassRequest {
    ClassRequest {
        class_id: class.into(),
    }
}

/// Answers every required question of the shipped post-class survey.
fn answers(likert: u8, recommend: u8) -> Vec<(String, SurveyAnswer)> {
    let pack = mastery_packs::shipped().expect("pack");
    let survey = pack.survey("post-class").expect("survey");
    survey
        .questions
        .iter()
        .filter(|q| q.required)
        .map(|q| {
            let a = match &q.kind {
                mastery_packs::QuestionKind::Likert => SurveyAnswer::Likert(likert),
                mastery_packs::QuestionKind::Recommend => SurveyAnswer::Recommend(recommend),
                mastery_packs::QuestionKind::Single { options } => {
                    SurveyAnswer::Single(options[0].id.clone())
                }
                mastery_packs::QuestionKind::Multiple { options } => {
                    SurveyAnswer::Multiple(vec![options[0].id.clone()])
                }
                mastery_packs::QuestionKind::Text => SurveyAnswer::Text("Useful.".into()),
            };
            (q.id.clone(), a)
        })
        .collect()
}

fn problem(e: mastery_api::ApiError) -> Problem {
    e.problem.expect("a typed problem")
}

#[test]
fn a_class_is_scheduled_in_the_office_time_zone_and_bad_ones_are_refused() {
    let api = crate::common::api();
    let coach = person(&api, 1, &[Role::Coach]);
    let learner = person(&api, 2, &[Role::Learner]);
    let c = api
        .schedule_class(&coach, &schedule(12), now())
        .expect("scheduled");
    assert_eq!(
        (c.starts_at, c.ends_at),
        (day(18), day(21)),
        "13:00–16:00 in Toronto"
    );
    assert_eq!(c.time_zone, "America/Toronto");
    assert!(c.runs_it);
    let home = api.classes_home(&coach, now()).expect("home");
    assert_eq!(home.running.len(), 1);
    assert!(
        home.upcoming.is_empty(),
        "not offered to the one who runs it"
    );
    assert_eq!(
        api.classes_home(&learner, now())
            .expect("home")
            .upcoming
            .len(),
        1
    );
    let refuse = |r: ScheduleClassRequest| {
        problem(api.schedule_class(&coach, &r, now()).expect_err("refused"))
    };
    assert_eq!(refuse(schedule(0)), Problem::ClassNoCapacity);
    assert_eq!(
        refuse(ScheduleClassRequest {
            date: "2026-11-28".into(),
            ..schedule(5)
        }),
        Problem::ClassInThePast
    );
    assert_eq!(
        refuse(ScheduleClassRequest {
            ends: "12:00".into(),
            ..schedule(5)
        }),
        Problem::ClassEndsBeforeStart
    );
    assert!(matches!(
        refuse(ScheduleClassRequest {
            starts: "25:00".into(),
            ..schedule(5)
        }),
        Problem::NotATime { .. }
    ));
    assert_eq!(
        api.schedule_class(&learner, &schedule(5), now())
            .expect_err("learner")
            .code,
        ErrorCode::Forbidden
    );
}

#[test]
fn seats_go_in_order_a_withdrawal_frees_one_and_attendance_is_for_whoever_runs_it() {
    let api = crate::common::api();
    let coach = person(&api, 1, &[Role::Coach]);
    let other_coach = person(&api, 3, &[Role::Coach]);
    let a = person(&api, 10, &[Role::Learner]);
    let b = person(&api, 11, &[Role::Learner]);
    let c = person(&api, 12, &[Role::Learner]);
    let class = api
        .schedule_class(&coach, &schedule(2), now())
        .expect("scheduled")
        .id;
    assert_eq!(
        api.enrol_in_class(&a, &req(&class), now()).expect("a").seat,
        Seat::Enrolled
    );
    assert_eq!(
        api.enrol_in_class(&b, &req(&class), now()).expect("b").seat,
        Seat::Enrolled
    );
    assert_eq!(
        api.enrol_in_class(&c, &req(&class), now()).expect("c").seat,
        Seat::Waiting(1)
    );
    assert_eq!(
        problem(
            api.enrol_in_class(&a, &req(&class), now())
                .expect_err("twice")
        ),
        Problem::AlreadyEnrolled
    );
    // a withdraws: c takes the seat.
    api.withdraw_from_class(&a, &req(&class), now())
        .expect("withdrawn");
    let home = api.classes_home(&c, now()).expect("home");
    assert_eq!(home.upcoming[0].seat, Seat::Enrolled);
    // Attendance: not before the start, not by another coach, not for a
    // person without a seat.
    let mark = |who: &Caller, p: &Caller, at| {
        api.mark_attendance(
            who,
            &AttendanceRequest {
                class_id: class.clone(),
                person_id: id(p),
                present: true,
            },
            at,
        )
    };
    assert_eq!(
        problem(mark(&coach, &b, day(17)).expect_err("early")),
        Problem::ClassNotStarted
    );
    assert_eq!(
        problem(mark(&other_coach, &b, day(19)).expect_err("not theirs")),
        Problem::NotRunningClass
    );
    assert_eq!(
        problem(mark(&coach, &a, day(19)).expect_err("withdrew")),
        Problem::NotEnrolled
    );
    let detail = mark(&coach, &b, day(19)).expect("present");
    assert_eq!(
        detail
            .members
            .iter()
            .filter(|m| m.present == Some(true))
            .count(),
        1
    );
    // Enrolling and withdrawing close at the start.
    assert_eq!(
        problem(
            api.withdraw_from_class(&b, &req(&class), day(19))
                .expect_err("started")
        ),
        Problem::ClassStarted
    );
}

#[test]
fn a_cancelled_class_is_announced_and_closed() {
    let api = crate::common::api();
    let coach = person(&api, 1, &[Role::Coach]);
    let a = person(&api, 10, &[Role::Learner]);
    let class = api
        .schedule_class(&coach, &schedule(5), now())
        .expect("scheduled")
        .id;
    api.enrol_in_class(&a, &req(&class), now())
        .expect("enrolled");
    let cancel = |reason: &str| {
        api.cancel_class(
            &coach,
            &CancelClassRequest {
                class_id: class.clone(),
                reason: reason.into(),
            },
            now(),
        )
    };
    assert!(cancel(" ").is_err(), "a reason is needed");
    assert!(
        cancel("The facilitator is ill.")
            .expect("cancelled")
            .cancelled
    );
    let home = api.classes_home(&a, now()).expect("home");
    assert_eq!(home.cancelled.len(), 1);
    assert_eq!(
        home.cancelled[0].cancel_reason.as_deref(),
        Some("The facilitator is ill.")
    );
    assert!(home.upcoming.is_empty());
    let b = person(&api, 11, &[Role::Learner]);
    assert_eq!(
        problem(
            api.enrol_in_class(&b, &req(&class), now())
                .expect_err("cancelled")
        ),
        Problem::ClassCancelled
    );
}

/// A class of `n` attendees who each answer the survey (Likert `l`,
/// recommendation `r`), on `api`.
fn class_with_responses(api: &Api, coach: &Caller, first: u32, n: u32, l: u8, r: u8) -> String {
    let class = api
        .schedule_class(coach, &schedule(n.max(1)), now())
        .expect("scheduled")
        .id;
    let people: Vec<Caller> = (first..first + n)
        .map(|i| person(api, i, &[Role::Learner]))
        .collect();
    for p in &people {
        api.enrol_in_class(p, &req(&class), now())
            .expect("enrolled");
    }
    for p in &people {
        api.mark_attendance(
            coach,
            &AttendanceRequest {
                class_id: class.clone(),
                person_id: id(p),
                present: true,
            },
            day(19),
        )
        .expect("present");
    }
    for p in &people {
        api.answer_survey(
            p,
            &AnswerSurveyRequest {
                occasion: class.clone(),
                answers: answers(l, r),
            },
            day(22),
        )
        .expect("answered");
    }
    class
}

#[test]
fn attendees_are_asked_after_the_end_answer_once_and_bad_answers_are_refused() {
    let api = crate::common::api();
    let coach = person(&api, 1, &[Role::Coach]);
    let a = person(&api, 10, &[Role::Learner]);
    let b = person(&api, 11, &[Role::Learner]);
    let class = api
        .schedule_class(&coach, &schedule(5), now())
        .expect("scheduled")
        .id;
    for p in [&a, &b] {
        api.enrol_in_class(p, &req(&class), now())
            .expect("enrolled");
    }
    for (p, present) in [(&a, true), (&b, false)] {
        api.mark_attendance(
            &coach,
            &AttendanceRequest {
                class_id: class.clone(),
                person_id: id(p),
                present,
            },
            day(19),
        )
        .expect("marked");
    }
    assert!(
        api.classes_home(&a, day(20))
            .expect("home")
            .surveys
            .is_empty(),
        "not ended"
    );
    assert_eq!(
        api.classes_home(&a, day(22)).expect("home").surveys.len(),
        1
    );
    assert!(
        api.classes_home(&b, day(22))
            .expect("home")
            .surveys
            .is_empty(),
        "absent"
    );
    let answer = |who: &Caller, answers| {
        api.answer_survey(
            who,
            &AnswerSurveyRequest {
                occasion: class.clone(),
                answers,
            },
            day(22),
        )
    };
    assert!(matches!(
        problem(answer(&a, answers(6, 10)).expect_err("out of scale")),
        Problem::SurveyAnswer {
            problem: SurveyAnswerProblem::OutOfScale { .. }
        }
    ));
    assert_eq!(
        problem(answer(&b, answers(4, 9)).expect_err("absent")),
        Problem::SurveyNotDue
    );
    // Thirty days after the class, the survey has closed.
    assert_eq!(
        problem(
            api.answer_survey(
                &a,
                &AnswerSurveyRequest {
                    occasion: class.clone(),
                    answers: answers(4, 9),
                },
                day(21) + chrono::Duration::days(30),
            )
            .expect_err("closed")
        ),
        Problem::SurveyNotDue
    );
    assert!(api
        .classes_home(&a, day(21) + chrono::Duration::days(30))
        .expect("home")
        .surveys
        .is_empty());
    answer(&a, answers(4, 9)).expect("answered");
    assert_eq!(
        problem(answer(&a, answers(4, 9)).expect_err("twice")),
        Problem::SurveyNotDue
    );
    assert!(api
        .classes_home(&a, day(22))
        .expect("home")
        .surveys
        .is_empty());
}

#[test]
fn responses_hold_nothing_personal_and_results_need_five() {
    let api = crate::common::api();
    let coach = person(&api, 1, &[Role::Coach]);
    let designer = person(&api, 2, &[Role::CourseDesigner]);
    let results = || {
        api.survey_results(
            &designer,
            &SurveyResultsRequest {
                course: CourseId("clients-l1".into()),
                version: None,
            },
        )
        .expect("results")
    };
    class_with_responses(&api, &coach, 10, 4, 4, 9);
    assert_eq!(results().results, GroupResults::Suppressed { threshold: 5 });
    let csv_req = SurveyResultsRequest {
        course: CourseId("clients-l1".into()),
        version: None,
    };
    // The export suppresses the same way: one line, no count, no answer.
    let csv = api.survey_results_csv(&designer, &csv_req).expect("csv");
    assert_eq!(csv.lines().count(), 2, "{csv}");
    assert!(csv.contains(",suppressed,fewer than 5 responses,"), "{csv}");
    assert!(!csv.contains("likert"), "{csv}");
    class_with_responses(&api, &coach, 20, 2, 2, 3);
    let r = results();
    assert_eq!(r.asked, 6, "four and two attendees, all asked");
    let GroupResults::Shown {
        responses,
        questions,
    } = r.results
    else {
        panic!("six responses are shown")
    };
    assert_eq!(responses, 6);
    assert!(questions.iter().any(
        |(_, q)| matches!(q, QuestionResult::Likert { counts, .. } if counts == &[0, 2, 0, 4, 0])
    ));
    let csv = api.survey_results_csv(&designer, &csv_req).expect("csv");
    assert!(csv.contains(",,responses,,6\r\n"), "{csv}");
    assert!(csv.contains(",q01,likert,4,4\r\n"), "{csv}");
    // Nothing in a response says whose or when: no person, no time, a
    // random key, no row order.
    let columns: Vec<String> = api
        .store()
        .read(|c| {
            let mut s = c.prepare("SELECT name FROM pragma_table_info('survey_responses')")?;
            let v = s
                .query_map([], |r| r.get(0))?
                .collect::<Result<Vec<String>, _>>()?;
            Ok(v)
        })
        .expect("columns");
    assert!(
        columns
            .iter()
            .all(|c| !c.contains("person") && !c.ends_with("_at")),
        "{columns:?}"
    );
    let without_rowid: i64 = api
        .store()
        .read(|c| {
            Ok(c.query_row(
                "SELECT COUNT(*) FROM pragma_table_list WHERE name = 'survey_responses' AND wr = 1",
                [],
                |r| r.get(0),
            )?)
        })
        .expect("table list");
    assert_eq!(without_rowid, 1);
    let ids: Vec<String> = api
        .store()
        .read(|c| {
            let mut s = c.prepare("SELECT id FROM survey_responses")?;
            let v = s
                .query_map([], |r| r.get(0))?
                .collect::<Result<Vec<String>, _>>()?;
            Ok(v)
        })
        .expect("ids");
    assert!(ids
        .iter()
        .all(|i| uuid::Uuid::parse_str(i).is_ok_and(|u| u.get_version_num() == 4)));
    // Learners and coaches do not see results.
    let learner = person(&api, 40, &[Role::Learner]);
    for who in [&learner, &coach] {
        let e = api
            .survey_results(
                who,
                &SurveyResultsRequest {
                    course: CourseId("clients-l1".into()),
                    version: None,
                },
            )
            .expect_err("not for them");
        assert_eq!(e.code, ErrorCode::Forbidden);
    }
}

/// Managers see the results by office and by facilitator, each group under
/// five hidden, no group worked out by subtraction, and no comment beside a
/// breakdown; course designers see the whole only.
#[test]
fn breakdowns_by_facilitator_never_reveal_a_small_group() {
    let api = crate::common::api();
    let coach = person(&api, 1, &[Role::Coach]);
    let other = person(&api, 2, &[Role::Coach]);
    let manager = person(&api, 3, &[Role::Manager]);
    let designer = person(&api, 4, &[Role::CourseDesigner]);
    let req = SurveyResultsRequest {
        course: CourseId("clients-l1".into()),
        version: None,
    };
    class_with_responses(&api, &coach, 10, 6, 4, 9);
    let r = api.survey_results(&manager, &req).expect("results");
    assert_eq!(r.by_facilitator.len(), 1);
    let GroupResults::Shown {
        responses,
        questions,
    } = &r.by_facilitator[0].1
    else {
        panic!("six responses for one facilitator are shown")
    };
    assert_eq!(*responses, 6);
    assert!(
        !questions
            .iter()
            .any(|(_, q)| matches!(q, QuestionResult::Text { .. })),
        "no comments beside a breakdown"
    );
    assert_eq!(r.by_office.len(), 1);
    assert!(api
        .survey_results(&designer, &req)
        .expect("results")
        .by_facilitator
        .is_empty());
    // Two responses from another facilitator's class: hiding them alone
    // would let the whole (8) minus the first (6) tell them, so the first
    // is hidden too.
    class_with_responses(&api, &other, 30, 2, 1, 0);
    let r = api.survey_results(&manager, &req).expect("results");
    assert!(matches!(
        r.results,
        GroupResults::Shown { responses: 8, .. }
    ));
    assert_eq!(r.by_facilitator.len(), 2);
    assert!(r
        .by_facilitator
        .iter()
        .all(|(_, g)| matches!(g, GroupResults::Suppressed { .. })));
    let csv = api.survey_results_csv(&manager, &req).expect("csv");
    assert_eq!(
        csv.matches("facilitator: ").count(),
        2,
        "one line per hidden group: {csv}"
    );
    assert!(
        csv.lines()
            .filter(|l| l.contains("facilitator: "))
            .all(|l| l.contains(",suppressed,fewer than 5 responses,")),
        "{csv}"
    );
}

/// Whoever runs a class invites learners they coach before it starts; the
/// invited learner holds a seat; nobody else may invite, nobody twice.
#[test]
fn the_facilitator_invites_learners_they_coach() {
    let api = crate::common::api();
    let coach = person(&api, 1, &[Role::Coach]);
    let other = person(&api, 2, &[Role::Coach]);
    let a = person(&api, 10, &[Role::Learner]);
    let class = api
        .schedule_class(&coach, &schedule(5), now())
        .expect("scheduled")
        .id;
    let detail = api
        .class_detail(&coach, &req(&class), now())
        .expect("detail");
    assert!(
        detail.invitable.iter().any(|(p, _)| *p == id(&a)),
        "{:?}",
        detail.invitable
    );
    let invite = |who: &Caller, at| {
        api.invite_to_class(
            who,
            &mastery_types::InviteRequest {
                class_id: class.clone(),
                person_id: id(&a),
            },
            at,
        )
    };
    assert_eq!(
        problem(invite(&other, now()).expect_err("not running it")),
        Problem::NotRunningClass
    );
    let detail = invite(&coach, now()).expect("invited");
    assert!(detail
        .members
        .iter()
        .any(|m| m.person_id == id(&a) && !m.waiting));
    assert!(!detail.invitable.iter().any(|(p, _)| *p == id(&a)));
    assert_eq!(
        problem(invite(&coach, now()).expect_err("twice")),
        Problem::AlreadyEnrolled
    );
    let home = api.classes_home(&a, now()).expect("home");
    assert!(home
        .upcoming
        .iter()
        .any(|c| c.id == class && c.seat == Seat::Enrolled));
    // Once the class has started, nobody is invited.
    assert!(api
        .class_detail(&coach, &req(&class), day(19))
        .expect("detail")
        .invitable
        .is_empty());
}
