//! Deriving progress from facts: one learner's catalogue (every course's
//! completion rule applied to their facts) and a course outline, and the
//! catalogues of a team of 20, on a database holding realistic fact
//! counts (lessons done, quiz attempts with every answer, coaching
//! sessions, a self-assessment, assignment submissions and reviews).
//! Run: `cargo bench -p mastery-api`.

use chrono::{Duration, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use mastery_api::{Api, Caller};
use mastery_packs::ItemKind;
use mastery_types::{
    Answer, AttemptRequest, CoachingRequest, CoachingResponseRequest, CourseId, CourseRequest,
    Driver, LessonDoneRequest, NewUser, Observation, Role, SaveAnswerRequest, SignInRequest,
    StyleRequest,
};
use std::hint::black_box;

fn sign_in(api: &Api, n: u32, roles: &[Role], now: chrono::DateTime<Utc>) -> Caller {
    let user = NewUser {
        employee_number: format!("B{n:05}"),
        username: format!("bench{n}"),
        display_name: format!("Bench {n}"),
        password: "a long enough passphrase".into(),
        roles: roles.to_vec(),
        language: "en".into(),
        home_track: None,
        office: None,
        manager: None,
    };
    api.add_user(&Caller::LocalOperator, &user, now)
        .expect("user");
    let (token, _) = api
        .sign_in(
            &SignInRequest {
                username: format!("bench{n}"),
                password: "a long enough passphrase".into(),
            },
            now,
        )
        .expect("sign in");
    api.caller(&token, now).expect("caller")
}

/// A learner who has done all of Level 1 in one track: 4 lessons, three
/// attempts at the check (two failed), the self-assessment, three coaching
/// sessions acknowledged.
fn learner_with_facts(api: &Api, coach: &Caller, n: u32, now: chrono::DateTime<Utc>) -> Caller {
    let me = sign_in(api, n, &[Role::Learner], now);
    let pack = mastery_packs::shipped().expect("pack");
    let course = CourseId("clients-l1".into());
    let req = CourseRequest {
        course: course.clone(),
    };
    for l in pack.lessons.iter().filter(|l| l.course == course) {
        api.mark_lesson_done(
            &me,
            &LessonDoneRequest {
                lesson: l.id.clone(),
            },
            now,
        )
        .expect("done");
    }
    let quiz = pack.quiz_of(&course).expect("quiz");
    let mut t = now;
    for attempt in 0..3 {
        let a = api.start_quiz(&me, &req, t).expect("start");
        for item in &quiz.items {
            let right = attempt == 2;
            // Two failed attempts (true/false and single-choice items
            // wrong), then a pass.
            let answer = match (&item.kind, right) {
                (ItemKind::TrueFalse { answer, .. }, false) => Answer::TrueFalse(!*answer),
                (ItemKind::Single { choices, .. }, false) => Answer::Single(
                    choices
                        .iter()
                        .find(|c| !c.correct)
                        .map_or_else(String::new, |c| c.id.clone()),
                ),
                _ => mastery_packs::best_answer(item),
            };
            api.save_answer(
                &me,
                &SaveAnswerRequest {
                    attempt_id: a.attempt_id.clone(),
                    item_id: item.id.clone(),
                    answer,
                },
                t,
            )
            .expect("save");
        }
        api.submit_quiz(
            &me,
            &AttemptRequest {
                attempt_id: a.attempt_id,
            },
            t,
        )
        .expect("submit");
        t += Duration::minutes(i64::from(quiz.wait_minutes_between_attempts) + 1);
    }
    let sa = api.self_assessment(&me, &req, now).expect("sa");
    let ratings = sa.statements.iter().map(|s| (s.id.clone(), 3)).collect();
    api.submit_self_assessment(
        &me,
        &StyleRequest {
            course: course.clone(),
            ratings,
        },
        now,
    )
    .expect("style");
    let id = api.session_info(&me).expect("me").person_id;
    for drivers in [&Driver::ALL[..2], &Driver::ALL[2..4], &Driver::ALL[4..]] {
        let s = api
            .log_coaching(
                coach,
                &CoachingRequest {
                    learner: id,
                    course: course.clone(),
                    held_on: now.date_naive(),
                    duration_minutes: 45,
                    setting: mastery_types::CoachingSetting::Counter,
                    observations: drivers
                        .iter()
                        .map(|d| Observation {
                            driver: *d,
                            rating: 3,
                            evidence: "Seen at the counter.".into(),
                        })
                        .collect(),
                    next_steps: "Keep going.".into(),
                },
                now,
            )
            .expect("coaching");
        api.respond_to_coaching(
            &me,
            &CoachingResponseRequest {
                session_id: s.id,
                acknowledge: true,
                comment: String::new(),
            },
            now,
        )
        .expect("ack");
    }
    me
}

fn bench(c: &mut Criterion) {
    let now = Utc
        .with_ymd_and_hms(2026, 11, 29, 9, 0, 0)
        .single()
        .expect("time");
    let dir = tempfile::tempdir().expect("dir");
    let api = Api::open(&dir.path().join("bench.sqlite3")).expect("api");
    api.load_shipped_pack(now).expect("pack");
    let coach = sign_in(&api, 0, &[Role::Coach], now);
    let team: Vec<Caller> = (1..=20)
        .map(|n| learner_with_facts(&api, &coach, n, now))
        .collect();
    let facts: i64 = api
        .store()
        .read(|c| {
            Ok(c.query_row(
                "SELECT (SELECT COUNT(*) FROM lesson_events) + (SELECT COUNT(*) FROM quiz_attempts)
                      + (SELECT COUNT(*) FROM quiz_answers) + (SELECT COUNT(*) FROM quiz_submissions)
                      + (SELECT COUNT(*) FROM style_responses) + (SELECT COUNT(*) FROM coaching_sessions)
                      + (SELECT COUNT(*) FROM coaching_responses)",
                [],
                |r| r.get(0),
            )?)
        })
        .expect("count");
    eprintln!(
        "team of 20: {facts} facts in all ({} per learner)",
        facts / 20
    );
    let one = &team[0];
    c.bench_function("one learner: catalogue (12 courses' rules derived)", |b| {
        b.iter(|| api.catalogue(black_box(one), now).expect("catalogue"))
    });
    c.bench_function("one learner: course outline with requirements", |b| {
        b.iter(|| {
            api.course_outline(
                black_box(one),
                &CourseRequest {
                    course: CourseId("clients-l1".into()),
                },
                now,
            )
            .expect("outline")
        })
    });
    c.bench_function("team of 20: every catalogue", |b| {
        b.iter(|| {
            for m in &team {
                api.catalogue(black_box(m), now).expect("catalogue");
            }
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
