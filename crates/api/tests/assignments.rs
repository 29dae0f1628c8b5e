//! Level 2 assignments: submit, return with rubric scores and comments,
//! resubmit, accept; and every refusal leaves nothing behind.

use crate::common::{api, now, person};
use chrono::Duration;
use mastery_api::{Api, Caller, ErrorCode};
use mastery_types::{
    AssignmentStatus, CourseId, CourseRequest, CriterionScore, PersonId, ReviewRequest, Role,
    SubmitAssignmentRequest, Upload,
};

const COURSE: &str = "clients-l2";

/// Records clients-l1 as completed for the caller (prior learning), so
/// clients-l2 opens.
fn complete_level_1(api: &Api, who: &Caller) {
    let me = api.session_info(who).expect("me").person_id;
    api.store()
        .write(|tx| {
            mastery_store::completions::insert(
                tx,
                &mastery_store::completions::CompletionFact {
                    id: uuid::Uuid::now_v7(),
                    person: me,
                    course: &CourseId("clients-l1".into()),
                    pack_id: "service-excellence",
                    pack_version: "1.0.0",
                    source: "prior_learning",
                    recorded_by: None,
                    recorded_at: now(),
                },
            )
        })
        .expect("completion recorded");
}

fn submit(body: &str, files: Vec<Upload>) -> SubmitAssignmentRequest {
    SubmitAssignmentRequest {
        course: CourseId(COURSE.into()),
        assignment: "a1".into(),
        body: body.into(),
        files,
    }
}

fn scores(api: &Api, learner: &Caller, score: u8) -> Vec<CriterionScore> {
    let a = api
        .assignments(
            learner,
            &CourseRequest {
                course: CourseId(COURSE.into()),
            },
            now(),
        )
        .expect("view");
    a[0].rubric
        .as_ref()
        .expect("rubric")
        .criteria
        .iter()
        .map(|c| CriterionScore {
            criterion: c.id.clone(),
            score,
        })
        .collect()
}

#[test]
fn submitted_returned_resubmitted_accepted() {
    use base64::Engine;
    let api = api();
    let learner = person(&api, 1, &[Role::Learner]);
    let coach = person(&api, 2, &[Role::Coach]);
    let locked = api.assignments(
        &learner,
        &CourseRequest {
            course: CourseId(COURSE.into()),
        },
        now(),
    );
    assert_eq!(locked.expect_err("L2 locked").code, ErrorCode::Forbidden);
    complete_level_1(&api, &learner);
    let view = api
        .assignments(
            &learner,
            &CourseRequest {
                course: CourseId(COURSE.into()),
            },
            now(),
        )
        .expect("view");
    assert_eq!(view.iter().filter(|a| !a.is_team_synthesis).count(), 2);
    assert!(view.iter().any(|a| a.is_team_synthesis && a.team.is_none()));
    assert!(view
        .iter()
        .all(|a| a.status == AssignmentStatus::NotStarted));
    assert!(
        view[0].brief_html.get("fr").contains("<h3>"),
        "the brief is rendered Markdown"
    );

    let timeline =
        base64::engine::general_purpose::STANDARD.encode(b"day 1: application; day 21: refusal");
    let first = api
        .submit_assignment(
            &learner,
            &submit(
                "My analysis of Client A's file.",
                vec![Upload {
                    name: "timeline.txt".into(),
                    base64: timeline,
                }],
            ),
            now(),
        )
        .expect("submitted");
    assert_eq!(first.files[0].size, 35);
    let again = api
        .submit_assignment(&learner, &submit("Another go.", vec![]), now())
        .expect_err("awaits review");
    assert_eq!(again.code, ErrorCode::Conflict);

    let queue = api.review_queue(&coach, now()).expect("queue");
    assert_eq!(queue.len(), 1);
    let low = scores(&api, &learner, 1);
    let err = api
        .review_submission(
            &coach,
            &ReviewRequest {
                submission_id: first.id.clone(),
                scores: low.clone(),
                comment: String::new(),
                accept: true,
            },
            now(),
        )
        .expect_err("below the pass rule");
    assert!(err.message.contains("pass rule"), "{}", err.message);
    let err = api
        .review_submission(
            &coach,
            &ReviewRequest {
                submission_id: first.id.clone(),
                scores: low.clone(),
                comment: " ".into(),
                accept: false,
            },
            now(),
        )
        .expect_err("a return needs a comment");
    assert_eq!(err.code, ErrorCode::InvalidInput);
    api.review_submission(
        &coach,
        &ReviewRequest {
            submission_id: first.id.clone(),
            scores: low,
            comment: "Name the employer that had not reported.".into(),
            accept: false,
        },
        now(),
    )
    .expect("returned");
    let view = api
        .assignments(
            &learner,
            &CourseRequest {
                course: CourseId(COURSE.into()),
            },
            now(),
        )
        .expect("view");
    assert_eq!(view[0].status, AssignmentStatus::Returned);
    let review = view[0].submissions[0].review.as_ref().expect("review");
    assert!(!review.accepted && review.comment.contains("employer"));

    let second = api
        .submit_assignment(
            &learner,
            &submit(
                "Revised: the missing record of employment was from Employer B.",
                vec![],
            ),
            now() + Duration::days(1),
        )
        .expect("resubmitted");
    let good = scores(&api, &learner, 3);
    api.review_submission(
        &coach,
        &ReviewRequest {
            submission_id: second.id.clone(),
            scores: good,
            comment: "Clear and specific.".into(),
            accept: true,
        },
        now() + Duration::days(2),
    )
    .expect("accepted");
    let view = api
        .assignments(
            &learner,
            &CourseRequest {
                course: CourseId(COURSE.into()),
            },
            now(),
        )
        .expect("view");
    assert_eq!(view[0].status, AssignmentStatus::Accepted);
    assert_eq!(view[0].submissions.len(), 2, "the history stays");
    assert!(api.review_queue(&coach, now()).expect("queue").is_empty());
    let err = api
        .submit_assignment(&learner, &submit("Once more.", vec![]), now())
        .expect_err("accepted");
    assert_eq!(err.code, ErrorCode::Conflict);
}

