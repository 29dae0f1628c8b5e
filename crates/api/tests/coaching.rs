//! Coaching sessions: logged by a coach or a manager, never for oneself,
//! checked field by field; acknowledged or disputed once by their learner;
//! acknowledged sessions covering all five drivers meet the Level 1
//! requirement.

use crate::common::{api, now, person};
use chrono::Duration;
use mastery_api::{Caller, ErrorCode};
use mastery_types::{
    CoachingRequest, CoachingResponseRequest, CoachingStatus, CourseId, CourseRequest, Driver,
    Observation, PersonId, Role,
};

fn request(learner: PersonId, drivers: &[Driver]) -> CoachingRequest {
    CoachingRequest {
        learner,
        course: CourseId("clients-l1".into()),
        held_on: now().date_naive() - Duration::days(2),
        duration_minutes: 45,
        setting: mastery_types::CoachingSetting::Counter,
        observations: drivers
            .iter()
            .map(|d| Observation {
                driver: *d,
                rating: 3,
                evidence: format!("Observed {} with two clients at the counter.", d.as_str()),
            })
            .collect(),
        next_steps: "Practise the plain-language close with the next five clients.".into(),
    }
}

fn person_id(api: &mastery_api::Api, c: &Caller) -> PersonId {
    api.session_info(c).expect("session").person_id
}

#[test]
fn sessions_are_logged_acknowledged_and_complete_the_coaching_requirement() {
    let api = api();
    let coach = person(&api, 1, &[Role::Coach]);
    let learner = person(&api, 2, &[Role::Learner]);
    let lid = person_id(&api, &learner);
    let home = api.coach_home(&coach, now()).expect("home");
    assert!(home.learners.iter().any(|l| l.person_id == lid));
    assert_eq!(home.courses.len(), 4, "the four Level 1 courses");
    assert!(home.courses[0]
        .checklist
        .iter()
        .all(|(_, items)| !items.is_empty()));

    let first = api
        .log_coaching(
            &coach,
            &request(
                lid,
                &[Driver::Knowledge, Driver::Timeliness, Driver::Fairness],
            ),
            now(),
        )
        .expect("logged");
    assert_eq!(first.status, CoachingStatus::Awaiting);
    let second = api
        .log_coaching(
            &coach,
            &request(lid, &[Driver::Outcome, Driver::ExtraMile]),
            now(),
        )
        .expect("logged");
    let met = |api: &mastery_api::Api| {
        api.course_outline(
            &learner,
            &CourseRequest {
                course: CourseId("clients-l1".into()),
            },
            now(),
        )
        .expect("outline")
        .requirements
        .iter()
        .any(|r| r.key.as_str() == "coaching" && r.met)
    };
    assert!(!met(&api), "not yet acknowledged");
    let mine = api.my_coaching(&learner).expect("mine");
    assert_eq!(mine.len(), 2);
    api.respond_to_coaching(
        &learner,
        &CoachingResponseRequest {
            session_id: first.id.clone(),
            acknowledge: true,
            comment: String::new(),
        },
        now(),
    )
    .expect("acknowledged");
    // A dispute needs a reason, and does not count.
    let err = api
        .respond_to_coaching(
            &learner,
            &CoachingResponseRequest {
                session_id: second.id.clone(),
                acknowledge: false,
                comment: " ".into(),
            },
            now(),
        )
        .expect_err("reason");
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let disputed = api
        .respond_to_coaching(
            &learner,
            &CoachingResponseRequest {
                session_id: second.id.clone(),
                acknowledge: false,
                comment: "I was on the phone queue that day, not at the counter.".into(),
            },
            now(),
        )
        .expect("disputed");
    assert_eq!(disputed.status, CoachingStatus::Disputed);
    assert!(!met(&api), "a disputed session does not count");
    let again = api
        .respond_to_coaching(
            &learner,
            &CoachingResponseRequest {
                session_id: second.id.clone(),
                acknowledge: true,
                comment: String::new(),
            },
            now(),
        )
        .expect_err("once");
    assert_eq!(again.code, ErrorCode::Conflict);
    // A new session covering the missing drivers, acknowledged: met.
    let third = api
        .log_coaching(
            &coach,
            &request(lid, &[Driver::Outcome, Driver::ExtraMile]),
            now(),
        )
        .expect("logged");
    api.respond_to_coaching(
        &learner,
        &CoachingResponseRequest {
            session_id: third.id,
            acknowledge: true,
            comment: "Useful, thanks.".into(),
        },
        now(),
    )
    .expect("acknowledged");
    assert!(met(&api));
    // The coach sees the learner's history; the coach's list shows responses.
    assert_eq!(
        api.learner_coaching(&coach, lid, now())
            .expect("history")
            .len(),
        3
    );
    let logged = api.coach_home(&coach, now()).expect("home").logged;
    assert_eq!(
        logged
            .iter()
            .filter(|s| s.status == CoachingStatus::Acknowledged)
            .count(),
        2
    );
}

