//! Commands for certification: the learner's status and requests, the
//! approvals screen, the administrator's view and the audit check.

use super::{as_caller, AppState};
use chrono::Utc;
use mastery_api::ApiError;
use mastery_types::{
    ApprovalHome, AuditReport, CertificateRequest, CertificationAdmin, CertificationKey,
    CertificationView, CredentialCheck, DecideRequest, DelegationRequest, DelegationView,
    MyCertifications, RevokeRequest, SavedFile, VerifyCredentialRequest,
};
use tauri::State;

#[tauri::command]
pub async fn my_certifications(state: State<'_, AppState>) -> Result<MyCertifications, ApiError> {
    as_caller(&state, |api, caller| {
        api.my_certifications(caller, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn request_certification(
    state: State<'_, AppState>,
    request: CertificationKey,
) -> Result<CertificationView, ApiError> {
    as_caller(&state, move |api, caller| {
        api.request_certification(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn approval_home(state: State<'_, AppState>) -> Result<ApprovalHome, ApiError> {
    as_caller(&state, |api, caller| api.approval_home(caller, Utc::now())).await
}

#[tauri::command]
pub async fn decide_certification(
    state: State<'_, AppState>,
    request: DecideRequest,
) -> Result<(), ApiError> {
    as_caller(&state, move |api, caller| {
        api.decide_certification(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn delegate_approvals(
    state: State<'_, AppState>,
    request: DelegationRequest,
) -> Result<DelegationView, ApiError> {
    as_caller(&state, move |api, caller| {
        api.delegate_approvals(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn certification_admin(
    state: State<'_, AppState>,
) -> Result<CertificationAdmin, ApiError> {
    as_caller(&state, |api, caller| {
        api.certification_admin(caller, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn revoke_certification(
    state: State<'_, AppState>,
    request: RevokeRequest,
) -> Result<(), ApiError> {
    as_caller(&state, move |api, caller| {
        api.revoke_certification(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn set_validity_months(state: State<'_, AppState>, months: u32) -> Result<(), ApiError> {
    as_caller(&state, move |api, caller| {
        api.set_validity_months(caller, months, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn verify_audit(state: State<'_, AppState>) -> Result<AuditReport, ApiError> {
    as_caller(&state, |api, caller| api.verify_audit(caller)).await
}

#[tauri::command]
pub async fn download_certificate(
    state: State<'_, AppState>,
    request: CertificateRequest,
) -> Result<SavedFile, ApiError> {
    let (name, bytes) = as_caller(&state, move |api, caller| {
        api.certificate_pdf(caller, &request, Utc::now())
    })
    .await?;
    super::save_download(name, bytes).await
}

#[tauri::command]
pub async fn download_credential(
    state: State<'_, AppState>,
    request: CertificateRequest,
) -> Result<SavedFile, ApiError> {
    let (name, text) = as_caller(&state, move |api, caller| {
        api.certificate_credential(caller, &request, Utc::now())
    })
    .await?;
    super::save_download(name, text.into_bytes()).await
}

#[tauri::command]
pub async fn verify_credential(
    state: State<'_, AppState>,
    request: VerifyCredentialRequest,
) -> Result<CredentialCheck, ApiError> {
    as_caller(&state, move |api, caller| {
        api.verify_credential(caller, &request, Utc::now())
    })
    .await
}
