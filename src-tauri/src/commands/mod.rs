//! Tauri commands: each checks there is a session, hands the DTO to one
//! `mastery-api` function on a blocking thread, and returns its result. The
//! role checks are in the API, not here.

pub mod accounts;
pub mod assignments;
pub mod certification;
pub mod classes;
pub mod coaching;
pub mod design;
pub mod hr;
pub mod learning;
pub mod links;
pub mod session;
pub mod team;

use mastery_api::{Api, ApiError, Caller, ErrorCode, SessionToken};
use mastery_types::Progress;
use std::sync::{Arc, Mutex};

/// What the window's commands share: the API (or why it could not open) and
/// the current session's token, which never leaves the backend.
pub struct AppState {
    api: Result<Arc<Api>, ApiError>,
    session: Mutex<Option<SessionToken>>,
    /// Progress of the running pack import or export.
    progress: Arc<Mutex<Progress>>,
}

/// Records progress from a worker thread.
fn store_progress(handle: &Arc<Mutex<Progress>>, p: Progress) {
    *handle.lock().unwrap_or_else(|e| e.into_inner()) = p;
}

impl AppState {
    pub fn new(api: Result<Api, ApiError>) -> AppState {
        AppState {
            api: api.map(Arc::new),
            session: Mutex::new(None),
            progress: Arc::new(Mutex::new(Progress::default())),
        }
    }

    fn progress(&self) -> Progress {
        self.progress
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn progress_handle(&self) -> Arc<Mutex<Progress>> {
        self.progress.clone()
    }

    fn set_progress(&self, p: Progress) {
        store_progress(&self.progress, p);
    }

    pub(crate) fn api(&self) -> Result<Arc<Api>, ApiError> {
        self.api.clone()
    }

    fn token(&self) -> Option<SessionToken> {
        self.session
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Holds a new session token and returns the one it replaces, which
    /// the caller must end.
    fn replace_token(&self, token: Option<SessionToken>) -> Option<SessionToken> {
        std::mem::replace(
            &mut *self.session.lock().unwrap_or_else(|e| e.into_inner()),
            token,
        )
    }

    /// The API and the session token, or `not_signed_in`.
    fn signed_in(&self) -> Result<(Arc<Api>, SessionToken), ApiError> {
        let api = self.api()?;
        let token = self
            .token()
            .ok_or_else(|| ApiError::new(ErrorCode::NotSignedIn, "sign in first"))?;
        Ok((api, token))
    }
}

/// Where files for the user go: `MASTERY_EXPORT_DIR`, else Downloads.
fn download_dir() -> Result<std::path::PathBuf, ApiError> {
    std::env::var_os("MASTERY_EXPORT_DIR")
        .map(std::path::PathBuf::from)
        .or_else(dirs::download_dir)
        .or_else(dirs::home_dir)
        .ok_or_else(|| ApiError::new(ErrorCode::Storage, "no Downloads folder to save into"))
}

/// `name` in `dir`, or `name (2)`, `name (3)`… if it is taken.
fn free_path(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    (1..1000)
        .map(|n| {
            if n == 1 {
                dir.join(name)
            } else {
                dir.join(format!("{stem} ({n}).{ext}"))
            }
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join(name))
}

/// Writes a file for the user into the download folder.
async fn save_download(name: String, bytes: Vec<u8>) -> Result<mastery_types::SavedFile, ApiError> {
    let dir = download_dir()?;
    blocking(move || {
        let path = free_path(&dir, &name);
        std::fs::write(&path, &bytes).map_err(|e| {
            ApiError::new(
                ErrorCode::Storage,
                format!("cannot write {}: {e}", path.display()),
            )
        })?;
        Ok(mastery_types::SavedFile {
            path: path.display().to_string(),
            bytes: bytes.len() as u64,
        })
    })
    .await
}

/// Runs blocking API work off the window's thread.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(|e| ApiError::new(ErrorCode::Storage, format!("background work failed: {e}")))?
}

/// Resolves the session to a caller, then runs one use case.
async fn as_caller<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(&Api, &Caller) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let (api, token) = state.signed_in()?;
    blocking(move || {
        let caller = api.caller(&token, chrono::Utc::now())?;
        f(&api, &caller)
    })
    .await
}
