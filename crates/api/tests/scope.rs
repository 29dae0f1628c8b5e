//! Who may act on whom, in the demo organization: every case observed
//! through the window's IPC before the scope rule existed, a matrix of each
//! command that acts on another person (caller in scope vs out of scope),
//! coaching notes kept with those entitled, pairings, work refused before
//! anything is decoded, a private database file, and roles and decisions
//! written behind the app's back that do not count.

use crate::common::now;
use chrono::Duration;
use mastery_api::{Api, ApiError, Caller, ErrorCode, DEMO_PASSWORD};
use mastery_types::{
    CoachingRequest, CourseId, CourseRequest, CriterionScore, EndPairingRequest, FormTeamRequest,
    Observation, ObservationRequest, PairCoachRequest, PersonId, Problem, ReviewRequest, Role,
    SignInRequest, SubmitAssignmentRequest, UnbackedFact, UnlockRequest,
};

fn demo_at(path: Option<&std::path::Path>) -> Api {
    let api = match path {
        Some(p) => Api::open(p).expect("api"),
        None => Api::open_in_memory().expect("api"),
    };
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

fn id(api: &Api, c: &Caller) -> PersonId {
    api.session_info(c).expect("me").person_id
}

fn coaching(learner: PersonId, note: &str) -> CoachingRequest {
    CoachingRequest {
        learner,
        course: CourseId("clients-l1".into()),
        held_on: now().date_naive() - Duration::days(1),
        duration_minutes: 30,
        setting: mastery_types::CoachingSetting::Counter,
        observations: vec![Observation {
            driver: mastery_types::Driver::Fairness,
            rating: 3,
            evidence: note.into(),
        }],
        next_steps: "Practise the consent script.".into(),
    }
}

/// Top scores on the Level 3 observation rubric of a course.
fn observation(api: &Api, coach: &Caller, learner: PersonId, course: &str) -> ObservationRequest {
    let home = api.coach_home(coach, now()).expect("home");
    let rubric = &home
        .observation_courses
        .iter()
        .find(|c| c.id.as_str() == course)
        .expect("observation course")
        .rubric;
    ObservationRequest {
        learner,
        course: CourseId(course.into()),
        kind: mastery_types::AssessmentKind::SecretShopper,
        held_on: now().date_naive() - Duration::days(2),
        scores: rubric
            .criteria
            .iter()
            .map(|c| CriterionScore {
                criterion: c.id.clone(),
                score: u8::try_from(c.levels.len()).expect("levels"),
            })
            .collect(),
        notes: "Verified identity, explained the standard, gave a date.".into(),
    }
}

fn is_scope(e: &ApiError) -> bool {
    e.code == ErrorCode::Forbidden
        && matches!(
            e.problem,
            Some(
                Problem::NotYourLearner { .. }
                    | Problem::NotYourStaff { .. }
                    | Problem::NotForYourself
            )
        )
}

fn requirement(api: &Api, who: &Caller, course: &str, key: &str) -> bool {
    api.course_outline(
        who,
        &CourseRequest {
            course: CourseId(course.into()),
        },
        now(),
    )
    .expect("outline")
    .requirements
    .iter()
    .find(|r| r.key.as_str() == key)
    .expect("requirement")
    .met
}

/// Amélie (Riverside) submits her first Level 2 assignment: its id.
fn amelie_submits(api: &Api) -> String {
    let amelie = sign_in(api, "amelie");
    api.submit_assignment(
        &amelie,
        &SubmitAssignmentRequest {
            course: CourseId("clients-l2".into()),
            assignment: "a1".into(),
            body: "My analysis of a delayed benefit file.".into(),
            files: vec![],
        },
        now(),
    )
    .expect("submitted")
    .id
}

fn accept(api: &Api, reviewer: &Caller, submission: &str) -> Result<(), ApiError> {
    let sophie = sign_in(api, "sophie");
    let queued = api
        .review_queue(&sophie, now())
        .expect("queue")
        .into_iter()
        .find(|s| s.id == submission)
        .expect("queued for Sophie");
    let rubric = queued.rubric.expect("rubric");
    api.review_submission(
        reviewer,
        &ReviewRequest {
            submission_id: submission.into(),
            scores: rubric
                .criteria
                .iter()
                .map(|c| CriterionScore {
                    criterion: c.id.clone(),
                    score: u8::try_from(c.levels.len()).expect("levels"),
                })
                .collect(),
            comment: String::new(),
            accept: true,
        },
        now(),
    )
    .map(drop)
}

/// The cases observed in the window, one by one: a manager of another
/// office accepted assignments, recorded a passing secret-shopper
/// assessment, formed a team and opened a coaching history by logging a
/// throwaway session; a coach assessed a learner on a course still locked
/// for her.
#[test]
fn nobody_acts_on_learners_outside_their_scope() {
    let api = demo_at(None);
    let rajinder = sign_in(&api, "rajinder");
    let (amelie, li, jordan) = (
        sign_in(&api, "amelie"),
        sign_in(&api, "li"),
        sign_in(&api, "jordan"),
    );
    let (amelie_id, li_id, jordan_id) = (id(&api, &amelie), id(&api, &li), id(&api, &jordan));

    // review_submission: refused, and her requirement stays unmet.
    let submission = amelie_submits(&api);
    let err = accept(&api, &rajinder, &submission).expect_err("not his learner");
    assert!(is_scope(&err), "{err:?}");
    assert!(err.message.contains("Amélie Roy"), "{}", err.message);
    assert!(!requirement(&api, &amelie, "clients-l2", "assignments"));
    // The review queue does not even show it to him; Sophie and Marc see it.
    assert!(api
        .review_queue(&rajinder, now())
        .expect("queue")
        .iter()
        .all(|s| s.id != submission));
    for who in ["sophie", "marc"] {
        assert!(api
            .review_queue(&sign_in(&api, who), now())
            .expect("queue")
            .iter()
            .any(|s| s.id == submission));
    }

    // record_observation: Li's Level 3 observation stays unmet.
    let req = observation(&api, &rajinder, li_id, "clients-l3");
    let err = api
        .record_observation(&rajinder, &req, now())
        .expect_err("not his learner");
    assert!(is_scope(&err), "{err:?}");
    assert!(!requirement(&api, &li, "clients-l3", "observation"));
    assert!(api.my_observations(&li).expect("mine").is_empty());

    // form_team: three Riverside learners.
    let err = api
        .form_team(
            &rajinder,
            &FormTeamRequest {
                course: CourseId("clients-l2".into()),
                name: "Riverside".into(),
                members: vec![amelie_id, li_id, jordan_id],
            },
            now(),
        )
        .expect_err("not his learners");
    assert!(is_scope(&err), "{err:?}");

    // log_coaching, then learner_coaching: no throwaway session, no history.
    let err = api
        .log_coaching(&rajinder, &coaching(amelie_id, "throwaway"), now())
        .expect_err("not his learner");
    assert!(is_scope(&err), "{err:?}");
    assert!(api.my_coaching(&amelie).expect("hers").is_empty());
    let err = api
        .learner_coaching(&rajinder, amelie_id, now())
        .expect_err("not his learner");
    assert!(is_scope(&err), "{err:?}");

    // Marc is paired with Chloé (Baie-des-Pins), but her Level 3 is locked.
    let marc = sign_in(&api, "marc");
    let chloe = id(&api, &sign_in(&api, "chloe"));
    let req = observation(&api, &marc, chloe, "clients-l3");
    let err = api
        .record_observation(&marc, &req, now())
        .expect_err("locked for her");
    assert!(
        matches!(err.problem, Some(Problem::CourseLockedFor { .. })),
        "{err:?}"
    );
    // Without the pairing, Isabelle (Baie-des-Pins, Level 3 locked too) is
    // refused on scope first.
    let isabelle = id(&api, &sign_in(&api, "isabelle"));
    let req = observation(&api, &marc, isabelle, "clients-l3");
    assert!(is_scope(
        &api.record_observation(&marc, &req, now())
            .expect_err("not his learner")
    ));
}

/// Coaching notes: a coach sees what they logged, the learner all of
/// theirs, the learner's manager all of their staff's, nobody else.
#[test]
fn coaching_notes_stay_with_those_entitled() {
    let api = demo_at(None);
    let (sophie, marc, rajinder, amelie) = (
        sign_in(&api, "sophie"),
        sign_in(&api, "marc"),
        sign_in(&api, "rajinder"),
        sign_in(&api, "amelie"),
    );
    let amelie_id = id(&api, &amelie);
    api.log_coaching(
        &sophie,
        &coaching(amelie_id, "Private note by her manager"),
        now(),
    )
    .expect("manager logs");
    api.log_coaching(
        &marc,
        &coaching(amelie_id, "Peer coaching at the counter"),
        now(),
    )
    .expect("coach logs");
    let evidence = |v: Vec<mastery_types::CoachingSessionView>| -> Vec<String> {
        let mut e: Vec<String> = v
            .into_iter()
            .map(|s| s.observations[0].evidence.clone())
            .collect();
        e.sort();
        e
    };
    assert_eq!(
        evidence(api.learner_coaching(&marc, amelie_id, now()).expect("his")),
        ["Peer coaching at the counter"]
    );
    assert_eq!(
        evidence(
            api.learner_coaching(&sophie, amelie_id, now())
                .expect("all")
        ),
        [
            "Peer coaching at the counter",
            "Private note by her manager"
        ]
    );
    assert_eq!(evidence(api.my_coaching(&amelie).expect("hers")).len(), 2);
    assert!(is_scope(
        &api.learner_coaching(&rajinder, amelie_id, now())
            .expect_err("not his")
    ));
    // Whom each coach may coach: their office, their staff, their pairings.
    let names = |c: &Caller| -> Vec<String> {
        api.coach_home(c, now())
            .expect("home")
            .learners
            .into_iter()
            .map(|l| l.name)
            .collect()
    };
    let rajinders = names(&rajinder);
    assert!(rajinders.contains(&"Chloé Bergeron".to_owned()));
    assert!(!rajinders.contains(&"Amélie Roy".to_owned()));
    let marcs = names(&marc);
    assert!(marcs.contains(&"Amélie Roy".to_owned()));
    assert!(marcs.contains(&"Chloé Bergeron".to_owned()), "paired");
    assert!(!marcs.contains(&"Kwame Mensah".to_owned()));
    assert!(!marcs.contains(&"Marc-André Gagnon".to_owned()));
}

/// A manager pairs a coach of another office with one of their staff; the
/// coach may then act for them, until the pairing ends. Only the line
/// manager pairs and ends; every pairing is audited.
#[test]
fn a_pairing_opens_scope_across_offices_until_it_ends() {
    let api = demo_at(None);
    let (rajinder, sophie, marc) = (
        sign_in(&api, "rajinder"),
        sign_in(&api, "sophie"),
        sign_in(&api, "marc"),
    );
    let kwame = id(&api, &sign_in(&api, "kwame"));
    let marc_id = id(&api, &marc);
    assert!(is_scope(
        &api.log_coaching(&marc, &coaching(kwame, "before"), now())
            .expect_err("not yet paired")
    ));
    let pair = PairCoachRequest {
        coach: marc_id,
        learner: kwame,
        ends_on: Some(now().date_naive() + Duration::days(90)),
    };
    assert!(is_scope(
        &api.pair_coach(&sophie, &pair, now())
            .expect_err("not her staff")
    ));
    let pairing = api.pair_coach(&rajinder, &pair, now()).expect("paired");
    assert!(pairing.active);
    assert_eq!(
        api.pair_coach(&rajinder, &pair, now())
            .expect_err("twice")
            .code,
        ErrorCode::Conflict
    );
    api.log_coaching(&marc, &coaching(kwame, "paired session"), now())
        .expect("paired coach logs");
    let team = api.my_team(&rajinder, now()).expect("team");
    assert!(team.pairings.iter().any(|p| p.id == pairing.id && p.active));

    let end = EndPairingRequest {
        pairing_id: pairing.id.clone(),
    };
    assert!(is_scope(
        &api.end_pairing(&sophie, &end, now())
            .expect_err("not her staff")
    ));
    api.end_pairing(&rajinder, &end, now()).expect("ended");
    assert!(is_scope(
        &api.log_coaching(&marc, &coaching(kwame, "after"), now())
            .expect_err("pairing over")
    ));
    // He still reads the session he logged, and nothing else.
    assert_eq!(
        api.learner_coaching(&marc, kwame, now())
            .expect("his own")
            .len(),
        1
    );
    let actions: Vec<String> = api
        .certification_admin(&sign_in(&api, "admin"), now())
        .expect("admin")
        .recent_audit
        .into_iter()
        .map(|a| a.action)
        .collect();
    assert_eq!(&actions[..2], ["pairing.ended", "pairing.created"]);
}

/// The same command by a caller in scope and by one out of scope: the
/// first gets past the scope rule (done, or refused for another reason),
/// the second is refused by it. Every command that acts on another person.
#[test]
fn scope_matrix() {
    let api = demo_at(None);
    let submission = amelie_submits(&api);
    let c = |who: &str| sign_in(&api, who);
    let person = |who: &str| id(&api, &c(who));
    let (amelie, jordan, li, chloe, kwame) = (
        person("amelie"),
        person("jordan"),
        person("li"),
        person("chloe"),
        person("kwame"),
    );
    type Act<'a> = Box<dyn Fn(&Caller) -> Result<(), ApiError> + 'a>;
    let api = &api;
    let cases: Vec<(&str, &str, &str, Act<'_>)> = vec![
        (
            "log_coaching",
            "marc",
            "rajinder",
            Box::new(move |who| {
                api.log_coaching(who, &coaching(jordan, "seen"), now())
                    .map(drop)
            }),
        ),
        (
            "learner_coaching",
            "marc",
            "rajinder",
            Box::new(move |who| api.learner_coaching(who, jordan, now()).map(drop)),
        ),
        (
            "record_observation",
            "sophie",
            "rajinder",
            Box::new(move |who| {
                let req = observation(api, who, li, "clients-l3");
                api.record_observation(who, &req, now()).map(drop)
            }),
        ),
        (
            "review_submission",
            "marc",
            "rajinder",
            Box::new(|who| accept(api, who, &submission)),
        ),
        (
            "form_team",
            "marc",
            "rajinder",
            Box::new(move |who| {
                api.form_team(
                    who,
                    &FormTeamRequest {
                        course: CourseId("clients-l2".into()),
                        name: "Counter team".into(),
                        members: vec![amelie, jordan, li],
                    },
                    now(),
                )
                .map(drop)
            }),
        ),
        (
            "assign_course",
            "sophie",
            "rajinder",
            Box::new(move |who| {
                api.assign_course(
                    who,
                    &mastery_types::AssignCourseRequest {
                        learner: jordan,
                        course: CourseId("clients-l1".into()),
                        due_on: now().date_naive() + Duration::days(30),
                        note: String::new(),
                    },
                    now(),
                )
                .map(drop)
            }),
        ),
        (
            "pair_coach",
            "rajinder",
            "sophie",
            Box::new(move |who| {
                api.pair_coach(
                    who,
                    &PairCoachRequest {
                        coach: person("sophie"),
                        learner: kwame,
                        ends_on: None,
                    },
                    now(),
                )
                .map(drop)
            }),
        ),
        (
            "log_coaching (paired across offices)",
            "marc",
            "sophie",
            Box::new(move |who| {
                api.log_coaching(who, &coaching(chloe, "seen"), now())
                    .map(drop)
            }),
        ),
    ];
    for (name, inside, outside, act) in &cases {
        match act(&c(outside)) {
            Err(e) if is_scope(&e) => {}
            other => panic!("{name} by {outside} (out of scope): {other:?}"),
        }
        match act(&c(inside)) {
            Err(e) if is_scope(&e) => panic!("{name} by {inside} (in scope): {e:?}"),
            _ => {}
        }
    }
    // Nobody acts on themself, whatever their role.
    let marc = c("marc");
    assert!(is_scope(
        &api.log_coaching(&marc, &coaching(person("marc"), "me"), now())
            .expect_err("themself")
    ));
}

/// The window's uploads: the role is checked before a byte is decoded,
/// and the size before anything is allocated for it.
#[test]
fn uploads_are_checked_before_anything_is_decoded() {
    let api = demo_at(None);
    let learner = sign_in(&api, "amelie");
    let designer = sign_in(&api, "mathieu");
    let err = api
        .import_pack_upload(&learner, "%%% not base64 %%%", |_, _| {}, now())
        .expect_err("a learner");
    assert_eq!(err.code, ErrorCode::Forbidden);
    assert_eq!(
        api.import_pack_upload(&designer, "%%% not base64 %%%", |_, _| {}, now())
            .expect_err("undecodable")
            .problem,
        Some(Problem::ArchiveRefused {
            reason: mastery_types::ArchiveReason::NotAnArchive
        })
    );
    let huge = "A".repeat((mastery_api::MAX_UPLOAD_MB as usize + 1) * 1024 * 1024 / 3 * 4);
    assert_eq!(
        api.import_pack_upload(&designer, &huge, |_, _| {}, now())
            .expect_err("too large")
            .problem,
        Some(Problem::UploadTooLarge {
            max_mb: mastery_api::MAX_UPLOAD_MB
        })
    );
    assert_eq!(
        api.may_design(&learner).expect_err("progress").code,
        ErrorCode::Forbidden
    );
    api.may_design(&designer)
        .expect("a designer watches progress");
}

/// The file and its write-ahead log are readable by their owner only.
#[cfg(unix)]
#[test]
fn the_database_is_private_to_its_user() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("private.sqlite3");
    let api = Api::open(&path).expect("created");
    api.load_shipped_pack(now()).expect("written");
    let mode =
        |p: &std::path::Path| std::fs::metadata(p).expect("exists").permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&dir.path().join("private.sqlite3-wal")), 0o600);
    drop(api);
    // A file someone left readable by others is tightened when opened.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    drop(Api::open(&path).expect("reopened"));
    assert_eq!(mode(&path), 0o600);
}