#[test]
fn bad_sessions_are_refused_and_nothing_is_saved() {
    let api = api();
    let coach = person(&api, 1, &[Role::Coach, Role::Learner]);
    let learner = person(&api, 2, &[Role::Learner]);
    let other = person(&api, 3, &[Role::Learner]);
    let manager = person(&api, 4, &[Role::Manager]);
    let lid = person_id(&api, &learner);
    let all = [Driver::Knowledge];
    let cases: Vec<(CoachingRequest, ErrorCode, &str)> = vec![
        (
            request(person_id(&api, &coach), &all),
            ErrorCode::Forbidden,
            "themself",
        ),
        (
            request(person_id(&api, &manager), &all),
            ErrorCode::NotFound,
            "there is no learner",
        ),
        (
            {
                let mut r = request(lid, &all);
                r.duration_minutes = 0;
                r
            },
            ErrorCode::InvalidInput,
            "must be 1 to 480",
        ),
        (
            {
                let mut r = request(lid, &all);
                r.duration_minutes = -30;
                r
            },
            ErrorCode::InvalidInput,
            "must be 1 to 480",
        ),
        (
            {
                let mut r = request(lid, &all);
                r.observations[0].rating = 5;
                r
            },
            ErrorCode::InvalidInput,
            "must be 1 to 4",
        ),
        (
            {
                let mut r = request(lid, &all);
                r.observations[0].rating = 0;
                r
            },
            ErrorCode::InvalidInput,
            "must be 1 to 4",
        ),
        (
            {
                let mut r = request(lid, &all);
                r.observations[0].evidence = "  ".into();
                r
            },
            ErrorCode::InvalidInput,
            "write the evidence",
        ),
        (request(lid, &[]), ErrorCode::InvalidInput, "at least one"),
        (
            request(lid, &[Driver::Fairness, Driver::Fairness]),
            ErrorCode::InvalidInput,
            "rated twice",
        ),
        (
            {
                let mut r = request(lid, &all);
                r.held_on = now().date_naive() + Duration::days(5);
                r
            },
            ErrorCode::InvalidInput,
            "in the future",
        ),
        (
            {
                let mut r = request(lid, &all);
                r.held_on = now().date_naive() - Duration::days(400);
                r
            },
            ErrorCode::InvalidInput,
            "more than 365 days ago",
        ),
        (
            {
                let mut r = request(lid, &all);
                r.next_steps = String::new();
                r
            },
            ErrorCode::InvalidInput,
            "next steps",
        ),
        (
            {
                let mut r = request(lid, &all);
                r.course = CourseId("nope".into());
                r
            },
            ErrorCode::NotFound,
            "no course",
        ),
    ];
    for (req, code, why) in cases {
        let err = api.log_coaching(&coach, &req, now()).expect_err(why);
        assert_eq!(err.code, code, "{why}: {err:?}");
        assert!(err.message.contains(why), "{why}: {}", err.message);
    }
    assert!(
        api.coach_home(&coach, now())
            .expect("home")
            .logged
            .is_empty(),
        "nothing saved"
    );

    // A manager may act as coach; a plain learner may not log at all.
    let s = api
        .log_coaching(&manager, &request(lid, &all), now())
        .expect("manager coaches");
    assert_eq!(
        api.log_coaching(&other, &request(lid, &all), now())
            .expect_err("learner")
            .code,
        ErrorCode::Forbidden
    );
    // Another learner can neither see nor answer this session.
    assert!(api.my_coaching(&other).expect("theirs").is_empty());
    let err = api
        .respond_to_coaching(
            &other,
            &CoachingResponseRequest {
                session_id: s.id.clone(),
                acknowledge: true,
                comment: String::new(),
            },
            now(),
        )
        .expect_err("not theirs");
    assert_eq!(err.code, ErrorCode::NotFound);
    // A coach who never coached this learner reads none of their history
    // (it is their learner: same office, so nothing to refuse, nothing to see).
    assert!(api
        .learner_coaching(&coach, lid, now())
        .expect("in scope")
        .is_empty());
}

