//! A learner's own work through the API: lessons done and resumed, the
//! knowledge check under its attempt policy, the self-assessment; and the
//! bad payloads that must change nothing.

use crate::common::{api, now, person};
use chrono::Duration;
use mastery_api::ErrorCode;
use mastery_packs::{ItemKind, QuizItem};
use mastery_types::{
    Answer, AttemptRequest, CourseId, CourseRequest, LessonDoneRequest, LessonPositionRequest,
    LessonRequest, Match, Role, SaveAnswerRequest, StyleRequest,
};
use std::collections::BTreeMap;

const COURSE: &str = "clients-l1";

fn course() -> CourseRequest {
    CourseRequest {
        course: CourseId(COURSE.into()),
    }
}

fn quiz_items() -> Vec<QuizItem> {
    let pack = mastery_packs::shipped().expect("shipped");
    pack.quiz_of(&CourseId(COURSE.into()))
        .expect("quiz")
        .items
        .clone()
}

/// The best answer to an item, from the pack's key.
fn right(item: &QuizItem) -> Answer {
    mastery_packs::best_answer(item)
}

/// A wrong answer of the right shape (every item type can be got wrong).
fn wrong(item: &QuizItem) -> Answer {
    match &item.kind {
        ItemKind::Single { choices, .. } => Answer::Single(
            choices
                .iter()
                .find(|c| !c.correct)
                .expect("a wrong choice")
                .id
                .clone(),
        ),
        ItemKind::Multiple { choices, .. } => Answer::Multiple(
            choices
                .iter()
                .filter(|c| !c.correct)
                .map(|c| c.id.clone())
                .collect(),
        ),
        ItemKind::TrueFalse { answer, .. } => Answer::TrueFalse(!*answer),
        ItemKind::Ordering { steps, .. } => {
            Answer::Ordering(steps.iter().rev().map(|s| s.id.clone()).collect())
        }
        ItemKind::Matching { pairs, .. } => {
            let n = pairs.len();
            Answer::Matching(
                pairs
                    .iter()
                    .enumerate()
                    .map(|(i, p)| Match {
                        left: p.id.clone(),
                        right: pairs[(i + 1) % n].id.clone(),
                    })
                    .collect(),
            )
        }
        ItemKind::Scenario { start, nodes, .. } => {
            let mut path = Vec::new();
            let mut at = Some(start.clone());
            while let Some(id) = at {
                let node = nodes.iter().find(|n| n.id == id).expect("node");
                let worst = node
                    .choices
                    .iter()
                    .min_by_key(|c| c.points)
                    .expect("a choice");
                path.push(worst.id.clone());
                at = worst.next.clone();
            }
            Answer::Scenario(path)
        }
    }
}

#[test]
fn lessons_are_marked_done_once_and_the_course_resumes_where_it_stopped() {
    let api = api();
    let me = person(&api, 1, &[Role::Learner]);
    let outline = api.course_outline(&me, &course(), now()).expect("outline");
    assert_eq!(outline.resume, None);
    assert_eq!(
        outline
            .requirements
            .iter()
            .map(|r| (r.key.as_str(), r.met))
            .collect::<Vec<_>>(),
        [
            ("lessons", false),
            ("knowledge_check", false),
            ("self_assessment", false),
            ("coaching", false),
            ("in_class", false)
        ]
    );
    let second = outline.lessons[1].id.clone();
    api.open_lesson(
        &me,
        &LessonRequest {
            lesson: second.clone(),
        },
        now(),
    )
    .expect("opened");
    assert_eq!(
        api.course_outline(&me, &course(), now())
            .expect("outline")
            .resume,
        Some(second.clone())
    );
    for (i, l) in outline.lessons.iter().enumerate() {
        let t = now() + Duration::minutes(i as i64);
        api.mark_lesson_done(
            &me,
            &LessonDoneRequest {
                lesson: l.id.clone(),
            },
            t,
        )
        .expect("done");
        api.mark_lesson_done(
            &me,
            &LessonDoneRequest {
                lesson: l.id.clone(),
            },
            t,
        )
        .expect("again, harmless");
    }
    let outline = api.course_outline(&me, &course(), now()).expect("outline");
    assert!(outline.lessons.iter().all(|l| l.done));
    assert_eq!(outline.requirements[0].key.as_str(), "lessons");
    assert!(outline.requirements[0].met);
    let done_facts: i64 = api
        .store()
        .read(|c| {
            Ok(c.query_row(
                "SELECT COUNT(*) FROM lesson_events WHERE kind = 'done'",
                [],
                |r| r.get(0),
            )?)
        })
        .expect("count");
    assert_eq!(done_facts, 4, "marking twice records once");
    // A locked course's lessons cannot be marked.
    let err = api
        .mark_lesson_done(
            &me,
            &LessonDoneRequest {
                lesson: "clients-l3/01-complex-sensitive-cases".into(),
            },
            now(),
        )
        .expect_err("locked");
    assert_eq!(err.code, ErrorCode::Forbidden, "{err:?}");
}

