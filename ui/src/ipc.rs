//! The one typed IPC module: one async function per backend command, over
//! Tauri's `invoke`. Errors arrive as `{code, message}` ([`ApiError`]).

use mastery_types::{
    ActivateRequest, ActivationCode, ApplyRosterRequest, ConnectionTest, HrSettings,
    HrSettingsRequest, HrStatus, ImportSummary, ReconcileReport, RosterPreview,
    RosterUploadRequest, SavedFile, SyncReport,
};
use mastery_types::{
    AnswerSurveyRequest, AttendanceRequest, CancelClassRequest, ClassDetail, ClassRequest,
    ClassView, ClassesHome, DeclineSurveyRequest, InviteRequest, ScheduleClassRequest,
    SurveyResults, SurveyResultsRequest,
};
use mastery_types::{
    ApiError, Catalogue, CourseOutline, CourseRequest, DesignerHome, DiffEntry, DiffRequest,
    DraftFile, DraftFileRequest, DraftTree, EditCheck, EditRequest, ErrorCode, ExportDone,
    ExportRequest, FirstAdminRequest, ImportDone, ImportRequest, LessonRequest, LessonView,
    NewUser, Progress, PublishRequest, SessionInfo, SetLanguageRequest, SetupStatus, SignInRequest,
    UserSummary, VersionInfo,
};
use mastery_types::{
    ApprovalHome, AuditReport, CertificationAdmin, CertificationKey, CertificationView,
    DecideRequest, DelegationRequest, DelegationView, MyCertifications, RevokeRequest,
};
use mastery_types::{
    AssignCourseRequest, DueCourse, ObservationRequest, ObservationView, TeamView,
};
use mastery_types::{AssignmentView, ReviewRequest, SubmissionView, SubmitAssignmentRequest};
use mastery_types::{
    AttemptRequest, AttemptResult, AttemptView, LessonDoneRequest, LessonPositionRequest,
    QuizStatus, SaveAnswerRequest, SelfAssessmentView, StyleProfile, StyleRequest,
};
use mastery_types::{CoachHome, CoachingRequest, CoachingResponseRequest, CoachingSessionView};
use mastery_types::{FormTeamRequest, TeamInfo};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "core"], js_name = invoke, catch)]
    async fn tauri_invoke(cmd: &str, args: JsValue) -> Result<JsValue, JsValue>;
}

#[derive(Serialize)]
struct NoArgs {}

#[derive(Serialize)]
struct WithRequest<'a, T> {
    request: &'a T,
}

async fn call<A: Serialize, R: DeserializeOwned>(cmd: &str, args: &A) -> Result<R, ApiError> {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    let args = args
        .serialize(&ser)
        .map_err(|e| ApiError::new(ErrorCode::InvalidInput, format!("cannot encode {cmd}: {e}")))?;
    match tauri_invoke(cmd, args).await {
        Ok(v) => serde_wasm_bindgen::from_value(v).map_err(|e| {
            ApiError::new(
                ErrorCode::Storage,
                format!("unexpected answer to {cmd}: {e}"),
            )
        }),
        Err(e) => Err(
            serde_wasm_bindgen::from_value::<ApiError>(e.clone()).unwrap_or_else(|_| {
                ApiError::new(
                    ErrorCode::Storage,
                    e.as_string().unwrap_or_else(|| format!("{cmd} failed")),
                )
            }),
        ),
    }
}

pub async fn setup_status() -> Result<SetupStatus, ApiError> {
    call("setup_status", &NoArgs {}).await
}

pub async fn create_first_admin(request: &FirstAdminRequest) -> Result<SessionInfo, ApiError> {
    call("create_first_admin", &WithRequest { request }).await
}

pub async fn sign_in(request: &SignInRequest) -> Result<SessionInfo, ApiError> {
    call("sign_in", &WithRequest { request }).await
}

pub async fn sign_out() -> Result<(), ApiError> {
    call("sign_out", &NoArgs {}).await
}

pub async fn current_session() -> Result<Option<SessionInfo>, ApiError> {
    call("current_session", &NoArgs {}).await
}

pub async fn set_language(request: &SetLanguageRequest) -> Result<SessionInfo, ApiError> {
    call("set_language", &WithRequest { request }).await
}

pub async fn catalogue() -> Result<Catalogue, ApiError> {
    call("catalogue", &NoArgs {}).await
}

pub async fn list_users() -> Result<Vec<UserSummary>, ApiError> {
    call("list_users", &NoArgs {}).await
}

pub async fn add_user(request: &NewUser) -> Result<UserSummary, ApiError> {
    call("add_user", &WithRequest { request }).await
}

