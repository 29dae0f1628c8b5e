//! Commands for the learner's view of the program.

use super::{as_caller, AppState};
use mastery_api::ApiError;
use mastery_types::{Catalogue, CourseOutline, CourseRequest, LessonRequest, LessonView};
use tauri::State;

#[tauri::command]
pub async fn catalogue(state: State<'_, AppState>) -> Result<Catalogue, ApiError> {
    as_caller(&state, |api, caller| api.catalogue(caller)).await
}

#[tauri::command]
pub async fn course_outline(
    state: State<'_, AppState>,
    request: CourseRequest,
) -> Result<CourseOutline, ApiError> {
    as_caller(&state, move |api, caller| {
        api.course_outline(caller, &request)
    })
    .await
}

#[tauri::command]
pub async fn lesson(
    state: State<'_, AppState>,
    request: LessonRequest,
) -> Result<LessonView, ApiError> {
    as_caller(&state, move |api, caller| api.lesson(caller, &request)).await
}