#[test]
fn observed_assessments_are_scored_on_the_observation_rubric() {
    use mastery_types::{CriterionScore, ObservationRequest};
    let api = api();
    let coach = person(&api, 1, &[Role::Coach]);
    let learner = person(&api, 2, &[Role::Learner]);
    let lid = person_id(&api, &learner);
    // Level 3 opens once Levels 1 and 2 are completed.
    crate::common::record_completion(&api, lid, "clients-l1");
    crate::common::record_completion(&api, lid, "clients-l2");
    let home = api.coach_home(&coach, now()).expect("home");
    assert_eq!(
        home.observation_courses.len(),
        4,
        "the four Level 3 courses"
    );
    let course = home
        .observation_courses
        .iter()
        .find(|c| c.id.as_str() == "clients-l3")
        .expect("clients-l3");
    let all = |score: u8| -> Vec<CriterionScore> {
        course
            .rubric
            .criteria
            .iter()
            .map(|c| CriterionScore {
                criterion: c.id.clone(),
                score,
            })
            .collect()
    };
    let req = |scores: Vec<CriterionScore>| ObservationRequest {
        learner: lid,
        course: CourseId("clients-l3".into()),
        kind: mastery_types::AssessmentKind::SecretShopper,
        held_on: now().date_naive() - Duration::days(3),
        scores,
        notes: "Called about a delayed payment; verified identity, gave the standard and a date."
            .into(),
    };
    let low = api
        .record_observation(&coach, &req(all(2)), now())
        .expect("recorded");
    assert!(
        !low.passed,
        "2 of 4 everywhere is 50 %, under the 75 % pass"
    );
    let good = api
        .record_observation(&coach, &req(all(3)), now())
        .expect("recorded");
    assert!(good.passed);
    let mine = api.my_observations(&learner).expect("mine");
    assert_eq!(mine.len(), 2);
    assert!(mine
        .iter()
        .any(|o| o.passed && o.kind == mastery_types::AssessmentKind::SecretShopper));

    let mut missing = all(3);
    missing.pop();
    for (r, code, why) in [
        (req(missing), ErrorCode::InvalidInput, "once"),
        (req(all(5)), ErrorCode::InvalidInput, "must be 1 to 4"),
        (
            ObservationRequest {
                notes: " ".into(),
                ..req(all(3))
            },
            ErrorCode::InvalidInput,
            "the notes is empty",
        ),
        (
            ObservationRequest {
                course: CourseId("clients-l1".into()),
                ..req(all(3))
            },
            ErrorCode::NotFound,
            "no observation rubric",
        ),
        (
            ObservationRequest {
                learner: person_id(&api, &coach),
                ..req(all(3))
            },
            ErrorCode::Forbidden,
            "themself",
        ),
    ] {
        let err = api.record_observation(&coach, &r, now()).expect_err(why);
        assert_eq!(err.code, code, "{why}: {err:?}");
        assert!(err.message.contains(why), "{why}: {}", err.message);
    }
    assert_eq!(
        api.my_observations(&learner).expect("mine").len(),
        2,
        "nothing more saved"
    );
    assert_eq!(
        api.record_observation(&learner, &req(all(3)), now())
            .expect_err("learner")
            .code,
        ErrorCode::Forbidden
    );
}

/// A setting or an assessment kind the program does not have cannot even
/// reach the API: the window's request is refused as it is read.
#[test]
fn unknown_settings_and_kinds_do_not_deserialize() {
    assert!(serde_json::from_str::<mastery_types::CoachingSetting>("\"beach\"").is_err());
    assert!(serde_json::from_str::<mastery_types::AssessmentKind>("\"mystery\"").is_err());
    assert_eq!(
        serde_json::from_str::<mastery_types::CoachingSetting>("\"phone\"").ok(),
        Some(mastery_types::CoachingSetting::Phone)
    );
}
