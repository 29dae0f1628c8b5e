//! The role matrix of every command that acts for a caller: each command is
//! tried by a person holding each single role, by a person with no role,
//! and by the local operator.

use crate::common::{api, edit, file_req, new_user, now, person, publish_req};
use mastery_api::{Api, Caller, ErrorCode, PROGRAM_PACK_ID};
use mastery_types::{
    Answer, AssignCourseRequest, AttemptRequest, CertificationKey, CoachingRequest,
    CoachingResponseRequest, CourseId, CourseRequest, DecideRequest, DelegationRequest,
    DiffRequest, ExportRequest, FormTeamRequest, LessonDoneRequest, LessonPositionRequest,
    LessonRequest, MasteryLevel, ObservationRequest, PersonId, ReviewRequest, RevokeRequest, Role,
    SaveAnswerRequest, SetLanguageRequest, StyleRequest, SubmitAssignmentRequest, Track,
};
use mastery_types::{CertificateRequest, VerifyCredentialRequest};

type Command = fn(&Api, &Caller, u32) -> Result<(), mastery_api::ApiError>;

/// Every command that takes a caller.
fn commands() -> Vec<(&'static str, Command)> {
    vec![
        ("catalogue", |api, c, _| api.catalogue(c, now()).map(drop)),
        ("course_outline", |api, c, _| {
            api.course_outline(
                c,
                &CourseRequest {
                    course: "clients-l1".into(),
                },
                now(),
            )
            .map(drop)
        }),
        ("lesson", |api, c, _| {
            api.lesson(
                c,
                &LessonRequest {
                    lesson: "clients-l1/01-first-contact".into(),
                },
                now(),
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
        ("seed_demo", |api, c, _| {
            // The local operator gets past the role check to "this
            // database already has accounts" (see the next tests).
            match api.seed_demo(c, now()) {
                Err(e) if e.code == ErrorCode::Conflict => Ok(()),
                other => other.map(drop),
            }
        }),
        ("open_lesson", |api, c, _| {
            api.open_lesson(
                c,
                &LessonRequest {
                    lesson: "clients-l1/01-first-contact".into(),
                },
                now(),
            )
            .map(drop)
        }),
        ("mark_lesson_done", |api, c, _| {
            api.mark_lesson_done(
                c,
                &LessonDoneRequest {
                    lesson: "clients-l1/01-first-contact".into(),
                },
                now(),
            )
        }),
        ("quiz_status", |api, c, _| {
            api.quiz_status(c, &l1(), now()).map(drop)
        }),
        ("start_quiz", |api, c, _| {
            api.start_quiz(c, &l1(), now()).map(drop)
        }),
        ("save_answer", |api, c, _| {
            // Allowed callers get past the role check to "no such attempt".
            let req = SaveAnswerRequest {
                attempt_id: "none".into(),
                item_id: "q01".into(),
                answer: Answer::TrueFalse(true),
            };
            match api.save_answer(c, &req, now()) {
                Err(e) if e.code == ErrorCode::NotFound => Ok(()),
                other => other,
            }
        }),
        ("submit_quiz", |api, c, _| {
            match api.submit_quiz(
                c,
                &AttemptRequest {
                    attempt_id: "none".into(),
                },
                now(),
            ) {
                Err(e) if e.code == ErrorCode::NotFound => Ok(()),
                other => other.map(drop),
            }
        }),
        ("abandon_quiz", |api, c, _| {
            match api.abandon_quiz(
                c,
                &AttemptRequest {
                    attempt_id: "none".into(),
                },
                now(),
            ) {
                Err(e) if e.code == ErrorCode::NotFound => Ok(()),
                other => other.map(drop),
            }
        }),
        ("save_lesson_position", |api, c, _| {
            api.save_lesson_position(
                c,
                &LessonPositionRequest {
                    lesson: "clients-l1/01-first-contact".into(),
                    permille: 400,
                },
                now(),
            )
        }),
        ("my_certifications", |api, c, _| {
            api.my_certifications(c, now()).map(drop)
        }),
        ("request_certification", |api, c, _| {
            let key = CertificationKey {
                track: Track::Clients,
                level: MasteryLevel::new(1).expect("level"),
            };
            // Allowed callers get past the role check to eligibility.
            match api.request_certification(c, &key, now()) {
                Err(e) if e.code == ErrorCode::Conflict => Ok(()),
                other => other.map(drop),
            }
        }),
        ("approval_home", |api, c, _| {
            api.approval_home(c, now()).map(drop)
        }),
        ("decide_certification", |api, c, _| {
            let req = DecideRequest {
                request_id: "none".into(),
                approve: true,
                reason: String::new(),
            };
            match api.decide_certification(c, &req, now()) {
                Err(e) if e.code == ErrorCode::NotFound => Ok(()),
                other => other,
            }
        }),
        ("delegate_approvals", |api, c, _| {
            let day = now().date_naive();
            let req = DelegationRequest {
                delegate: PersonId(uuid::Uuid::nil()),
                starts_on: day,
                ends_on: day,
            };
            match api.delegate_approvals(c, &req, now()) {
                Err(e) if e.code == ErrorCode::NotFound => Ok(()),
                other => other.map(drop),
            }
        }),
        ("certification_admin", |api, c, _| {
            api.certification_admin(c, now()).map(drop)
        }),
        ("revoke_certification", |api, c, _| {
            let req = RevokeRequest {
                request_id: "none".into(),
                reason: "test".into(),
            };
            match api.revoke_certification(c, &req, now()) {
                Err(e) if e.code == ErrorCode::NotFound => Ok(()),
                other => other,
            }
        }),
        ("verify_audit", |api, c, _| api.verify_audit(c).map(drop)),
        ("set_validity_months", |api, c, _| {
            api.set_validity_months(c, 36, now())
        }),
        ("organization_eligibility", |api, c, _| {
            api.organization_eligibility(c, now()).map(drop)
        }),
        ("certificate_pdf", |api, c, _| {
            let req = CertificateRequest {
                request_id: "none".into(),
            };
            match api.certificate_pdf(c, &req, now()) {
                Err(e) if e.code == ErrorCode::NotFound => Ok(()),
                other => other.map(drop),
            }
        }),
        ("certificate_credential", |api, c, _| {
            let req = CertificateRequest {
                request_id: "none".into(),
            };
            match api.certificate_credential(c, &req, now()) {
                Err(e) if e.code == ErrorCode::NotFound => Ok(()),
                other => other.map(drop),
            }
        }),
        ("verify_credential", |api, c, _| {
            let req = VerifyCredentialRequest { text: "{}".into() };
            api.verify_credential(c, &req, now()).map(drop)
        }),
        ("self_assessment", |api, c, _| {
            api.self_assessment(c, &l1(), now()).map(drop)
        }),
        ("submit_self_assessment", |api, c, _| {
            // Allowed callers get past the role check to the rating check.
            let req = StyleRequest {
                course: CourseId("clients-l1".into()),
                ratings: Default::default(),
            };
            match api.submit_self_assessment(c, &req, now()) {
                Err(e) if e.code == ErrorCode::InvalidInput => Ok(()),
                other => other.map(drop),
            }
        }),
        ("coach_home", |api, c, _| api.coach_home(c, now()).map(drop)),
        ("log_coaching", |api, c, _| {
            // Allowed callers get past the role check to "no such learner".
            let req = CoachingRequest {
                learner: PersonId(uuid::Uuid::nil()),
                course: CourseId("clients-l1".into()),
                held_on: now().date_naive(),
                duration_minutes: 30,
                setting: mastery_types::CoachingSetting::Counter,
                observations: vec![],
                next_steps: "n".into(),
            };
            match api.log_coaching(c, &req, now()) {
                Err(e) if e.code == ErrorCode::NotFound => Ok(()),
                other => other.map(drop),
            }
        }),
        ("learner_coaching", |api, c, _| {
            match api.learner_coaching(c, PersonId(uuid::Uuid::nil()), now()) {
                Err(e) if e.code == ErrorCode::NotFound => Ok(()),
                other => other.map(drop),
            }
        }),
        ("my_coaching", |api, c, _| api.my_coaching(c).map(drop)),
        ("respond_to_coaching", |api, c, _| {
            let req = CoachingResponseRequest {
                session_id: "none".into(),
                acknowledge: true,
                comment: String::new(),
            };
            match api.respond_to_coaching(c, &req, now()) {
                Err(e) if e.code == ErrorCode::NotFound => Ok(()),
                other => other.map(drop),
            }
        }),
        ("assignments", |api, c, _| {
            api.assignments(c, &l1(), now()).map(drop)
        }),
        ("submit_assignment", |api, c, _| {
            // Allowed callers get past the role check to "no assignments".
            let req = SubmitAssignmentRequest {
                course: CourseId("clients-l1".into()),
                assignment: "a1".into(),
                body: "b".into(),
                files: vec![],
            };
            match api.submit_assignment(c, &req, now()) {
                Err(e) if e.code == ErrorCode::NotFound => Ok(()),
                other => other.map(drop),
            }
        }),
        ("review_queue", |api, c, _| {
            api.review_queue(c, now()).map(drop)
        }),
        ("review_submission", |api, c, _| {
            let req = ReviewRequest {
                submission_id: "none".into(),
                scores: vec![],
                comment: String::new(),
                accept: false,
            };
            match api.review_submission(c, &req, now()) {
                Err(e) if e.code == ErrorCode::NotFound => Ok(()),
                other => other.map(drop),
            }
        }),
        ("form_team", |api, c, _| {
            // Allowed callers get past the role check to the size check.
            let req = FormTeamRequest {
                course: CourseId("clients-l2".into()),
                name: "t".into(),
                members: vec![],
            };
            match api.form_team(c, &req, now()) {
                Err(e) if e.code == ErrorCode::InvalidInput => Ok(()),
                other => other.map(drop),
            }
        }),
        ("my_observations", |api, c, _| {
            api.my_observations(c).map(drop)
        }),
        ("record_observation", |api, c, _| {
            // Allowed callers get past the role check to "no such learner".
            let req = ObservationRequest {
                learner: PersonId(uuid::Uuid::nil()),
                course: CourseId("clients-l3".into()),
                kind: mastery_types::AssessmentKind::Observed,
                held_on: now().date_naive(),
                scores: vec![],
                notes: "n".into(),
            };
            match api.record_observation(c, &req, now()) {
                Err(e) if e.code == ErrorCode::NotFound => Ok(()),
                other => other.map(drop),
            }
        }),
        ("due_courses", |api, c, _| {
            api.due_courses(c, now()).map(drop)
        }),
        ("my_team", |api, c, _| api.my_team(c, now()).map(drop)),
        ("org_dashboard", |api, c, _| {
            api.org_dashboard(c, now()).map(drop)
        }),
        ("assign_course", |api, c, _| {
            // Allowed callers get past the role check to "no such employee".
            let req = AssignCourseRequest {
                learner: PersonId(uuid::Uuid::nil()),
                course: CourseId("clients-l1".into()),
                due_on: now().date_naive(),
                note: String::new(),
            };
            match api.assign_course(c, &req, now()) {
                Err(e) if e.code == ErrorCode::NotFound => Ok(()),
                other => other.map(drop),
            }
        }),
        ("designer_home", |api, c, _| api.designer_home(c).map(drop)),
        ("draft_tree", |api, c, _| {
            api.draft_tree(c, PROGRAM_PACK_ID, now()).map(drop)
        }),
        ("draft_file", |api, c, _| {
            api.draft_file(c, &file_req("pack.toml"), now()).map(drop)
        }),
        ("check_edit", |api, c, _| {
            api.check_edit(c, &edit(), now()).map(drop)
        }),
        ("save_edit", |api, c, _| {
            api.save_edit(c, &edit(), now()).map(drop)
        }),
        ("discard_draft", |api, c, _| {
            api.discard_draft(c, PROGRAM_PACK_ID)
        }),
        ("publish", |api, c, _| {
            // Allowed callers get past the role check to "no draft".
            match api.publish(c, &publish_req("2.0.0"), now()) {
                Err(e) if e.code == ErrorCode::NotFound => Ok(()),
                other => other.map(drop),
            }
        }),
        ("diff_versions", |api, c, _| {
            api.diff_versions(
                c,
                &DiffRequest {
                    pack_id: PROGRAM_PACK_ID.into(),
                    from: "1.0.0".into(),
                    to: "1.0.0".into(),
                },
            )
            .map(drop)
        }),
        ("export_pack", |api, c, _| {
            api.export_pack(
                c,
                &ExportRequest {
                    pack_id: PROGRAM_PACK_ID.into(),
                    version: "1.0.0".into(),
                },
            )
            .map(drop)
        }),
        ("import_pack_upload", |api, c, _| {
            // Allowed callers get past the role check to the decoding.
            match api.import_pack_upload(c, "%%%", |_, _| {}, now()) {
                Err(e) if e.code == ErrorCode::InvalidPack => Ok(()),
                other => other.map(drop),
            }
        }),
        ("may_design", |api, c, _| api.may_design(c)),
        ("offices", |api, c, _| api.offices(c).map(drop)),
        ("unlock_account", |api, c, _| {
            // Allowed callers get past the role check to "no such account".
            let req = mastery_types::UnlockRequest {
                person_id: PersonId(uuid::Uuid::nil()),
            };
            match api.unlock_account(c, &req, now()) {
                Err(e) if e.code == ErrorCode::NotFound => Ok(()),
                other => other,
            }
        }),
        ("pair_coach", |api, c, _| {
            let req = mastery_types::PairCoachRequest {
                coach: PersonId(uuid::Uuid::nil()),
                learner: PersonId(uuid::Uuid::nil()),
                ends_on: None,
            };
            match api.pair_coach(c, &req, now()) {
                Err(e) if e.code == ErrorCode::NotFound => Ok(()),
                other => other.map(drop),
            }
        }),
        ("end_pairing", |api, c, _| {
            let req = mastery_types::EndPairingRequest {
                pairing_id: "none".into(),
            };
            match api.end_pairing(c, &req, now()) {
                Err(e) if e.code == ErrorCode::NotFound => Ok(()),
                other => other,
            }
        }),
        ("hr_settings", |api, c, _| api.hr_settings(c).map(drop)),
        ("set_hr_settings", |api, c, _| {
            let req = mastery_types::HrSettingsRequest {
                mode: mastery_types::HrMode::File,
                base_url: String::new(),
                token: None,
                interval_minutes: 15,
            };
            api.set_hr_settings(c, &req, now()).map(drop)
        }),
        ("hr_status", |api, c, _| api.hr_status(c, now()).map(drop)),
        ("retry_hr_deliveries", |api, c, _| {
            api.retry_hr_deliveries(c, now()).map(drop)
        }),
        ("new_activation_codes", |api, c, _| {
            api.new_activation_codes(c, now()).map(drop)
        }),
        ("preview_roster_csv", |api, c, _| {
            api.preview_roster_csv(c, b"employee_number,name\n", now())
                .map(drop)
        }),
        ("preview_roster_upload", |api, c, _| {
            api.preview_roster_upload(c, "ZW1wbG95ZWVfbnVtYmVyLG5hbWUK", now())
                .map(drop)
        }),
        ("apply_roster", |api, c, _| {
            // Allowed callers get past the role check to "no such preview".
            match api.apply_roster(c, "none", now()) {
                Err(e) if e.code == ErrorCode::Conflict => Ok(()),
                other => other.map(drop),
            }
        }),
        ("queue_status_changes", |api, c, _| {
            api.queue_status_changes(c, now()).map(drop)
        }),
        ("hr_status_csv", |api, c, _| {
            api.hr_status_csv(c, now()).map(drop)
        }),
        ("realign_hr", |api, c, _| {
            let report = mastery_types::ReconcileReport {
                compared: 0,
                differences: vec![],
            };
            api.realign_hr(c, &report, now()).map(drop)
        }),
        // The HR connection's network use cases: allowed callers get past
        // the role check to "not set up" (no SCIM server here).
        ("test_hr_connection", |api, c, _| {
            not_configured(block_on(api.test_hr_connection(c)).map(drop))
        }),
        ("preview_roster_scim", |api, c, _| {
            not_configured(block_on(api.preview_roster_scim(c, &|_, _| {})).map(drop))
        }),
        ("sync_hr", |api, c, _| {
            not_configured(
                block_on(api.sync_hr(c, mastery_api::DeliveryOptions::default(), &now, &|_, _| {}))
                    .map(drop),
            )
        }),
        ("reconcile_hr", |api, c, _| {
            not_configured(block_on(api.reconcile_hr(c, now(), &|_, _| {})).map(drop))
        }),
        ("classes_home", |api, c, _| {
            api.classes_home(c, now()).map(drop)
        }),
        ("class_detail", |api, c, _| {
            past_role_check(api.class_detail(c, &class("none"), now()).map(drop))
        }),
        ("schedule_class", |api, c, _| {
            let req = mastery_types::ScheduleClassRequest {
                course: CourseId("clients-l1".into()),
                date: "2026-12-01".into(),
                starts: "13:00".into(),
                ends: "15:00".into(),
                place: "Room 1".into(),
                facilitator: None,
                capacity: 10,
            };
            api.schedule_class(c, &req, now()).map(drop)
        }),
        ("enrol_in_class", |api, c, _| {
            past_role_check(api.enrol_in_class(c, &class("none"), now()).map(drop))
        }),
        ("withdraw_from_class", |api, c, _| {
            past_role_check(api.withdraw_from_class(c, &class("none"), now()).map(drop))
        }),
        ("cancel_class", |api, c, _| {
            let req = mastery_types::CancelClassRequest {
                class_id: "none".into(),
                reason: "no room".into(),
            };
            past_role_check(api.cancel_class(c, &req, now()).map(drop))
        }),
        ("mark_attendance", |api, c, _| {
            let req = mastery_types::AttendanceRequest {
                class_id: "none".into(),
                person_id: PersonId(uuid::Uuid::nil()),
                present: true,
            };
            past_role_check(api.mark_attendance(c, &req, now()).map(drop))
        }),
        ("invite_to_class", |api, c, _| {
            let req = mastery_types::InviteRequest {
                class_id: "none".into(),
                person_id: PersonId(uuid::Uuid::nil()),
            };
            past_role_check(api.invite_to_class(c, &req, now()).map(drop))
        }),
        ("answer_survey", |api, c, _| {
            let req = mastery_types::AnswerSurveyRequest {
                occasion: "none".into(),
                answers: vec![],
            };
            past_role_check(api.answer_survey(c, &req, now()))
        }),
        ("decline_survey", |api, c, _| {
            let req = mastery_types::DeclineSurveyRequest {
                occasion: "none".into(),
            };
            past_role_check(api.decline_survey(c, &req, now()))
        }),
        ("survey_results", |api, c, _| {
            let req = mastery_types::SurveyResultsRequest {
                course: CourseId("clients-l1".into()),
                version: None,
            };
            api.survey_results(c, &req).map(drop)
        }),
        ("survey_results_csv", |api, c, _| {
            let req = mastery_types::SurveyResultsRequest {
                course: CourseId("clients-l1".into()),
                version: None,
            };
            api.survey_results_csv(c, &req).map(drop)
        }),
        ("item_analysis", |api, c, _| {
            let req = mastery_types::ItemAnalysisRequest {
                course: CourseId("clients-l1".into()),
                version: None,
            };
            api.item_analysis(c, &req).map(drop)
        }),
        ("item_analysis_csv", |api, c, _| {
            let req = mastery_types::ItemAnalysisRequest {
                course: CourseId("clients-l1".into()),
                version: None,
            };
            api.item_analysis_csv(c, &req).map(drop)
        }),
        ("import_pack", |api, c, _| {
            // Allowed callers get past the role check to the archive check.
            match api.import_pack(c, b"not a zip", |_, _| {}, now()) {
                Err(e) if e.code == ErrorCode::InvalidPack => Ok(()),
                other => other.map(drop),
            }
        }),
    ]
}

fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(f)
}

fn class(id: &str) -> mastery_types::ClassRequest {
    mastery_types::ClassRequest {
        class_id: id.into(),
    }
}

/// Allowed callers get past the role check to "no such class" or "no
/// survey waiting".
fn past_role_check(r: Result<(), mastery_api::ApiError>) -> Result<(), mastery_api::ApiError> {
    match r {
        Err(e) if matches!(e.code, ErrorCode::NotFound | ErrorCode::Conflict) => Ok(()),
        other => other,
    }
}

fn not_configured(r: Result<(), mastery_api::ApiError>) -> Result<(), mastery_api::ApiError> {
    match r {
        Err(e) if e.problem == Some(mastery_types::Problem::HrNotConfigured) => Ok(()),
        other => other,
    }
}

fn l1() -> CourseRequest {
    CourseRequest {
        course: CourseId("clients-l1".into()),
    }
}

/// May `role` (`None`: the local operator) run `command`?
fn allowed(command: &str, role: Option<Role>) -> bool {
    match (command, role) {
        (
            "catalogue"
            | "course_outline"
            | "lesson"
            | "open_lesson"
            | "mark_lesson_done"
            | "quiz_status"
            | "start_quiz"
            | "save_answer"
            | "submit_quiz"
            | "abandon_quiz"
            | "save_lesson_position"
            | "self_assessment"
            | "submit_self_assessment"
            | "my_coaching"
            | "respond_to_coaching"
            | "assignments"
            | "submit_assignment"
            | "due_courses"
            | "my_observations"
            | "my_certifications"
            | "request_certification",
            Some(Role::Learner),
        ) => true,
        (
            "my_team" | "assign_course" | "delegate_approvals" | "pair_coach" | "end_pairing",
            Some(Role::Manager),
        ) => true,
        // Coaches only ever decide as a manager's delegate (checked per request).
        ("approval_home" | "decide_certification", Some(Role::Coach | Role::Manager)) => true,
        ("certification_admin" | "revoke_certification", Some(Role::Administrator)) => true,
        (
            "verify_audit" | "set_validity_months" | "organization_eligibility",
            Some(Role::Administrator) | None,
        ) => true,
        (
            "coach_home" | "log_coaching" | "learner_coaching" | "review_queue"
            | "review_submission" | "record_observation" | "form_team",
            Some(Role::Coach | Role::Manager),
        ) => true,
        (
            "session_info"
            | "set_language"
            | "certificate_pdf"
            | "certificate_credential"
            | "verify_credential",
            Some(_),
        ) => true,
        (
            "list_users" | "add_user" | "offices" | "unlock_account",
            Some(Role::Administrator) | None,
        ) => true,
        // Only the local operator seeds the demo (into an empty database:
        // see the next tests for a database that has accounts).
        ("seed_demo", None) => true,
        ("classes_home" | "class_detail", Some(_)) => true,
        ("org_dashboard", Some(Role::Manager | Role::Administrator)) => true,
        (
            "schedule_class" | "cancel_class" | "mark_attendance" | "invite_to_class",
            Some(Role::Coach | Role::Manager),
        ) => true,
        (
            "enrol_in_class" | "withdraw_from_class" | "answer_survey" | "decline_survey",
            Some(Role::Learner),
        ) => true,
        // The operator of the file may read results too (groups of five or
        // more only, like everyone).
        (
            "survey_results" | "survey_results_csv" | "item_analysis" | "item_analysis_csv",
            Some(Role::CourseDesigner | Role::Manager | Role::Administrator) | None,
        ) => true,
        (
            "hr_settings"
            | "set_hr_settings"
            | "hr_status"
            | "retry_hr_deliveries"
            | "new_activation_codes"
            | "preview_roster_csv"
            | "preview_roster_upload"
            | "apply_roster"
            | "queue_status_changes"
            | "hr_status_csv"
            | "realign_hr"
            | "test_hr_connection"
            | "preview_roster_scim"
            | "sync_hr"
            | "reconcile_hr",
            Some(Role::Administrator) | None,
        ) => true,
        (
            "designer_home" | "draft_tree" | "draft_file" | "check_edit" | "save_edit"
            | "discard_draft" | "publish" | "diff_versions" | "export_pack" | "import_pack"
            | "import_pack_upload" | "may_design",
            Some(Role::CourseDesigner),
        ) => true,
        _ => false,
    }
}

#[test]
fn every_command_checks_the_callers_role() {
    // One database, one person per role: an allowed caller may be refused
    // further on for what others did before (a draft already published),
    // which the commands above count as getting past the role check.
    let commands = commands();
    let api = api();
    let mut checked = 0;
    let mut n = 0;
    let mut subjects: Vec<(Option<Role>, &str, Caller)> = Role::ALL
        .iter()
        .enumerate()
        .map(|(i, r)| (Some(*r), r.as_str(), person(&api, 900 + i as u32, &[*r])))
        .collect();
    subjects.push((None, "local operator", Caller::LocalOperator));
    for (role, who, caller) in subjects {
        for (name, command) in &commands {
            n += 1;
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
    assert!(api.catalogue(&caller, now()).is_ok());
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
