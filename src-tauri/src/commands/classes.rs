//! Commands for classes and the post-class survey.

use super::{as_caller, AppState};
use chrono::Utc;
use mastery_api::ApiError;
use mastery_types::{
    AnswerSurveyRequest, AttendanceRequest, CancelClassRequest, ClassDetail, ClassRequest,
    ClassView, ClassesHome, DeclineSurveyRequest, InviteRequest, ItemAnalysis, ItemAnalysisRequest,
    ScheduleClassRequest, SurveyResults, SurveyResultsRequest,
};
use tauri::State;

#[tauri::command]
pub async fn classes_home(state: State<'_, AppState>) -> Result<ClassesHome, ApiError> {
    as_caller(&state, |api, caller| api.classes_home(caller, Utc::now())).await
}

#[tauri::command]
pub async fn class_detail(
    state: State<'_, AppState>,
    request: ClassRequest,
) -> Result<ClassDetail, ApiError> {
    as_caller(&state, move |api, caller| {
        api.class_detail(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn schedule_class(
    state: State<'_, AppState>,
    request: ScheduleClassRequest,
) -> Result<ClassView, ApiError> {
    as_caller(&state, move |api, caller| {
        api.schedule_class(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn enrol_in_class(
    state: State<'_, AppState>,
    request: ClassRequest,
) -> Result<ClassView, ApiError> {
    as_caller(&state, move |api, caller| {
        api.enrol_in_class(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn invite_to_class(
    state: State<'_, AppState>,
    request: InviteRequest,
) -> Result<ClassDetail, ApiError> {
    as_caller(&state, move |api, caller| {
        api.invite_to_class(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn withdraw_from_class(
    state: State<'_, AppState>,
    request: ClassRequest,
) -> Result<ClassView, ApiError> {
    as_caller(&state, move |api, caller| {
        api.withdraw_from_class(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn cancel_class(
    state: State<'_, AppState>,
    request: CancelClassRequest,
) -> Result<ClassView, ApiError> {
    as_caller(&state, move |api, caller| {
        api.cancel_class(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn mark_attendance(
    state: State<'_, AppState>,
    request: AttendanceRequest,
) -> Result<ClassDetail, ApiError> {
    as_caller(&state, move |api, caller| {
        api.mark_attendance(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn answer_survey(
    state: State<'_, AppState>,
    request: AnswerSurveyRequest,
) -> Result<(), ApiError> {
    as_caller(&state, move |api, caller| {
        api.answer_survey(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn decline_survey(
    state: State<'_, AppState>,
    request: DeclineSurveyRequest,
) -> Result<(), ApiError> {
    as_caller(&state, move |api, caller| {
        api.decline_survey(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn survey_results(
    state: State<'_, AppState>,
    request: SurveyResultsRequest,
) -> Result<SurveyResults, ApiError> {
    as_caller(&state, move |api, caller| {
        api.survey_results(caller, &request)
    })
    .await
}

#[tauri::command]
pub async fn item_analysis(
    state: State<'_, AppState>,
    request: ItemAnalysisRequest,
) -> Result<ItemAnalysis, ApiError> {
    as_caller(&state, move |api, caller| {
        api.item_analysis(caller, &request)
    })
    .await
}

/// A knowledge check's item analysis as CSV, saved to Downloads.
#[tauri::command]
pub async fn export_item_analysis(
    state: State<'_, AppState>,
    request: ItemAnalysisRequest,
) -> Result<mastery_types::SavedFile, ApiError> {
    let name = format!("item-analysis-{}.csv", request.course.as_str());
    let csv = as_caller(&state, move |api, caller| {
        api.item_analysis_csv(caller, &request)
    })
    .await?;
    super::save_download(name, csv.into_bytes()).await
}

/// A course version's survey results as CSV, saved to Downloads (the same
/// rows and suppression as the page).
#[tauri::command]
pub async fn export_survey_results(
    state: State<'_, AppState>,
    request: SurveyResultsRequest,
) -> Result<mastery_types::SavedFile, ApiError> {
    let name = format!("survey-results-{}.csv", request.course.as_str());
    let csv = as_caller(&state, move |api, caller| {
        api.survey_results_csv(caller, &request)
    })
    .await?;
    super::save_download(name, csv.into_bytes()).await
}
