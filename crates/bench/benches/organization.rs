//! The organization-wide views on an 11,000-person organization holding
//! about two million facts (lesson events, knowledge-check attempts with
//! every saved answer and their results, self-assessments, coaching
//! sessions and responses, recorded completions, certification requests
//! and decisions), on a file database:
//! - eligibility for certification of everyone (every person × 12
//!   certifications, the administrator's organization count), goal ≤ 300 ms;
//! - a manager's team overview (15 reports × 12 courses), goal ≤ 10 ms p95;
//! - one learner's catalogue, goal ≤ 0.3 ms;
//! - the organization dashboard, everyone and a manager's staff, goal ≤ 50 ms;
//! - item analysis of the knowledge check with the most attempts, goal
//!   ≤ 100 ms for 11,000 attempts.
//!
//! A plain timing harness (building the organization takes a while and one
//! eligibility pass is long for criterion's samples): prints the fact count
//! and the timings. Run: `cargo bench -p mastery-api --bench organization`.

use chrono::{DateTime, Duration, TimeZone, Utc};
use mastery_api::{Api, Caller, PROGRAM_PACK_ID};
use mastery_bench::{report, timed};
use mastery_packs::Pack;
use mastery_store::learning::{self, Stamp};
use mastery_store::{certification, coaching, completions, people};
use mastery_types::{
    AttemptResult, CoachingResponseKind, CoachingSetting, CourseId, Driver, EmployeeNumber,
    ItemFeedback, LessonEventKind, LocalizedText, MasteryLevel, Observation, PersonId, Role, Track,
};
use std::time::Instant;

const PEOPLE: usize = 11_000;
/// People per manager (the manager is the first of each group).
const TEAM: usize = 16;

fn main() {
    let now = Utc
        .with_ymd_and_hms(2026, 11, 29, 9, 0, 0)
        .single()
        .expect("time");
    let dir = tempfile::tempdir().expect("dir");
    // MASTERY_BENCH_DB=<file> keeps the organization there, to look at it
    // afterwards (the file must not exist yet).
    let path = std::env::var_os("MASTERY_BENCH_DB")
        .map_or_else(|| dir.path().join("org.sqlite3"), std::path::PathBuf::from);
    let api = Api::open(&path).expect("api");
    api.load_shipped_pack(now).expect("pack");
    let pack = mastery_packs::shipped().expect("pack");
    let started = Instant::now();
    let ids: Vec<PersonId> = (0..PEOPLE)
        .map(|_| PersonId(uuid::Uuid::now_v7()))
        .collect();
    api.store()
        .write(|tx| {
            for (i, id) in ids.iter().enumerate() {
                person(tx, &pack, &ids, i, *id, now)?;
            }
            Ok(())
        })
        .expect("organization");
    let facts: i64 = api
        .store()
        .read(|c| {
            Ok(c.query_row(
                "SELECT (SELECT COUNT(*) FROM lesson_events) + (SELECT COUNT(*) FROM quiz_attempts)
                      + (SELECT COUNT(*) FROM quiz_answers) + (SELECT COUNT(*) FROM quiz_submissions)
                      + (SELECT COUNT(*) FROM style_responses) + (SELECT COUNT(*) FROM coaching_sessions)
                      + (SELECT COUNT(*) FROM coaching_responses) + (SELECT COUNT(*) FROM course_completions)
                      + (SELECT COUNT(*) FROM certification_requests) + (SELECT COUNT(*) FROM certification_decisions)",
                [],
                |r| r.get(0),
            )?)
        })
        .expect("count");
    println!(
        "built {PEOPLE} people and {facts} facts in {:.0} s",
        started.elapsed().as_secs_f64()
    );

    let times = timed(5, || {
        api.organization_eligibility(&Caller::LocalOperator, now)
            .expect("eligibility")
    });
    let org = api
        .organization_eligibility(&Caller::LocalOperator, now)
        .expect("eligibility");
    println!("statuses: {:?}", org.by_status);
    report(
        &format!("organization eligibility ({PEOPLE} people × 12 certifications)"),
        &times,
    );

    // Where the time goes: reading everyone's facts, and projecting them.
    let times = timed(3, || {
        api.store()
            .read(|c| mastery_store::facts::all_learner_facts(c, PROGRAM_PACK_ID))
            .expect("facts")
    });
    report("  of which: reading everyone's facts", &times);
    let all = api
        .store()
        .read(|c| mastery_store::facts::all_learner_facts(c, PROGRAM_PACK_ID))
        .expect("facts");
    let program = mastery_domain::progress::Program::new(&pack);
    let times = timed(3, || {
        all.values()
            .map(|f| {
                mastery_domain::progress::project_in(&program, f, now)
                    .courses
                    .len()
            })
            .sum::<usize>()
    });
    report(
        &format!("  of which: projecting {} people's facts", all.len()),
        &times,
    );

    let manager = Caller::Person {
        id: ids[TEAM],
        roles: vec![Role::Manager],
    };
    let team = api.my_team(&manager, now).expect("team");
    assert_eq!(team.members.len(), TEAM - 1, "the manager's reports");
    let times = timed(200, || api.my_team(&manager, now).expect("team"));
    report(
        &format!("team overview ({} reports × 12 courses)", TEAM - 1),
        &times,
    );

    let learner = Caller::Person {
        id: ids[1],
        roles: vec![Role::Learner],
    };
    let times = timed(1000, || api.catalogue(&learner, now).expect("catalogue"));
    report("one learner's catalogue", &times);

    // The organization's figures: everyone for an administrator, a
    // manager's staff.
    let administrator = Caller::Person {
        id: ids[0],
        roles: vec![Role::Administrator],
    };
    let times = timed(5, || {
        api.org_dashboard(&administrator, now).expect("dashboard")
    });
    report(
        &format!("organization dashboard, everyone ({PEOPLE} people) (goal ≤ 50 ms)"),
        &times,
    );
    let times = timed(20, || api.org_dashboard(&manager, now).expect("dashboard"));
    report(
        "organization dashboard, a manager's staff (goal ≤ 50 ms)",
        &times,
    );

    // Item analysis of the check with the most attempts (every item's
    // difficulty, discrimination and option counts over every submitted
    // attempt of the version).
    let request = mastery_types::ItemAnalysisRequest {
        course: CourseId("clients-l1".into()),
        version: None,
    };
    let analysis = api
        .item_analysis(&Caller::LocalOperator, &request)
        .expect("item analysis");
    let times = timed(10, || {
        api.item_analysis(&Caller::LocalOperator, &request)
            .expect("item analysis")
    });
    report(
        &format!(
            "item analysis, one check with {} submitted attempts (goal ≤ 100 ms for 11,000)",
            analysis.attempts
        ),
        &times,
    );
}