#[test]
fn a_knowledge_check_is_resumed_scored_with_feedback_and_passed() {
    let api = api();
    let me = person(&api, 1, &[Role::Learner]);
    let items = quiz_items();
    let attempt = api.start_quiz(&me, &course(), now()).expect("started");
    assert_eq!(attempt.number, 1);
    assert_eq!(attempt.items.len(), items.len());
    let json = serde_json::to_string(&attempt).expect("json");
    assert!(
        !json.contains("\"correct\""),
        "the answer key must not reach the learner"
    );
    assert!(!json.contains("\"points\""), "nor scenario points");

    // One wrong answer, the rest right; saved one by one.
    for (i, item) in items.iter().enumerate() {
        let answer = if i == 0 { wrong(item) } else { right(item) };
        let req = SaveAnswerRequest {
            attempt_id: attempt.attempt_id.clone(),
            item_id: item.id.clone(),
            answer,
        };
        api.save_answer(&me, &req, now()).expect("saved");
        if i == 2 {
            // The app closes here: starting again resumes the same attempt.
            let again = api.start_quiz(&me, &course(), now()).expect("resumed");
            assert_eq!(again.attempt_id, attempt.attempt_id);
            assert_eq!(again.saved.len(), 3);
        }
    }
    let result = api
        .submit_quiz(
            &me,
            &AttemptRequest {
                attempt_id: attempt.attempt_id.clone(),
            },
            now(),
        )
        .expect("submitted");
    assert!(!result.items[0].correct);
    assert!(
        !result.items[0].feedback.is_empty(),
        "feedback on the wrong answer"
    );
    assert!(
        result.items[1..].iter().all(|i| i.correct),
        "{:#?}",
        result.items
    );
    assert!(
        result.percent >= result.pass_mark && result.percent < 100,
        "{}",
        result.percent
    );
    assert!(result.passed);
    let status = api.quiz_status(&me, &course(), now()).expect("status");
    assert!(status.passed && !status.can_start);
    assert_eq!(status.attempts_used, 1);
    let err = api
        .start_quiz(&me, &course(), now())
        .expect_err("already passed");
    assert_eq!(err.code, ErrorCode::Conflict);
    let outline = api.course_outline(&me, &course(), now()).expect("outline");
    assert!(outline
        .requirements
        .iter()
        .any(|r| r.key.as_str() == "knowledge_check" && r.met));
}