pub async fn course_outline(request: &CourseRequest) -> Result<CourseOutline, ApiError> {
    call("course_outline", &WithRequest { request }).await
}

pub async fn lesson(request: &LessonRequest) -> Result<LessonView, ApiError> {
    call("lesson", &WithRequest { request }).await
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PackArgs<'a> {
    pack_id: &'a str,
}

pub async fn designer_home() -> Result<DesignerHome, ApiError> {
    call("designer_home", &NoArgs {}).await
}

pub async fn draft_tree(pack_id: &str) -> Result<DraftTree, ApiError> {
    call("draft_tree", &PackArgs { pack_id }).await
}

pub async fn draft_file(request: &DraftFileRequest) -> Result<DraftFile, ApiError> {
    call("draft_file", &WithRequest { request }).await
}

pub async fn check_edit(request: &EditRequest) -> Result<EditCheck, ApiError> {
    call("check_edit", &WithRequest { request }).await
}

pub async fn save_edit(request: &EditRequest) -> Result<EditCheck, ApiError> {
    call("save_edit", &WithRequest { request }).await
}

pub async fn discard_draft(pack_id: &str) -> Result<(), ApiError> {
    call("discard_draft", &PackArgs { pack_id }).await
}

pub async fn publish_pack(request: &PublishRequest) -> Result<VersionInfo, ApiError> {
    call("publish_pack", &WithRequest { request }).await
}

pub async fn diff_versions(request: &DiffRequest) -> Result<Vec<DiffEntry>, ApiError> {
    call("diff_versions", &WithRequest { request }).await
}

pub async fn export_pack(request: &ExportRequest) -> Result<ExportDone, ApiError> {
    call("export_pack", &WithRequest { request }).await
}

pub async fn import_pack(request: &ImportRequest) -> Result<ImportDone, ApiError> {
    call("import_pack", &WithRequest { request }).await
}

pub async fn pack_progress() -> Result<Progress, ApiError> {
    call("pack_progress", &NoArgs {}).await
}

pub async fn mark_lesson_done(request: &LessonDoneRequest) -> Result<(), ApiError> {
    call("mark_lesson_done", &WithRequest { request }).await
}

pub async fn quiz_status(request: &CourseRequest) -> Result<QuizStatus, ApiError> {
    call("quiz_status", &WithRequest { request }).await
}

pub async fn start_quiz(request: &CourseRequest) -> Result<AttemptView, ApiError> {
    call("start_quiz", &WithRequest { request }).await
}

pub async fn save_answer(request: &SaveAnswerRequest) -> Result<(), ApiError> {
    call("save_answer", &WithRequest { request }).await
}

pub async fn submit_quiz(request: &AttemptRequest) -> Result<AttemptResult, ApiError> {
    call("submit_quiz", &WithRequest { request }).await
}

pub async fn abandon_quiz(request: &AttemptRequest) -> Result<AttemptResult, ApiError> {
    call("abandon_quiz", &WithRequest { request }).await
}

pub async fn save_lesson_position(request: &LessonPositionRequest) -> Result<(), ApiError> {
    call("save_lesson_position", &WithRequest { request }).await
}

pub async fn self_assessment(request: &CourseRequest) -> Result<SelfAssessmentView, ApiError> {
    call("self_assessment", &WithRequest { request }).await
}

pub async fn submit_self_assessment(request: &StyleRequest) -> Result<StyleProfile, ApiError> {
    call("submit_self_assessment", &WithRequest { request }).await
}

pub async fn coach_home() -> Result<CoachHome, ApiError> {
    call("coach_home", &NoArgs {}).await
}

pub async fn log_coaching(request: &CoachingRequest) -> Result<CoachingSessionView, ApiError> {
    call("log_coaching", &WithRequest { request }).await
}

pub async fn my_coaching() -> Result<Vec<CoachingSessionView>, ApiError> {
    call("my_coaching", &NoArgs {}).await
}

pub async fn respond_to_coaching(
    request: &CoachingResponseRequest,
) -> Result<CoachingSessionView, ApiError> {
    call("respond_to_coaching", &WithRequest { request }).await
}

pub async fn assignments(request: &CourseRequest) -> Result<Vec<AssignmentView>, ApiError> {
    call("assignments", &WithRequest { request }).await
}

pub async fn submit_assignment(
    request: &SubmitAssignmentRequest,
) -> Result<SubmissionView, ApiError> {
    call("submit_assignment", &WithRequest { request }).await
}

pub async fn review_queue() -> Result<Vec<SubmissionView>, ApiError> {
    call("review_queue", &NoArgs {}).await
}