/// One person and what they have done: their home track's Level 1 for
/// everyone (every lesson opened, read and reopened; three attempts at the
/// check with every answer saved two or three times; the self-assessment; three
/// coaching sessions acknowledged), Level 2 lessons and two attempts for
/// half, Level 3 for a quarter; a third have a recorded completion, a
/// sixth a certification request, half of those approved.
fn person(
    tx: &rusqlite::Transaction<'_>,
    pack: &Pack,
    ids: &[PersonId],
    i: usize,
    id: PersonId,
    now: DateTime<Utc>,
) -> mastery_store::Result<()> {
    let track = Track::ALL[i % 4];
    people::insert_person(
        tx,
        &people::Person {
            id,
            employee_number: EmployeeNumber(format!("{:06}", 500_000 + i)),
            display_name: format!("Employee {i}"),
            org_unit_id: None,
            manager_id: (!i.is_multiple_of(TEAM)).then(|| ids[i - i % TEAM]),
            home_track: Some(track),
            language: if i.is_multiple_of(3) {
                "fr".into()
            } else {
                "en".into()
            },
        },
        now,
    )?;
    let version = pack.version.as_str();
    let stamp = |at: DateTime<Utc>| Stamp {
        id: uuid::Uuid::now_v7(),
        person: id,
        pack_id: PROGRAM_PACK_ID,
        pack_version: version,
        at,
    };
    let levels = match i % 4 {
        0 => 3,
        1 => 2,
        2 => 2,
        _ => 1,
    };
    let mut at = now - Duration::days(200);
    for level in 1..=levels {
        let course = CourseId(format!("{track}-l{level}"));
        for lesson in pack.lessons.iter().filter(|l| l.course == course) {
            for kind in [
                LessonEventKind::Opened,
                LessonEventKind::Done,
                LessonEventKind::Opened,
            ] {
                at += Duration::minutes(20);
                learning::lesson_event(tx, &stamp(at), &course, lesson.id.as_str(), kind)?;
            }
        }
        let Some(quiz) = pack.quiz_of(&course) else {
            continue;
        };
        let attempts = if level == 1 { 3 } else { 2 };
        for n in 1..=attempts {
            let s = stamp(at);
            let attempt = s.id.to_string();
            learning::start_attempt(tx, &s, &course)?;
            for item in &quiz.items {
                for _ in 0..(2 + i % 2) {
                    at += Duration::minutes(1);
                    learning::save_answer(
                        tx,
                        uuid::Uuid::now_v7(),
                        &attempt,
                        &item.id,
                        &mastery_packs::best_answer(item),
                        at,
                    )?;
                }
            }
            let passed = n == attempts;
            let result = AttemptResult {
                attempt_id: attempt.clone(),
                course: course.clone(),
                number: n,
                percent: if passed { 90 } else { 60 },
                pass_mark: quiz.pass_mark,
                passed,
                items: quiz
                    .items
                    .iter()
                    .map(|item| ItemFeedback {
                        item_id: item.id.clone(),
                        prompt: LocalizedText::default(),
                        correct: passed,
                        earned_percent: if passed { 100 } else { 0 },
                        feedback: vec![LocalizedText(
                            [
                                ("en".to_owned(), "Feedback of about a sentence or two on why this answer serves the client, as learners read it after an attempt.".to_owned()),
                                ("fr".to_owned(), "Une rétroaction d'une phrase ou deux sur la raison pour laquelle cette réponse sert le client, telle que lue après une tentative.".to_owned()),
                            ]
                            .into(),
                        )],
                        unanswered: false,
                    })
                    .collect(),
                attempts_left: attempts - n,
                next_attempt_at: None,
                abandoned: false,
            };
            learning::submit(tx, &attempt, &result, at)?;
            at += Duration::hours(2);
        }
        if level == 1 {
            learning::style_response(
                tx,
                &stamp(at),
                "communication-style",
                &course,
                "{}",
                "director",
            )?;
            let coach = ids[i - i % TEAM];
            if coach != id {
                for drivers in [&Driver::ALL[..2], &Driver::ALL[2..4], &Driver::ALL[4..]] {
                    at += Duration::days(3);
                    let session = uuid::Uuid::now_v7().to_string();
                    let observations: Vec<Observation> = drivers
                        .iter()
                        .map(|d| Observation {
                            driver: *d,
                            rating: 3,
                            evidence:
                                "Seen at the counter with a client whose benefit was delayed."
                                    .into(),
                        })
                        .collect();
                    coaching::insert(
                        tx,
                        &coaching::NewSession {
                            id: &session,
                            coach,
                            learner: id,
                            course: &course,
                            pack_id: PROGRAM_PACK_ID,
                            pack_version: version,
                            held_on: at.date_naive(),
                            duration_minutes: 45,
                            setting: CoachingSetting::Counter,
                            observations: &observations,
                            next_steps: "Name the next step and its date before the client leaves.",
                            recorded_at: at,
                        },
                    )?;
                    coaching::respond(
                        tx,
                        &uuid::Uuid::now_v7().to_string(),
                        &session,
                        id,
                        CoachingResponseKind::Acknowledged,
                        "",
                        at,
                    )?;
                }
            }
        }
    }
    if i.is_multiple_of(3) {
        completions::insert(
            tx,
            &completions::CompletionFact {
                id: uuid::Uuid::now_v7(),
                person: id,
                course: &CourseId(format!("{track}-l1")),
                pack_id: PROGRAM_PACK_ID,
                pack_version: version,
                source: "bench",
                recorded_by: None,
                recorded_at: now,
            },
        )?;
    }
    if i.is_multiple_of(6) {
        let request = uuid::Uuid::now_v7().to_string();
        certification::insert_request(
            tx,
            &certification::NewRequest {
                id: &request,
                person: id,
                track,
                level: MasteryLevel::ALL[0],
                course: &CourseId(format!("{track}-l1")),
                pack_id: PROGRAM_PACK_ID,
                pack_version: version,
                evidence_json: "{}",
                at: now,
            },
        )?;
        if i.is_multiple_of(12) && i > 0 {
            certification::insert_decision(
                tx,
                &certification::NewDecision {
                    id: &uuid::Uuid::now_v7().to_string(),
                    request_id: &request,
                    by: ids[0],
                    authority: mastery_domain::certification::Authority::Manager,
                    approved: true,
                    reason: "",
                    period: Some((now, now + Duration::days(1095))),
                    at: now,
                },
            )?;
        }
    }
    Ok(())
}
