//! Commands for account administration.

use super::{as_caller, AppState};
use chrono::Utc;
use mastery_api::ApiError;
use mastery_types::{NewUser, Office, UnlockRequest, UserSummary};
use tauri::State;

#[tauri::command]
pub async fn list_users(state: State<'_, AppState>) -> Result<Vec<UserSummary>, ApiError> {
    as_caller(&state, |api, caller| api.list_users(caller, Utc::now())).await
}

#[tauri::command]
pub async fn add_user(
    state: State<'_, AppState>,
    request: NewUser,
) -> Result<UserSummary, ApiError> {
    as_caller(&state, move |api, caller| {
        api.add_user(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn unlock_account(
    state: State<'_, AppState>,
    request: UnlockRequest,
) -> Result<(), ApiError> {
    as_caller(&state, move |api, caller| {
        api.unlock_account(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn offices(state: State<'_, AppState>) -> Result<Vec<Office>, ApiError> {
    as_caller(&state, |api, caller| api.offices(caller)).await
}