pub async fn review_submission(request: &ReviewRequest) -> Result<SubmissionView, ApiError> {
    call("review_submission", &WithRequest { request }).await
}

pub async fn due_courses() -> Result<Vec<DueCourse>, ApiError> {
    call("due_courses", &NoArgs {}).await
}

pub async fn my_certifications() -> Result<MyCertifications, ApiError> {
    call("my_certifications", &NoArgs {}).await
}

pub async fn request_certification(
    request: &CertificationKey,
) -> Result<CertificationView, ApiError> {
    call("request_certification", &WithRequest { request }).await
}

pub async fn approval_home() -> Result<ApprovalHome, ApiError> {
    call("approval_home", &NoArgs {}).await
}

pub async fn decide_certification(request: &DecideRequest) -> Result<(), ApiError> {
    call("decide_certification", &WithRequest { request }).await
}

pub async fn delegate_approvals(request: &DelegationRequest) -> Result<DelegationView, ApiError> {
    call("delegate_approvals", &WithRequest { request }).await
}

pub async fn certification_admin() -> Result<CertificationAdmin, ApiError> {
    call("certification_admin", &NoArgs {}).await
}

pub async fn revoke_certification(request: &RevokeRequest) -> Result<(), ApiError> {
    call("revoke_certification", &WithRequest { request }).await
}

pub async fn download_certificate(
    request: &mastery_types::CertificateRequest,
) -> Result<mastery_types::SavedFile, ApiError> {
    call("download_certificate", &WithRequest { request }).await
}

pub async fn download_credential(
    request: &mastery_types::CertificateRequest,
) -> Result<mastery_types::SavedFile, ApiError> {
    call("download_credential", &WithRequest { request }).await
}

pub async fn verify_credential(
    request: &mastery_types::VerifyCredentialRequest,
) -> Result<mastery_types::CredentialCheck, ApiError> {
    call("verify_credential", &WithRequest { request }).await
}

#[derive(serde::Serialize)]
struct Months {
    months: u32,
}

pub async fn set_validity_months(months: u32) -> Result<(), ApiError> {
    call("set_validity_months", &Months { months }).await
}

pub async fn verify_audit() -> Result<AuditReport, ApiError> {
    call("verify_audit", &NoArgs {}).await
}

pub async fn my_team() -> Result<TeamView, ApiError> {
    call("my_team", &NoArgs {}).await
}

/// The program's figures for the caller's staff (a manager) or for
/// everyone (an administrator).
pub async fn org_dashboard() -> Result<mastery_types::OrgDashboard, ApiError> {
    call("org_dashboard", &NoArgs {}).await
}

pub async fn pair_coach(
    request: &mastery_types::PairCoachRequest,
) -> Result<mastery_types::PairingView, ApiError> {
    call("pair_coach", &WithRequest { request }).await
}

pub async fn end_pairing(request: &mastery_types::EndPairingRequest) -> Result<(), ApiError> {
    call("end_pairing", &WithRequest { request }).await
}

pub async fn offices() -> Result<Vec<mastery_types::Office>, ApiError> {
    call("offices", &NoArgs {}).await
}

pub async fn unlock_account(request: &mastery_types::UnlockRequest) -> Result<(), ApiError> {
    call("unlock_account", &WithRequest { request }).await
}

#[derive(Serialize)]
struct Url<'a> {
    url: &'a str,
}

/// Opens a web address from a lesson in the system's browser.
pub async fn open_link(url: &str) -> Result<(), ApiError> {
    call("open_link", &Url { url }).await
}

pub async fn assign_course(request: &AssignCourseRequest) -> Result<DueCourse, ApiError> {
    call("assign_course", &WithRequest { request }).await
}

pub async fn record_observation(request: &ObservationRequest) -> Result<ObservationView, ApiError> {
    call("record_observation", &WithRequest { request }).await
}

pub async fn my_observations() -> Result<Vec<ObservationView>, ApiError> {
    call("my_observations", &NoArgs {}).await
}

pub async fn form_team(request: &FormTeamRequest) -> Result<TeamInfo, ApiError> {
    call("form_team", &WithRequest { request }).await
}

pub async fn hr_status() -> Result<HrStatus, ApiError> {
    call("hr_status", &NoArgs {}).await
}

pub async fn set_hr_settings(request: &HrSettingsRequest) -> Result<HrSettings, ApiError> {
    call("set_hr_settings", &WithRequest { request }).await
}

pub async fn test_hr_connection() -> Result<ConnectionTest, ApiError> {
    call("test_hr_connection", &NoArgs {}).await
}

pub async fn preview_roster_upload(
    request: &RosterUploadRequest,
) -> Result<RosterPreview, ApiError> {
    call("preview_roster_upload", &WithRequest { request }).await
}

