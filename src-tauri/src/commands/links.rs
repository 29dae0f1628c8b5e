//! Links from lessons to the web: they open in the system's browser, never
//! in the app's window (see `guard.rs`), once the user has confirmed the
//! address the window shows them.

use super::AppState;
use crate::guard;
use mastery_api::{ApiError, ErrorCode};
use tauri::State;

#[tauri::command]
pub async fn open_link(state: State<'_, AppState>, url: String) -> Result<(), ApiError> {
    // Only for a signed-in person reading the app's own content.
    state.signed_in()?;
    let url = guard::external(&url).ok_or_else(|| {
        ApiError::new(
            ErrorCode::InvalidInput,
            "only web addresses (http or https) open in the browser",
        )
    })?;
    open::that_detached(url.as_str()).map_err(|e| {
        ApiError::new(
            ErrorCode::Storage,
            format!("the browser could not be started: {e}"),
        )
    })
}