#[test]
fn failed_attempts_wait_and_run_out() {
    let api = api();
    let me = person(&api, 1, &[Role::Learner]);
    let items = quiz_items();
    let pack = mastery_packs::shipped().expect("shipped");
    let quiz = pack
        .quiz_of(&CourseId(COURSE.into()))
        .expect("quiz")
        .clone();
    let mut t = now();
    for n in 1..=quiz.max_attempts {
        let a = api.start_quiz(&me, &course(), t).expect("start");
        assert_eq!(a.number, n);
        for item in &items {
            let req = SaveAnswerRequest {
                attempt_id: a.attempt_id.clone(),
                item_id: item.id.clone(),
                answer: wrong(item),
            };
            api.save_answer(&me, &req, t).expect("saved");
        }
        let r = api
            .submit_quiz(
                &me,
                &AttemptRequest {
                    attempt_id: a.attempt_id.clone(),
                },
                t,
            )
            .expect("submitted");
        assert!(!r.passed);
        assert_eq!(r.attempts_left, quiz.max_attempts - n);
        if n < quiz.max_attempts {
            let err = api
                .start_quiz(&me, &course(), t + Duration::minutes(1))
                .expect_err("too soon");
            assert_eq!(err.code, ErrorCode::Conflict);
            assert!(
                err.message.contains("the next attempt may start at"),
                "{}",
                err.message
            );
        }
        t += Duration::minutes(i64::from(quiz.wait_minutes_between_attempts) + 1);
    }
    let err = api.start_quiz(&me, &course(), t).expect_err("none left");
    assert!(
        err.message.contains("speak with your coach"),
        "{}",
        err.message
    );
}

#[test]
fn bad_answers_are_refused_and_change_nothing() {
    let api = api();
    let me = person(&api, 1, &[Role::Learner]);
    let other = person(&api, 2, &[Role::Learner]);
    let items = quiz_items();
    let a = api.start_quiz(&me, &course(), now()).expect("start");
    let single = items
        .iter()
        .find(|i| matches!(i.kind, ItemKind::Single { .. }))
        .expect("single");
    let ordering = items
        .iter()
        .find(|i| matches!(i.kind, ItemKind::Ordering { .. }))
        .expect("ordering");
    let save = |item: &str, answer: Answer| {
        api.save_answer(
            &me,
            &SaveAnswerRequest {
                attempt_id: a.attempt_id.clone(),
                item_id: item.into(),
                answer,
            },
            now(),
        )
    };
    assert_eq!(
        save("no-such-item", Answer::TrueFalse(true))
            .expect_err("no such item")
            .code,
        ErrorCode::NotFound
    );
    for (item, answer, why) in [
        (
            single.id.as_str(),
            Answer::TrueFalse(true),
            "expected one choice id",
        ),
        (
            single.id.as_str(),
            Answer::Single("zz".into()),
            "is not one of its choices",
        ),
        (
            ordering.id.as_str(),
            Answer::Ordering(vec![]),
            "in order exactly once",
        ),
    ] {
        let err = save(item, answer).expect_err(why);
        assert_eq!(err.code, ErrorCode::InvalidInput);
        assert!(err.message.contains(why), "{} vs {why}", err.message);
    }
    let resumed = api.start_quiz(&me, &course(), now()).expect("resume");
    assert!(resumed.saved.is_empty(), "nothing was saved");
    let err = api
        .submit_quiz(
            &me,
            &AttemptRequest {
                attempt_id: a.attempt_id.clone(),
            },
            now(),
        )
        .expect_err("incomplete");
    assert!(
        err.message.contains("are not answered yet"),
        "{}",
        err.message
    );
    // Another learner can neither answer nor submit this attempt.
    let req = SaveAnswerRequest {
        attempt_id: a.attempt_id.clone(),
        item_id: single.id.clone(),
        answer: right(single),
    };
    assert_eq!(
        api.save_answer(&other, &req, now())
            .expect_err("not theirs")
            .code,
        ErrorCode::NotFound
    );
    let err = api
        .submit_quiz(
            &other,
            &AttemptRequest {
                attempt_id: a.attempt_id.clone(),
            },
            now(),
        )
        .expect_err("not theirs");
    assert_eq!(err.code, ErrorCode::NotFound);
    // A locked course's check cannot start.
    let locked = CourseRequest {
        course: CourseId("clients-l3".into()),
    };
    assert_eq!(
        api.start_quiz(&me, &locked, now())
            .expect_err("locked")
            .code,
        ErrorCode::Forbidden
    );
}

