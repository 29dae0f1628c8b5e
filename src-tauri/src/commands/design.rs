//! Commands of the course designer's screens. Export writes the archive
//! into the user's Downloads folder (or `MASTERY_EXPORT_DIR`); import takes
//! the archive's bytes from the window and reports progress, which the
//! window polls with `pack_progress`.

use super::{as_caller, blocking, AppState};
use chrono::Utc;
use mastery_api::{ApiError, ErrorCode};
use mastery_types::{
    DesignerHome, DiffEntry, DiffRequest, DraftFile, DraftFileRequest, DraftTree, EditCheck,
    EditRequest, ExportDone, ExportRequest, ImportDone, ImportRequest, Progress, PublishRequest,
    VersionInfo,
};
use tauri::State;

#[tauri::command]
pub async fn designer_home(state: State<'_, AppState>) -> Result<DesignerHome, ApiError> {
    as_caller(&state, |api, caller| api.designer_home(caller)).await
}

#[tauri::command]
pub async fn draft_tree(
    state: State<'_, AppState>,
    pack_id: String,
) -> Result<DraftTree, ApiError> {
    as_caller(&state, move |api, caller| {
        api.draft_tree(caller, &pack_id, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn draft_file(
    state: State<'_, AppState>,
    request: DraftFileRequest,
) -> Result<DraftFile, ApiError> {
    as_caller(&state, move |api, caller| {
        api.draft_file(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn check_edit(
    state: State<'_, AppState>,
    request: EditRequest,
) -> Result<EditCheck, ApiError> {
    as_caller(&state, move |api, caller| {
        api.check_edit(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn save_edit(
    state: State<'_, AppState>,
    request: EditRequest,
) -> Result<EditCheck, ApiError> {
    as_caller(&state, move |api, caller| {
        api.save_edit(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn discard_draft(state: State<'_, AppState>, pack_id: String) -> Result<(), ApiError> {
    as_caller(&state, move |api, caller| {
        api.discard_draft(caller, &pack_id)
    })
    .await
}

#[tauri::command]
pub async fn publish_pack(
    state: State<'_, AppState>,
    request: PublishRequest,
) -> Result<VersionInfo, ApiError> {
    as_caller(&state, move |api, caller| {
        api.publish(caller, &request, Utc::now())
    })
    .await
}

#[tauri::command]
pub async fn diff_versions(
    state: State<'_, AppState>,
    request: DiffRequest,
) -> Result<Vec<DiffEntry>, ApiError> {
    as_caller(&state, move |api, caller| {
        api.diff_versions(caller, &request)
    })
    .await
}

#[tauri::command]
pub async fn export_pack(
    state: State<'_, AppState>,
    request: ExportRequest,
) -> Result<ExportDone, ApiError> {
    let progress = state.progress_handle();
    let exported = as_caller(&state, move |api, caller| {
        api.may_design(caller)?;
        super::store_progress(
            &progress,
            Progress {
                done: 0,
                total: 1,
                stage: "writing".into(),
            },
        );
        api.export_pack(caller, &request)
    })
    .await;
    let (name, bytes, hash) = match exported {
        Ok(x) => x,
        Err(e) => {
            state.set_progress(Progress::default());
            return Err(e);
        }
    };
    let dir = super::download_dir()?;
    let written = blocking(move || {
        let path = super::free_path(&dir, &name);
        std::fs::write(&path, &bytes).map_err(|e| {
            ApiError::new(
                ErrorCode::Storage,
                format!("cannot write {}: {e}", path.display()),
            )
        })?;
        Ok(ExportDone {
            path: path.display().to_string(),
            bytes: bytes.len() as u64,
            content_hash: hash,
        })
    })
    .await;
    state.set_progress(Progress {
        done: 1,
        total: 1,
        stage: "idle".into(),
    });
    written
}

#[tauri::command]
pub async fn import_pack(
    state: State<'_, AppState>,
    request: ImportRequest,
) -> Result<ImportDone, ApiError> {
    let progress = state.progress_handle();
    let result = as_caller(&state, move |api, caller| {
        api.import_pack_upload(
            caller,
            &request.archive_base64,
            |done, total| {
                let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
                super::store_progress(
                    &progress,
                    Progress {
                        done: n(done),
                        total: n(total),
                        stage: "checking".into(),
                    },
                );
            },
            Utc::now(),
        )
    })
    .await;
    state.set_progress(Progress {
        done: 0,
        total: 0,
        stage: "idle".into(),
    });
    result
}

/// How far the running export or import has got.
#[tauri::command]
pub async fn pack_progress(state: State<'_, AppState>) -> Result<Progress, ApiError> {
    as_caller(&state, |api, caller| api.may_design(caller)).await?;
    Ok(state.progress())
}
