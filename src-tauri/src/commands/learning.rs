//! Commands for the learner's view of the program.

use super::{as_caller, AppState};
use chrono::Utc;
use mastery_api::ApiError;
use mastery_types::{
    AttemptRequest, AttemptResult, AttemptView, Catalogue, CourseOutline, CourseRequest,
    LessonDoneRequest, LessonPositionRequest, LessonRequest, LessonView, QuizStatus,
    SaveAnswerRequest, SelfAssessmentView, StyleProfile, StyleRequest,
};
use tauri::State;

#[tauri::command]
pub async fn catalogue(state: State<'_, AppState>) -> Result<Catalogue, ApiError> {
    as_caller(&state, |api, caller| api.catalogue(caller, Utc::now())).await
}

#[tauri::command]
pub async fn course_outline(
    state: State<'_, AppState>,
    request: CourseRequest,
) -> Result<CourseOutline, ApiError> {
    as_caller(&state, move |api, caller| {
        api.course_outline(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn lesson(
    state: State<'_, AppState>,
    request: LessonRequest,
) -> Result<LessonView, ApiError> {
    // Opening a lesson is remembered, so the course resumes there.
    as_caller(&state, move |api, caller| {
        api.open_lesson(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn mark_lesson_done(
    state: State<'_, AppState>,
    request: LessonDoneRequest,
) -> Result<(), ApiError> {
    as_caller(&state, move |api, caller| {
        api.mark_lesson_done(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn quiz_status(
    state: State<'_, AppState>,
    request: CourseRequest,
) -> Result<QuizStatus, ApiError> {
    as_caller(&state, move |api, caller| {
        api.quiz_status(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn start_quiz(
    state: State<'_, AppState>,
    request: CourseRequest,
) -> Result<AttemptView, ApiError> {
    as_caller(&state, move |api, caller| {
        api.start_quiz(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn save_answer(
    state: State<'_, AppState>,
    request: SaveAnswerRequest,
) -> Result<(), ApiError> {
    as_caller(&state, move |api, caller| {
        api.save_answer(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn submit_quiz(
    state: State<'_, AppState>,
    request: AttemptRequest,
) -> Result<AttemptResult, ApiError> {
    as_caller(&state, move |api, caller| {
        api.submit_quiz(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn abandon_quiz(
    state: State<'_, AppState>,
    request: AttemptRequest,
) -> Result<AttemptResult, ApiError> {
    as_caller(&state, move |api, caller| {
        api.abandon_quiz(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn save_lesson_position(
    state: State<'_, AppState>,
    request: LessonPositionRequest,
) -> Result<(), ApiError> {
    as_caller(&state, move |api, caller| {
        api.save_lesson_position(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn self_assessment(
    state: State<'_, AppState>,
    request: CourseRequest,
) -> Result<SelfAssessmentView, ApiError> {
    as_caller(&state, move |api, caller| {
        api.self_assessment(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn submit_self_assessment(
    state: State<'_, AppState>,
    request: StyleRequest,
) -> Result<StyleProfile, ApiError> {
    as_caller(&state, move |api, caller| {
        api.submit_self_assessment(caller, &request, Utc::now())
    })
    .await
}