#[test]
fn the_self_assessment_gives_a_profile_and_refuses_incomplete_answers() {
    let api = api();
    let me = person(&api, 1, &[Role::Learner]);
    let view = api.self_assessment(&me, &course(), now()).expect("view");
    assert_eq!(view.statements.len(), 20);
    assert!(view.result.is_none());
    let pack = mastery_packs::shipped().expect("shipped");
    let sa = pack.self_assessment(&view.id).expect("sa");
    // Strongly one profile: its statements at the top of the scale.
    let target = sa.profiles[2].id.clone();
    let mut ratings: BTreeMap<String, u8> = sa
        .statements
        .iter()
        .map(|s| {
            (
                s.id.clone(),
                if s.profile == target {
                    view.max
                } else {
                    view.min + 1
                },
            )
        })
        .collect();
    let first = sa.statements[0].id.clone();
    let keep = ratings.remove(&first).expect("rated");
    let err = api
        .submit_self_assessment(
            &me,
            &StyleRequest {
                course: CourseId(COURSE.into()),
                ratings: ratings.clone(),
            },
            now(),
        )
        .expect_err("incomplete");
    assert!(err.message.contains("is not rated"), "{}", err.message);
    ratings.insert(first.clone(), view.max + 1);
    let err = api
        .submit_self_assessment(
            &me,
            &StyleRequest {
                course: CourseId(COURSE.into()),
                ratings: ratings.clone(),
            },
            now(),
        )
        .expect_err("out of range");
    assert!(
        err.message.contains("the scale goes from"),
        "{}",
        err.message
    );
    assert!(
        api.self_assessment(&me, &course(), now())
            .expect("view")
            .result
            .is_none(),
        "nothing saved"
    );
    ratings.insert(first, keep);
    let profile = api
        .submit_self_assessment(
            &me,
            &StyleRequest {
                course: CourseId(COURSE.into()),
                ratings,
            },
            now(),
        )
        .expect("scored");
    assert_eq!(profile.profile, target);
    assert_eq!(profile.scores.len(), 4);
    assert_eq!(
        profile
            .scores
            .iter()
            .find(|s| s.profile == target)
            .map(|s| s.percent),
        Some(100)
    );
    assert!(
        profile.description_html.get("fr").starts_with("<p>"),
        "rendered: {:?}",
        profile.description_html
    );
    assert_eq!(
        api.self_assessment(&me, &course(), now())
            .expect("view")
            .result,
        Some(profile)
    );
    let outline = api.course_outline(&me, &course(), now()).expect("outline");
    assert!(outline
        .requirements
        .iter()
        .any(|r| r.key.as_str() == "self_assessment" && r.met));
}