/// A role or a certification decision inserted into the file with sqlite3
/// does not count, and the audit check lists it; an audit row altered in
/// the middle of the chain stops every grant after it from counting.
#[test]
fn grants_and_decisions_written_behind_the_apps_back_do_not_count() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("tampered.sqlite3");
    let (amelie_id, request) = {
        let api = demo_at(Some(&path));
        let amelie = sign_in(&api, "amelie");
        let key = mastery_types::CertificationKey {
            track: mastery_types::Track::Clients,
            level: mastery_types::MasteryLevel::new(1).expect("level"),
        };
        let view = api
            .request_certification(&amelie, &key, now())
            .expect("requested");
        (id(&api, &amelie), view.pending.expect("pending").0)
    };
    {
        let c = rusqlite::Connection::open(&path).expect("the file, directly");
        c.execute(
            "INSERT INTO role_grants (person_id, role, granted_by, granted_at) VALUES (?1, 'administrator', NULL, '2026-11-29 09:30:00+00:00')",
            [amelie_id.0.to_string()],
        )
        .expect("role inserted");
        c.execute(
            "INSERT INTO certification_decisions (request_id, id, decided_by, authority, decision, reason, valid_from, valid_until, decided_at)
             VALUES (?1, 'forged', ?2, 'manager', 'approved', '', '2026-11-29 09:30:00+00:00', '2029-11-29 09:30:00+00:00', '2026-11-29 09:30:00+00:00')",
            [request.as_str(), &amelie_id.0.to_string()],
        )
        .expect("decision inserted");
    }
    let api = Api::open(&path).expect("reopened");
    let amelie = sign_in(&api, "amelie");
    assert_eq!(
        api.session_info(&amelie).expect("me").roles,
        [Role::Learner]
    );
    assert_eq!(
        api.list_users(&amelie, now()).expect_err("not admin").code,
        ErrorCode::Forbidden
    );
    let l1 = api
        .my_certifications(&amelie, now())
        .expect("certs")
        .certifications
        .into_iter()
        .find(|c| c.key.track == mastery_types::Track::Clients && c.key.level.get() == 1)
        .expect("clients 1");
    assert_eq!(l1.status, mastery_types::CertStatus::Requested);
    let report = api
        .verify_audit(&sign_in(&api, "admin"))
        .expect("audit check");
    assert!(report.first_broken.is_none());
    assert!(report.unbacked.contains(&UnbackedFact::RoleGrant {
        person: "Amélie Roy".into(),
        role: Role::Administrator
    }));
    assert!(report
        .unbacked
        .iter()
        .any(|u| matches!(u, UnbackedFact::Decision { request_id, approved: true, .. } if *request_id == request)));
    drop(api);

    // Alter the first role grant of the chain (Dana's, the administrator):
    // from the break on, nothing in the chain vouches for a role.
    {
        let c = rusqlite::Connection::open(&path).expect("the file, directly");
        c.execute_batch(
            "DROP TRIGGER audit_log_append_only_update;
             UPDATE audit_log SET subject = 'someone else'
              WHERE seq = (SELECT MIN(seq) FROM audit_log WHERE action = 'roles.granted');",
        )
        .expect("tampered");
    }
    let api = Api::open(&path).expect("reopened");
    let admin = sign_in(&api, "admin");
    assert!(api.session_info(&admin).expect("me").roles.is_empty());
    assert_eq!(
        api.list_users(&admin, now()).expect_err("no longer").code,
        ErrorCode::Forbidden
    );
    // The operator of the file still sees where the chain broke.
    let report = api.verify_audit(&Caller::LocalOperator).expect("check");
    assert!(report.first_broken.is_some());
}

