//! Commands for Level 2 assignments and their review.

use super::{as_caller, AppState};
use chrono::Utc;
use mastery_api::ApiError;
use mastery_types::{
    AssignmentView, CourseRequest, FormTeamRequest, ReviewRequest, SubmissionView,
    SubmitAssignmentRequest, TeamInfo,
};
use tauri::State;

#[tauri::command]
pub async fn assignments(
    state: State<'_, AppState>,
    request: CourseRequest,
) -> Result<Vec<AssignmentView>, ApiError> {
    as_caller(&state, move |api, caller| {
        api.assignments(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn submit_assignment(
    state: State<'_, AppState>,
    request: SubmitAssignmentRequest,
) -> Result<SubmissionView, ApiError> {
    as_caller(&state, move |api, caller| {
        api.submit_assignment(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn review_queue(state: State<'_, AppState>) -> Result<Vec<SubmissionView>, ApiError> {
    as_caller(&state, |api, caller| api.review_queue(caller, Utc::now())).await
}

#[tauri::command]
pub async fn review_submission(
    state: State<'_, AppState>,
    request: ReviewRequest,
) -> Result<SubmissionView, ApiError> {
    as_caller(&state, move |api, caller| {
        api.review_submission(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn form_team(
    state: State<'_, AppState>,
    request: FormTeamRequest,
) -> Result<TeamInfo, ApiError> {
    as_caller(&state, move |api, caller| {
        api.form_team(caller, &request, Utc::now())
    })
    .await
}