#[test]
fn bad_submissions_and_reviews_are_refused() {
    use base64::Engine;
    let api = api();
    let learner = person(&api, 1, &[Role::Learner, Role::Coach]);
    let other = person(&api, 2, &[Role::Learner]);
    complete_level_1(&api, &learner);
    let big = base64::engine::general_purpose::STANDARD.encode(vec![0u8; 10 * 1024 * 1024 + 1]);
    for (req, code, why) in [
        (
            submit("   ", vec![]),
            ErrorCode::InvalidInput,
            "the response is empty",
        ),
        (
            submit(
                "ok",
                vec![Upload {
                    name: "big.pdf".into(),
                    base64: big,
                }],
            ),
            ErrorCode::InvalidInput,
            "larger than the 10 MB",
        ),
        (
            submit(
                "ok",
                vec![Upload {
                    name: "../x".into(),
                    base64: String::new(),
                }],
            ),
            ErrorCode::InvalidInput,
            "not a usable file name",
        ),
        (
            submit(
                "ok",
                vec![Upload {
                    name: "x.txt".into(),
                    base64: "%%%".into(),
                }],
            ),
            ErrorCode::InvalidInput,
            "could not be read",
        ),
        (
            SubmitAssignmentRequest {
                assignment: "zz".into(),
                ..submit("ok", vec![])
            },
            ErrorCode::NotFound,
            "no assignment",
        ),
    ] {
        let err = api.submit_assignment(&learner, &req, now()).expect_err(why);
        assert_eq!(err.code, code, "{why}");
        assert!(err.message.contains(why), "{why}: {}", err.message);
    }
    let view = api
        .assignments(
            &learner,
            &CourseRequest {
                course: CourseId(COURSE.into()),
            },
            now(),
        )
        .expect("view");
    assert!(
        view.iter().all(|a| a.submissions.is_empty()),
        "nothing saved"
    );

    let mine = api
        .submit_assignment(&learner, &submit("My own work.", vec![]), now())
        .expect("submitted");
    // Not reviewable by its author (also a coach) nor by a plain learner.
    assert!(
        api.review_queue(&learner, now()).expect("queue").is_empty(),
        "own work is not in one's queue"
    );
    let review = |who: &Caller, scores: Vec<CriterionScore>| {
        api.review_submission(
            who,
            &ReviewRequest {
                submission_id: mine.id.clone(),
                scores,
                comment: "c".into(),
                accept: false,
            },
            now(),
        )
    };
    assert_eq!(
        review(&learner, vec![]).expect_err("own").code,
        ErrorCode::Forbidden
    );
    assert_eq!(
        review(&other, vec![]).expect_err("learner").code,
        ErrorCode::Forbidden
    );
    let coach = person(&api, 3, &[Role::Coach]);
    let mut s = scores(&api, &learner, 2);
    s[0].score = 9;
    assert!(review(&coach, s)
        .expect_err("range")
        .message
        .contains("must be 1 to 4"));
    let mut s = scores(&api, &learner, 2);
    s.pop();
    assert!(review(&coach, s)
        .expect_err("missing")
        .message
        .contains("once"));
    let mut s = scores(&api, &learner, 2);
    s.push(CriterionScore {
        criterion: "charm".into(),
        score: 2,
    });
    assert!(review(&coach, s)
        .expect_err("unknown")
        .message
        .contains("no criterion"));
    assert_eq!(
        api.review_queue(&coach, now()).expect("queue").len(),
        1,
        "still awaiting review"
    );
}

