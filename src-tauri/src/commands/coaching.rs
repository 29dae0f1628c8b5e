//! Commands for coaching: the coach's page and the learner's responses.

use super::{as_caller, AppState};
use chrono::Utc;
use mastery_api::ApiError;
use mastery_types::{
    CoachHome, CoachingRequest, CoachingResponseRequest, CoachingSessionView, ObservationRequest,
    ObservationView, PersonId,
};
use tauri::State;

#[tauri::command]
pub async fn coach_home(state: State<'_, AppState>) -> Result<CoachHome, ApiError> {
    as_caller(&state, |api, caller| api.coach_home(caller, Utc::now())).await
}

#[tauri::command]
pub async fn log_coaching(
    state: State<'_, AppState>,
    request: CoachingRequest,
) -> Result<CoachingSessionView, ApiError> {
    as_caller(&state, move |api, caller| {
        api.log_coaching(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn learner_coaching(
    state: State<'_, AppState>,
    learner: PersonId,
) -> Result<Vec<CoachingSessionView>, ApiError> {
    as_caller(&state, move |api, caller| {
        api.learner_coaching(caller, learner, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn my_coaching(state: State<'_, AppState>) -> Result<Vec<CoachingSessionView>, ApiError> {
    as_caller(&state, |api, caller| api.my_coaching(caller)).await
}

#[tauri::command]
pub async fn respond_to_coaching(
    state: State<'_, AppState>,
    request: CoachingResponseRequest,
) -> Result<CoachingSessionView, ApiError> {
    as_caller(&state, move |api, caller| {
        api.respond_to_coaching(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn record_observation(
    state: State<'_, AppState>,
    request: ObservationRequest,
) -> Result<ObservationView, ApiError> {
    as_caller(&state, move |api, caller| {
        api.record_observation(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn my_observations(state: State<'_, AppState>) -> Result<Vec<ObservationView>, ApiError> {
    as_caller(&state, |api, caller| api.my_observations(caller)).await
}