/// Anyone can lock an account by typing wrong passwords under its name;
/// an administrator sees the lock and lifts it, and that is audited.
#[test]
fn an_administrator_sees_and_lifts_a_lock() {
    let api = demo_at(None);
    for _ in 0..mastery_domain::accounts::FREE_ATTEMPTS + 1 {
        let _ = api.sign_in(
            &SignInRequest {
                username: "jordan".into(),
                password: "not his password at all".into(),
            },
            now(),
        );
    }
    let admin = sign_in(&api, "admin");
    let jordan = api
        .list_users(&admin, now())
        .expect("users")
        .into_iter()
        .find(|u| u.username.as_str() == "jordan")
        .expect("jordan");
    assert!(jordan.locked);
    let unlock = UnlockRequest {
        person_id: jordan.person_id,
    };
    assert_eq!(
        api.unlock_account(&sign_in(&api, "sophie"), &unlock, now())
            .expect_err("not an administrator")
            .code,
        ErrorCode::Forbidden
    );
    api.unlock_account(&admin, &unlock, now()).expect("lifted");
    sign_in(&api, "jordan");
    let actions: Vec<String> = api
        .certification_admin(&admin, now())
        .expect("admin")
        .recent_audit
        .into_iter()
        .map(|a| a.action)
        .collect();
    assert_eq!(actions[0], "account.unlocked");
}