#[test]
fn level_1_completed_from_facts_unlocks_level_2() {
    use mastery_types::{AttendanceRequest, Availability, ClassRequest, ScheduleClassRequest};
    let api = api();
    let me = person(&api, 1, &[Role::Learner]);
    let coach = person(&api, 2, &[Role::Coach]);
    let state = |id: &str| availability(&api, &me, id);
    assert!(matches!(state("clients-l2"), Availability::Locked { .. }));
    complete_clients_l1_online(&api, &me, &coach);
    assert!(
        matches!(state("clients-l2"), Availability::Locked { .. }),
        "six hours in class still missing"
    );
    let outline = api.course_outline(&me, &course(), now()).expect("outline");
    assert_eq!(
        outline
            .class_time
            .map(|c| (c.attended_minutes, c.required_hours)),
        Some((0, 6))
    );
    // Two classes of three hours; the second is cancelled before it
    // starts and counts for nothing, so a third is needed.
    let day = |d: i64| (now() + Duration::days(d)).date_naive();
    let class = |d: i64| {
        api.schedule_class(
            &coach,
            &ScheduleClassRequest {
                course: CourseId(COURSE.into()),
                date: day(d).to_string(),
                starts: "09:00".into(),
                ends: "12:00".into(),
                place: "Room 204".into(),
                facilitator: None,
                capacity: 10,
            },
            now(),
        )
        .expect("scheduled")
        .id
    };
    let (first, second, third) = (class(2), class(3), class(4));
    for c in [&first, &second, &third] {
        api.enrol_in_class(
            &me,
            &ClassRequest {
                class_id: c.clone(),
            },
            now(),
        )
        .expect("enrolled");
    }
    let learner = api.session_info(&me).expect("me").person_id;
    let attend = |c: &str, d: i64| {
        api.mark_attendance(
            &coach,
            &AttendanceRequest {
                class_id: c.into(),
                person_id: learner,
                present: true,
            },
            now() + Duration::days(d) + Duration::hours(20),
        )
        .expect("present")
    };
    attend(&first, 2);
    api.cancel_class(
        &coach,
        &mastery_types::CancelClassRequest {
            class_id: second.clone(),
            reason: "Room flooded".into(),
        },
        now(),
    )
    .expect("cancelled");
    let outline = api.course_outline(&me, &course(), now()).expect("outline");
    assert_eq!(outline.class_time.map(|c| c.attended_minutes), Some(180));
    assert!(matches!(state("clients-l2"), Availability::Locked { .. }));
    attend(&third, 4);
    assert_eq!(state("clients-l1"), Availability::Completed);
    assert_eq!(state("clients-l2"), Availability::Open);
}

fn availability(
    api: &mastery_api::Api,
    me: &mastery_api::Caller,
    id: &str,
) -> mastery_types::Availability {
    api.catalogue(me, now())
        .expect("catalogue")
        .tracks
        .iter()
        .flat_map(|t| t.courses.iter())
        .find(|c| c.id.as_str() == id)
        .map(|c| c.availability.clone())
        .expect("course")
}

/// Everything clients-l1 asks for but its time in class: its lessons, its
/// knowledge check, the self-assessment, and coaching on all five drivers.
fn complete_clients_l1_online(
    api: &mastery_api::Api,
    me: &mastery_api::Caller,
    coach: &mastery_api::Caller,
) {
    use mastery_types::{CoachingRequest, CoachingResponseRequest, Driver, Observation};
    let outline = api.course_outline(me, &course(), now()).expect("outline");
    for l in &outline.lessons {
        api.mark_lesson_done(
            me,
            &LessonDoneRequest {
                lesson: l.id.clone(),
            },
            now(),
        )
        .expect("done");
    }
    let a = api.start_quiz(me, &course(), now()).expect("start");
    for item in quiz_items() {
        let req = SaveAnswerRequest {
            attempt_id: a.attempt_id.clone(),
            item_id: item.id.clone(),
            answer: right(&item),
        };
        api.save_answer(me, &req, now()).expect("saved");
    }
    assert!(
        api.submit_quiz(
            me,
            &AttemptRequest {
                attempt_id: a.attempt_id.clone()
            },
            now()
        )
        .expect("submit")
        .passed
    );
    let sa = api.self_assessment(me, &course(), now()).expect("sa");
    let ratings = sa.statements.iter().map(|s| (s.id.clone(), 3)).collect();
    api.submit_self_assessment(
        me,
        &StyleRequest {
            course: CourseId(COURSE.into()),
            ratings,
        },
        now(),
    )
    .expect("style");
    let learner_id = api.session_info(me).expect("me").person_id;
    let session = api
        .log_coaching(
            coach,
            &CoachingRequest {
                learner: learner_id,
                course: CourseId(COURSE.into()),
                held_on: now().date_naive(),
                duration_minutes: 60,
                setting: mastery_types::CoachingSetting::Phone,
                observations: Driver::ALL
                    .iter()
                    .map(|d| Observation {
                        driver: *d,
                        rating: 3,
                        evidence: "Seen on three calls.".into(),
                    })
                    .collect(),
                next_steps: "Keep summarizing before closing.".into(),
            },
            now(),
        )
        .expect("logged");
    api.respond_to_coaching(
        me,
        &CoachingResponseRequest {
            session_id: session.id,
            acknowledge: true,
            comment: String::new(),
        },
        now(),
    )
    .expect("acknowledged");
}

