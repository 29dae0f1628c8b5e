//! Commands for managers' staff, learners' due courses and the
//! organization's figures.

use super::{as_caller, AppState};
use chrono::Utc;
use mastery_api::ApiError;
use mastery_types::{
    AssignCourseRequest, DueCourse, EndPairingRequest, OrgDashboard, PairCoachRequest, PairingView,
    TeamView,
};
use tauri::State;

#[tauri::command]
pub async fn due_courses(state: State<'_, AppState>) -> Result<Vec<DueCourse>, ApiError> {
    as_caller(&state, |api, caller| api.due_courses(caller, Utc::now())).await
}

#[tauri::command]
pub async fn my_team(state: State<'_, AppState>) -> Result<TeamView, ApiError> {
    as_caller(&state, |api, caller| api.my_team(caller, Utc::now())).await
}

/// The organization's figures (a manager's staff, or everyone for an
/// administrator).
#[tauri::command]
pub async fn org_dashboard(state: State<'_, AppState>) -> Result<OrgDashboard, ApiError> {
    as_caller(&state, |api, caller| api.org_dashboard(caller, Utc::now())).await
}

#[tauri::command]
pub async fn assign_course(
    state: State<'_, AppState>,
    request: AssignCourseRequest,
) -> Result<DueCourse, ApiError> {
    as_caller(&state, move |api, caller| {
        api.assign_course(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn pair_coach(
    state: State<'_, AppState>,
    request: PairCoachRequest,
) -> Result<PairingView, ApiError> {
    as_caller(&state, move |api, caller| {
        api.pair_coach(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn end_pairing(
    state: State<'_, AppState>,
    request: EndPairingRequest,
) -> Result<(), ApiError> {
    as_caller(&state, move |api, caller| {
        api.end_pairing(caller, &request, Utc::now())
    })
    .await
}