#[test]
fn a_team_submits_one_synthesis_that_every_member_sees() {
    use mastery_types::FormTeamRequest;
    let api = api();
    let coach = person(&api, 10, &[Role::Coach]);
    let members: Vec<Caller> = (1..=3).map(|n| person(&api, n, &[Role::Learner])).collect();
    let outsider = person(&api, 4, &[Role::Learner]);
    for m in members.iter().chain([&outsider]) {
        complete_level_1(&api, m);
    }
    let ids: Vec<_> = members
        .iter()
        .map(|m| api.session_info(m).expect("me").person_id)
        .collect();
    let course = CourseRequest {
        course: CourseId(COURSE.into()),
    };
    let synthesis = |who: &Caller| {
        api.assignments(who, &course, now())
            .expect("view")
            .into_iter()
            .find(|a| a.is_team_synthesis)
            .expect("the team synthesis")
    };
    assert!(synthesis(&members[0]).team.is_none());
    let req = |body: &str| SubmitAssignmentRequest {
        course: CourseId(COURSE.into()),
        assignment: "team-synthesis".into(),
        body: body.into(),
        files: vec![],
    };
    let err = api
        .submit_assignment(&members[0], &req("Our synthesis."), now())
        .expect_err("no team yet");
    assert!(err.message.contains("not in a team"), "{}", err.message);

    // Team rules: size from the pack, nobody twice, not the coach.
    let form = |who: &Caller, members: Vec<PersonId>| {
        api.form_team(
            who,
            &FormTeamRequest {
                course: CourseId(COURSE.into()),
                name: "Riverside counter".into(),
                members,
            },
            now(),
        )
    };
    let err = form(&coach, ids[..2].to_vec()).expect_err("too small");
    assert!(err.message.contains("3 to 6 members"), "{}", err.message);
    assert_eq!(
        form(&members[0], ids.clone()).expect_err("a learner").code,
        ErrorCode::Forbidden
    );
    let team = form(&coach, ids.clone()).expect("formed");
    assert_eq!(team.members.len(), 3);
    let outsider_id = api.session_info(&outsider).expect("me").person_id;
    let err = form(
        &coach,
        vec![ids[0], outsider_id, PersonId(uuid::Uuid::now_v7())],
    )
    .expect_err("already in a team");
    assert!(
        err.message.contains("already in the team"),
        "{}",
        err.message
    );

    // One member submits; all three see it; the second cannot submit again.
    api.submit_assignment(
        &members[0],
        &req("Pooling our three cases: we propose a pre-refusal call."),
        now(),
    )
    .expect("submitted");
    for m in &members {
        let s = synthesis(m);
        assert_eq!(s.status, AssignmentStatus::Submitted);
        assert_eq!(s.submissions.len(), 1);
        assert_eq!(
            s.team.as_ref().map(|t| t.name.as_str()),
            Some("Riverside counter")
        );
    }
    assert_eq!(
        api.submit_assignment(&members[1], &req("Again"), now())
            .expect_err("awaits")
            .code,
        ErrorCode::Conflict
    );
    assert_eq!(
        synthesis(&outsider).submissions.len(),
        0,
        "an outsider sees nothing"
    );

    // The coach accepts; every member's course records the synthesis.
    let queue = api.review_queue(&coach, now()).expect("queue");
    let sub = queue
        .iter()
        .find(|s| s.assignment == "team-synthesis")
        .expect("in the queue");
    let scores: Vec<CriterionScore> = sub
        .rubric
        .as_ref()
        .expect("rubric")
        .criteria
        .iter()
        .map(|c| CriterionScore {
            criterion: c.id.clone(),
            score: 3,
        })
        .collect();
    api.review_submission(
        &coach,
        &ReviewRequest {
            submission_id: sub.id.clone(),
            scores,
            comment: "Strong evidence.".into(),
            accept: true,
        },
        now(),
    )
    .expect("accepted");
    for m in &members {
        assert_eq!(synthesis(m).status, AssignmentStatus::Accepted);
        let outline = api.course_outline(m, &course, now()).expect("outline");
        assert!(outline
            .requirements
            .iter()
            .any(|r| r.key.as_str() == "team_synthesis" && r.met));
    }
}
