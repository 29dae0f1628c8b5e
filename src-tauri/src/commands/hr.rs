//! Commands for the HR connection (administrators; the API checks), the
//! first sign-in with an activation code (anyone), and the background
//! worker that delivers status to HR while the app runs.

use super::{as_caller, blocking, AppState};
use chrono::Utc;
use mastery_api::{Api, ApiError, Caller, DeliveryOptions};
use mastery_types::{
    ActivateRequest, ActivationCode, ApplyRosterRequest, ConnectionTest, HrSettings,
    HrSettingsRequest, HrStatus, ImportSummary, Progress, ReconcileReport, RosterPreview,
    RosterUploadRequest, SavedFile, SessionInfo, SyncReport,
};
use std::sync::Arc;
use tauri::State;

#[tauri::command]
pub async fn hr_status(state: State<'_, AppState>) -> Result<HrStatus, ApiError> {
    as_caller(&state, |api, caller| api.hr_status(caller, Utc::now())).await
}

#[tauri::command]
pub async fn set_hr_settings(
    state: State<'_, AppState>,
    request: HrSettingsRequest,
) -> Result<HrSettings, ApiError> {
    as_caller(&state, move |api, caller| {
        api.set_hr_settings(caller, &request, Utc::now())
    })
    .await
}

/// The caller for async use cases (resolved on a blocking thread).
async fn caller(state: &AppState) -> Result<(Arc<Api>, Caller), ApiError> {
    let (api, token) = state.signed_in()?;
    let a = api.clone();
    let caller = blocking(move || a.caller(&token, Utc::now())).await?;
    Ok((api, caller))
}

#[tauri::command]
pub async fn test_hr_connection(state: State<'_, AppState>) -> Result<ConnectionTest, ApiError> {
    let (api, caller) = caller(&state).await?;
    api.test_hr_connection(&caller).await
}