/// A learner who completes a course online (a version asking for no time in
/// class) is asked its survey once, at completion; the answer is stored
/// under that version without a class or a facilitator.
#[test]
fn a_course_completed_online_asks_its_survey_once() {
    use mastery_types::{AnswerSurveyRequest, Availability, DeclineSurveyRequest, SurveyAnswer};
    let api = api();
    let designer = person(&api, 3, &[Role::CourseDesigner]);
    let file = api
        .draft_file(
            &designer,
            &crate::common::file_req("courses/clients-l1.toml"),
            now(),
        )
        .expect("course file");
    assert!(file.text.contains("class_hours = 6\n"));
    api.save_edit(
        &designer,
        &mastery_types::EditRequest {
            pack_id: mastery_api::PROGRAM_PACK_ID.into(),
            path: file.path.clone(),
            text: file.text.replace("class_hours = 6\n", ""),
            lang: "en".into(),
        },
        now(),
    )
    .expect("saved");
    api.publish(&designer, &crate::common::publish_req("1.0.1"), now())
        .expect("published");
    let me = person(&api, 1, &[Role::Learner]);
    let coach = person(&api, 2, &[Role::Coach]);
    assert!(api
        .classes_home(&me, now())
        .expect("home")
        .surveys
        .is_empty());
    complete_clients_l1_online(&api, &me, &coach);
    assert_eq!(availability(&api, &me, COURSE), Availability::Completed);
    let surveys = api.classes_home(&me, now()).expect("home").surveys;
    assert_eq!(surveys.len(), 1);
    assert_eq!(surveys[0].occasion, "course:clients-l1@1.0.1");
    assert_eq!(surveys[0].ended_at, None);
    let answers: Vec<(String, SurveyAnswer)> = surveys[0]
        .questions
        .iter()
        .filter(|q| q.required)
        .map(|q| {
            let a = match &q.kind {
                mastery_types::SurveyQuestionKind::Likert => SurveyAnswer::Likert(4),
                mastery_types::SurveyQuestionKind::Recommend => SurveyAnswer::Recommend(8),
                mastery_types::SurveyQuestionKind::Single { options } => {
                    SurveyAnswer::Single(options[0].0.clone())
                }
                mastery_types::SurveyQuestionKind::Multiple { options } => {
                    SurveyAnswer::Multiple(vec![options[0].0.clone()])
                }
                mastery_types::SurveyQuestionKind::Text => SurveyAnswer::Text("Clear.".into()),
            };
            (q.id.clone(), a)
        })
        .collect();
    let answer = |occasion: &str| {
        api.answer_survey(
            &me,
            &AnswerSurveyRequest {
                occasion: occasion.into(),
                answers: answers.clone(),
            },
            now(),
        )
    };
    assert!(answer("course:clients-l2@1.0.1").is_err(), "not completed");
    answer("course:clients-l1@1.0.1").expect("answered");
    assert!(answer("course:clients-l1@1.0.1").is_err(), "twice");
    assert!(api
        .decline_survey(
            &me,
            &DeclineSurveyRequest {
                occasion: "course:clients-l1@1.0.1".into()
            },
            now()
        )
        .is_err());
    assert!(api
        .classes_home(&me, now())
        .expect("home")
        .surveys
        .is_empty());
    let (class, facilitator, version): (Option<String>, Option<String>, String) = api
        .store()
        .read(|c| {
            Ok(c.query_row(
                "SELECT class_id, facilitator_id, pack_version FROM survey_responses",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?)
        })
        .expect("one response");
    assert_eq!(
        (class, facilitator, version.as_str()),
        (None, None, "1.0.1")
    );
}

#[test]
fn an_attempt_left_half_done_is_abandoned_explicitly_and_counts() {
    let api = api();
    let me = person(&api, 1, &[Role::Learner]);
    let other = person(&api, 2, &[Role::Learner]);
    let items = quiz_items();
    let attempt = api.start_quiz(&me, &course(), now()).expect("started");
    // Two answers saved, one of them wrong; the rest never given.
    for (i, item) in items.iter().take(2).enumerate() {
        let answer = if i == 0 { right(item) } else { wrong(item) };
        let req = SaveAnswerRequest {
            attempt_id: attempt.attempt_id.clone(),
            item_id: item.id.clone(),
            answer,
        };
        api.save_answer(&me, &req, now()).expect("saved");
    }
    let req = AttemptRequest {
        attempt_id: attempt.attempt_id.clone(),
    };
    // Submitting needs every answer; abandoning does not.
    let err = api.submit_quiz(&me, &req, now()).expect_err("incomplete");
    assert_eq!(err.code, ErrorCode::InvalidInput, "{err:?}");
    // Nobody else can end it.
    let err = api
        .abandon_quiz(&other, &req, now())
        .expect_err("not theirs");
    assert_eq!(err.code, ErrorCode::NotFound, "{err:?}");

    let result = api.abandon_quiz(&me, &req, now()).expect("abandoned");
    assert!(result.abandoned && !result.passed);
    assert_eq!(result.items.len(), items.len());
    assert!(result.items[0].correct && !result.items[0].unanswered);
    assert!(!result.items[1].correct && !result.items[1].unanswered);
    assert!(result.items[2..]
        .iter()
        .all(|i| i.unanswered && i.earned_percent == 0));
    let expected = (100.0 / items.len() as f64).round() as u8;
    assert_eq!(
        result.percent,
        expected,
        "one right answer of {}",
        items.len()
    );

    // It is recorded as a used attempt, shown as the last result, and
    // cannot be resumed, submitted or abandoned again.
    let status = api.quiz_status(&me, &course(), now()).expect("status");
    assert_eq!(status.attempts_used, 1);
    assert_eq!(status.in_progress, None);
    assert_eq!(status.last.as_ref().map(|l| l.abandoned), Some(true));
    for again in [
        api.abandon_quiz(&me, &req, now()),
        api.submit_quiz(&me, &req, now()),
    ] {
        assert_eq!(again.expect_err("ended").code, ErrorCode::Conflict);
    }
    let quiz = mastery_packs::shipped()
        .expect("pack")
        .quiz_of(&CourseId(COURSE.into()))
        .expect("quiz")
        .wait_minutes_between_attempts;
    let err = api
        .start_quiz(&me, &course(), now())
        .expect_err("the wait applies as after any failed attempt");
    assert_eq!(err.code, ErrorCode::Conflict);
    let next = api
        .start_quiz(&me, &course(), now() + Duration::minutes(i64::from(quiz)))
        .expect("a new attempt after the wait");
    assert_eq!(next.number, 2);
    assert!(next.saved.is_empty());
}

#[test]
fn a_lesson_reopens_where_the_learner_stopped_reading() {
    let api = api();
    let me = person(&api, 1, &[Role::Learner]);
    let other = person(&api, 2, &[Role::Learner]);
    let lesson = "clients-l1/02-explaining-decisions".to_owned();
    let open = |who| {
        api.open_lesson(
            who,
            &LessonRequest {
                lesson: lesson.clone(),
            },
            now(),
        )
        .expect("opens")
    };
    assert_eq!(open(&me).resume_permille, None);
    for p in [120, 640] {
        api.save_lesson_position(
            &me,
            &LessonPositionRequest {
                lesson: lesson.clone(),
                permille: p,
            },
            now(),
        )
        .expect("saved");
    }
    assert_eq!(open(&me).resume_permille, Some(640), "the latest position");
    assert_eq!(open(&other).resume_permille, None, "positions are personal");

    // Out of range, unknown and locked lessons are refused and change nothing.
    let bad = [
        (lesson.as_str(), 1001, ErrorCode::InvalidInput),
        ("clients-l1/99-none", 10, ErrorCode::NotFound),
        (
            "clients-l3/01-complex-sensitive-cases",
            10,
            ErrorCode::Forbidden,
        ),
    ];
    for (l, permille, code) in bad {
        let err = api
            .save_lesson_position(
                &me,
                &LessonPositionRequest {
                    lesson: l.into(),
                    permille,
                },
                now(),
            )
            .expect_err("refused");
        assert_eq!(err.code, code, "{l} {permille}: {err:?}");
    }
    assert_eq!(open(&me).resume_permille, Some(640));
}

#[test]
fn item_analysis_counts_right_answers_and_choices_without_naming_anyone() {
    let api = api();
    let designer = person(&api, 90, &[Role::CourseDesigner]);
    let items = quiz_items();
    // Three learners get the first item wrong, two get everything right.
    for n in 0..5u32 {
        let me = person(&api, 100 + n, &[Role::Learner]);
        let attempt = api.start_quiz(&me, &course(), now()).expect("started");
        for (i, item) in items.iter().enumerate() {
            let answer = if i == 0 && n < 3 {
                wrong(item)
            } else {
                right(item)
            };
            let req = SaveAnswerRequest {
                attempt_id: attempt.attempt_id.clone(),
                item_id: item.id.clone(),
                answer,
            };
            api.save_answer(&me, &req, now()).expect("saved");
        }
        api.submit_quiz(
            &me,
            &AttemptRequest {
                attempt_id: attempt.attempt_id.clone(),
            },
            now(),
        )
        .expect("submitted");
    }
    let req = mastery_types::ItemAnalysisRequest {
        course: CourseId(COURSE.into()),
        version: None,
    };
    let a = api.item_analysis(&designer, &req).expect("analysis");
    assert_eq!(a.attempts, 5);
    assert_eq!(a.items.len(), items.len());
    let first = &a.items[0];
    assert_eq!(first.item, items[0].id);
    assert!(
        (first.difficulty - 0.4).abs() < 1e-9,
        "{}",
        first.difficulty
    );
    assert!(a.items[1..]
        .iter()
        .all(|i| (i.difficulty - 1.0).abs() < 1e-9));
    assert!(
        a.items.iter().all(|i| i.flags.is_empty()),
        "too few attempts to flag"
    );
    if !first.options.is_empty() {
        let chosen: u32 = first.options.iter().map(|o| o.chosen).sum();
        assert!(chosen >= 5, "every attempt chose something: {chosen}");
    }
    let json = serde_json::to_string(&a).expect("json");
    assert!(!json.contains("User 10"), "no learner is named");
    // The same table as CSV: a line per item with its share right, a line
    // per option with how often it was chosen; nobody named.
    let csv = api.item_analysis_csv(&designer, &req).expect("csv");
    let first_line = format!("{},{},{},", COURSE, a.version, first.item);
    assert!(
        csv.lines()
            .any(|l| l.starts_with(&first_line) && l.contains(",5,0.400,")),
        "{csv}"
    );
    assert_eq!(
        csv.lines().count(),
        1 + a.items.len() + a.items.iter().map(|i| i.options.len()).sum::<usize>()
    );
    assert!(!csv.contains("User 10"));
    let learner = person(&api, 200, &[Role::Learner]);
    assert_eq!(
        api.item_analysis(&learner, &req)
            .expect_err("not for learners")
            .code,
        ErrorCode::Forbidden
    );
}