/// Reads the roster from HR's SCIM server; [`hr_progress`] follows it.
pub async fn preview_roster_scim() -> Result<RosterPreview, ApiError> {
    call("preview_roster_scim", &NoArgs {}).await
}

pub async fn apply_roster(request: &ApplyRosterRequest) -> Result<ImportSummary, ApiError> {
    call("apply_roster", &WithRequest { request }).await
}

/// "Send now" / "Retry": set-aside messages back in line, then one round.
pub async fn sync_hr_now() -> Result<SyncReport, ApiError> {
    call("sync_hr_now", &NoArgs {}).await
}

/// How far a long HR operation (roster read, delivery, reconcile) is.
pub async fn hr_progress() -> Result<Progress, ApiError> {
    call("hr_progress", &NoArgs {}).await
}

pub async fn reconcile_hr() -> Result<ReconcileReport, ApiError> {
    call("reconcile_hr", &NoArgs {}).await
}

/// Queues Mastery's status for everyone HR differs on; how many were queued.
pub async fn realign_hr() -> Result<u32, ApiError> {
    call("realign_hr", &NoArgs {}).await
}

pub async fn new_activation_codes() -> Result<Vec<ActivationCode>, ApiError> {
    call("new_activation_codes", &NoArgs {}).await
}

#[derive(Serialize)]
struct Codes<'a> {
    codes: &'a [ActivationCode],
}

pub async fn export_activation_codes(codes: &[ActivationCode]) -> Result<SavedFile, ApiError> {
    call("export_activation_codes", &Codes { codes }).await
}

pub async fn export_hr_status() -> Result<SavedFile, ApiError> {
    call("export_hr_status", &NoArgs {}).await
}

/// A new person's first sign-in with an activation code (no session needed).
pub async fn activate_account(request: &ActivateRequest) -> Result<SessionInfo, ApiError> {
    call("activate_account", &WithRequest { request }).await
}

/// Classes the person may join, is in, or runs, and the surveys they owe.
pub async fn classes_home() -> Result<ClassesHome, ApiError> {
    call("classes_home", &NoArgs {}).await
}

/// A class with its list of people (the list only for who runs it).
pub async fn class_detail(request: &ClassRequest) -> Result<ClassDetail, ApiError> {
    call("class_detail", &WithRequest { request }).await
}

pub async fn schedule_class(request: &ScheduleClassRequest) -> Result<ClassView, ApiError> {
    call("schedule_class", &WithRequest { request }).await
}

/// A seat if one is free, else a place on the waiting list.
pub async fn enrol_in_class(request: &ClassRequest) -> Result<ClassView, ApiError> {
    call("enrol_in_class", &WithRequest { request }).await
}

pub async fn invite_to_class(request: &InviteRequest) -> Result<ClassDetail, ApiError> {
    call("invite_to_class", &WithRequest { request }).await
}

pub async fn withdraw_from_class(request: &ClassRequest) -> Result<ClassView, ApiError> {
    call("withdraw_from_class", &WithRequest { request }).await
}

pub async fn cancel_class(request: &CancelClassRequest) -> Result<ClassView, ApiError> {
    call("cancel_class", &WithRequest { request }).await
}

pub async fn mark_attendance(request: &AttendanceRequest) -> Result<ClassDetail, ApiError> {
    call("mark_attendance", &WithRequest { request }).await
}

pub async fn answer_survey(request: &AnswerSurveyRequest) -> Result<(), ApiError> {
    call("answer_survey", &WithRequest { request }).await
}

/// "No thanks": the survey is not asked again.
pub async fn decline_survey(request: &DeclineSurveyRequest) -> Result<(), ApiError> {
    call("decline_survey", &WithRequest { request }).await
}

pub async fn survey_results(request: &SurveyResultsRequest) -> Result<SurveyResults, ApiError> {
    call("survey_results", &WithRequest { request }).await
}

pub async fn export_survey_results(
    request: &SurveyResultsRequest,
) -> Result<mastery_types::SavedFile, ApiError> {
    call("export_survey_results", &WithRequest { request }).await
}

/// The item analysis as CSV, saved to Downloads.
pub async fn export_item_analysis(
    request: &mastery_types::ItemAnalysisRequest,
) -> Result<mastery_types::SavedFile, ApiError> {
    call("export_item_analysis", &WithRequest { request }).await
}

pub async fn item_analysis(
    request: &mastery_types::ItemAnalysisRequest,
) -> Result<mastery_types::ItemAnalysis, ApiError> {
    call("item_analysis", &WithRequest { request }).await
}
