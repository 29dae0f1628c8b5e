//! Commands for the learner's view of the program.

use super::{as_caller, AppState};
use mastery_api::ApiError;
use mastery_types::Catalogue;
use tauri::State;

#[tauri::command]
pub async fn catalogue(state: State<'_, AppState>) -> Result<Catalogue, ApiError> {
    as_caller(&state, |api, caller| api.catalogue(caller)).await
}
