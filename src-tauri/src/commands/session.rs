//! Commands for setup, sign-in and the session.

use super::{as_caller, blocking, AppState};
use chrono::Utc;
use mastery_api::ApiError;
use mastery_types::{
    FirstAdminRequest, SessionInfo, SetLanguageRequest, SetupStatus, SignInRequest,
};
use tauri::State;

#[tauri::command]
pub async fn setup_status(state: State<'_, AppState>) -> Result<SetupStatus, ApiError> {
    let api = state.api()?;
    blocking(move || api.setup_status()).await
}

#[tauri::command]
pub async fn create_first_admin(
    state: State<'_, AppState>,
    request: FirstAdminRequest,
) -> Result<SessionInfo, ApiError> {
    let api = state.api()?;
    let (token, info) = blocking(move || api.create_first_admin(&request, Utc::now())).await?;
    end_replaced(&state, token).await;
    Ok(info)
}

#[tauri::command]
pub async fn sign_in(
    state: State<'_, AppState>,
    request: SignInRequest,
) -> Result<SessionInfo, ApiError> {
    let api = state.api()?;
    let (token, info) = blocking(move || api.sign_in(&request, Utc::now())).await?;
    end_replaced(&state, token).await;
    Ok(info)
}

#[tauri::command]
pub async fn sign_out(state: State<'_, AppState>) -> Result<(), ApiError> {
    let api = state.api()?;
    match state.replace_token(None) {
        Some(token) => blocking(move || api.sign_out(&token, Utc::now())).await,
        None => Ok(()),
    }
}

/// Holds the new session; a session it replaces (signing in again without
/// signing out) is ended, not left open until it expires.
pub(super) async fn end_replaced(state: &AppState, token: mastery_api::SessionToken) {
    if let (Some(old), Ok(api)) = (state.replace_token(Some(token)), state.api()) {
        let _ = blocking(move || api.sign_out(&old, Utc::now())).await;
    }
}

/// The signed-in person, or `None` (not an error) when nobody is.
#[tauri::command]
pub async fn current_session(state: State<'_, AppState>) -> Result<Option<SessionInfo>, ApiError> {
    if state.token().is_none() {
        return Ok(None);
    }
    as_caller(&state, |api, caller| api.session_info(caller).map(Some)).await
}

#[tauri::command]
pub async fn set_language(
    state: State<'_, AppState>,
    request: SetLanguageRequest,
) -> Result<SessionInfo, ApiError> {
    as_caller(&state, move |api, caller| {
        api.set_language(caller, &request, Utc::now())
    })
    .await
}