#[tauri::command]
pub async fn preview_roster_upload(
    state: State<'_, AppState>,
    request: RosterUploadRequest,
) -> Result<RosterPreview, ApiError> {
    as_caller(&state, move |api, caller| {
        api.preview_roster_upload(caller, &request.csv_base64, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn preview_roster_scim(state: State<'_, AppState>) -> Result<RosterPreview, ApiError> {
    let (api, caller) = caller(&state).await?;
    let progress = state.progress_handle();
    let result = api
        .preview_roster_scim(&caller, &|done, total| {
            super::store_progress(&progress, stage("reading", done, total));
        })
        .await;
    state.set_progress(stage("idle", 0, 0));
    result
}

#[tauri::command]
pub async fn apply_roster(
    state: State<'_, AppState>,
    request: ApplyRosterRequest,
) -> Result<ImportSummary, ApiError> {
    as_caller(&state, move |api, caller| {
        api.apply_roster(caller, &request.digest, Utc::now())
    })
    .await
}

/// "Send now" / "Retry": parked messages back in line, then one round.
#[tauri::command]
pub async fn sync_hr_now(state: State<'_, AppState>) -> Result<SyncReport, ApiError> {
    let (api, caller) = caller(&state).await?;
    let a = api.clone();
    let c = caller.clone();
    blocking(move || a.retry_hr_deliveries(&c, Utc::now())).await?;
    let progress = state.progress_handle();
    let result = api
        .sync_hr(
            &caller,
            DeliveryOptions::default(),
            &Utc::now,
            &|done, total| {
                super::store_progress(&progress, stage("sending", done, total));
            },
        )
        .await;
    state.set_progress(stage("idle", 0, 0));
    result
}

#[tauri::command]
pub async fn hr_progress(state: State<'_, AppState>) -> Result<Progress, ApiError> {
    Ok(state.progress())
}

#[tauri::command]
pub async fn reconcile_hr(state: State<'_, AppState>) -> Result<ReconcileReport, ApiError> {
    let (api, caller) = caller(&state).await?;
    let progress = state.progress_handle();
    let result = api
        .reconcile_hr(&caller, Utc::now(), &|done, total| {
            super::store_progress(&progress, stage("reading", done, total));
        })
        .await;
    state.set_progress(stage("idle", 0, 0));
    result
}

/// Reconciles, then queues Mastery's status for everyone HR differs on.
#[tauri::command]
pub async fn realign_hr(state: State<'_, AppState>) -> Result<u32, ApiError> {
    let (api, caller) = caller(&state).await?;
    let report = api.reconcile_hr(&caller, Utc::now(), &|_, _| {}).await?;
    blocking(move || api.realign_hr(&caller, &report, Utc::now())).await
}

#[tauri::command]
pub async fn new_activation_codes(
    state: State<'_, AppState>,
) -> Result<Vec<ActivationCode>, ApiError> {
    as_caller(&state, |api, caller| {
        api.new_activation_codes(caller, Utc::now())
    })
    .await
}

/// Everyone's certification status as CSV, saved to Downloads.
#[tauri::command]
pub async fn export_hr_status(state: State<'_, AppState>) -> Result<SavedFile, ApiError> {
    let csv = as_caller(&state, |api, caller| api.hr_status_csv(caller, Utc::now())).await?;
    let name = format!("certification-status-{}.csv", Utc::now().format("%Y-%m-%d"));
    super::save_download(name, csv.into_bytes()).await
}

/// Codes shown once, also saved as CSV for printing or mail merge.
#[tauri::command]
pub async fn export_activation_codes(
    state: State<'_, AppState>,
    codes: Vec<ActivationCode>,
) -> Result<SavedFile, ApiError> {
    // Only an administrator has codes to save; checked like the rest.
    as_caller(&state, |api, caller| api.hr_settings(caller).map(drop)).await?;
    let mut csv = String::from("\u{feff}employee_number,name,office,code,expires\r\n");
    for c in &codes {
        let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        csv.push_str(&format!(
            "{},{},{},{},{}\r\n",
            q(&c.employee_number),
            q(&c.name),
            q(c.office.as_deref().unwrap_or("")),
            q(&c.code),
            c.expires_at.format("%Y-%m-%d")
        ));
    }
    let name = format!("activation-codes-{}.csv", Utc::now().format("%Y-%m-%d"));
    super::save_download(name, csv.into_bytes()).await
}

/// A new person's first sign-in with their employee number and code.
#[tauri::command]
pub async fn activate_account(
    state: State<'_, AppState>,
    request: ActivateRequest,
) -> Result<SessionInfo, ApiError> {
    let api = state.api()?;
    let (token, info) = blocking(move || api.activate_account(&request, Utc::now())).await?;
    super::session::end_replaced(&state, token).await;
    Ok(info)
}

fn stage(name: &str, done: u64, total: u64) -> Progress {
    Progress {
        done: u32::try_from(done).unwrap_or(u32::MAX),
        total: u32::try_from(total).unwrap_or(u32::MAX),
        stage: name.into(),
    }
}

/// Delivers status to HR while the app runs: at start (what a crash or
/// quitting left waiting), then every minute, a round when the schedule
/// says so. Errors are logged, never shown: the HR screen shows the state.
pub fn spawn_worker(api: Arc<Api>) {
    tauri::async_runtime::spawn(async move {
        let mut last_round: Option<chrono::DateTime<Utc>> = None;
        loop {
            let settings = {
                let a = api.clone();
                blocking(move || a.hr_settings(&Caller::LocalOperator)).await
            };
            if let Ok(s) = settings {
                let due = s.mode == mastery_types::HrMode::Scim
                    && s.interval_minutes > 0
                    && last_round.is_none_or(|t| {
                        Utc::now() - t >= chrono::Duration::minutes(i64::from(s.interval_minutes))
                    });
                if due {
                    last_round = Some(Utc::now());
                    match api
                        .sync_hr(
                            &Caller::LocalOperator,
                            DeliveryOptions::default(),
                            &Utc::now,
                            &|_, _| {},
                        )
                        .await
                    {
                        Ok(r) if r.attempted > 0 || r.queued > 0 => eprintln!(
                            "mastery: HR sync: {} queued, {} delivered, {} failed",
                            r.queued, r.delivered, r.failed
                        ),
                        Ok(_) => {}
                        Err(e) => eprintln!("mastery: HR sync: {}", e.message),
                    }
                }
            }
            tokio::time::sleep(std::time::Duration::from_secs(60)).await;
        }
    });
}
