//! The use cases of Mastery, independent of how they are called.
//!
//! [`Api`] is the one entry point: the desktop shell (`src-tauri`) and the
//! command line (`crates/cli`) are thin callers of it. Every function that
//! acts for somebody takes a [`Caller`] and checks its role here, before
//! touching the store; the UI only hides what a role cannot use. Every
//! function that needs the time takes `now` as an argument. Errors are
//! [`ApiError`]s: a stable code plus an English message.
//!
//! ```
//! use mastery_api::Api;
//! let api = Api::open_in_memory().expect("opens");
//! assert!(api.setup_status().expect("status").needs_first_admin);
//! ```

mod accounts;
mod assignments;
mod audit;
mod auth;
mod caller;
mod catalogue;
mod certificates;
mod certification;
mod classes;
mod coaching;
mod dashboard;
mod demo;
mod designer;
mod errors;
mod export;
mod hr;
mod integrity;
mod learning;
mod observations;
mod password;
mod scope;
mod team;

pub use caller::Caller;
pub use catalogue::PackLoad;
pub use certification::VALIDITY_SETTING;
pub use demo::{DemoSummary, DEMO_PASSWORD};
pub use designer::{DRAFT, MAX_UPLOAD_MB};
pub use hr::{DeliveryOptions, CODE_DAYS};
pub use mastery_types::{ApiError, ErrorCode};

use mastery_packs::Pack;
use mastery_store::Store;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The application identifier: the folder name under the user's data dir.
pub const APP_ID: &str = "ca.mastery.desktop";
/// The pack that holds the certification program itself.
pub const PROGRAM_PACK_ID: &str = "service-excellence";

pub type Result<T, E = ApiError> = std::result::Result<T, E>;

/// Where the database lives unless told otherwise:
/// `$XDG_DATA_HOME/ca.mastery.desktop/mastery.sqlite3` on Linux.
pub fn default_db_path() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join(APP_ID).join("mastery.sqlite3"))
}

/// The use cases, over one open store.
pub struct Api {
    store: Store,
    /// Parsed pack versions. A stored version never changes (the store
    /// refuses updates), so a parsed one can be kept for the life of the
    /// process; this saves parsing ≈1 MB of JSON on every call.
    packs: std::sync::Mutex<std::collections::HashMap<(String, String), Arc<Pack>>>,
    /// How far the audit chain is verified (see `integrity.rs`).
    chain: std::sync::Mutex<integrity::ChainCursor>,
    /// The roster last previewed, until it is applied.
    roster: std::sync::Mutex<hr::PendingRoster>,
}

impl Api {
    /// Opens (creating and migrating if needed) the database at `path`.
    pub fn open(path: &Path) -> Result<Api> {
        password::warm_up();
        Ok(Api {
            store: Store::open(path)?,
            packs: Default::default(),
            chain: Default::default(),
            roster: Default::default(),
        })
    }

    pub fn open_in_memory() -> Result<Api> {
        password::warm_up();
        Ok(Api {
            store: Store::open_in_memory()?,
            packs: Default::default(),
            chain: Default::default(),
            roster: Default::default(),
        })
    }

    /// One stored version of a pack, parsed once per process: a version's
    /// content hash names its content, so databases holding the same
    /// version share one parse (tests and benchmarks open many).
    pub(crate) fn pack_at(&self, pack_id: &str, version: &str) -> Result<Option<Arc<Pack>>> {
        static BY_HASH: std::sync::OnceLock<
            std::sync::Mutex<std::collections::HashMap<String, Arc<Pack>>>,
        > = std::sync::OnceLock::new();
        let key = (pack_id.to_owned(), version.to_owned());
        if let Some(p) = self.packs.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return Ok(Some(p));
        }
        let Some(hash) = self
            .store
            .read(|c| mastery_store::packs::content_hash(c, pack_id, version))?
        else {
            return Ok(None);
        };
        let shared = BY_HASH.get_or_init(Default::default);
        let known = shared.lock().ok().and_then(|m| m.get(&hash).cloned());
        let pack = match known {
            Some(p) => p,
            None => {
                let Some(pack) = self
                    .store
                    .read(|c| mastery_store::packs::version(c, pack_id, version))?
                else {
                    return Ok(None);
                };
                let pack = Arc::new(pack);
                if let Ok(mut m) = shared.lock() {
                    m.insert(hash, pack.clone());
                }
                pack
            }
        };
        if let Ok(mut m) = self.packs.lock() {
            m.insert(key, pack.clone());
        }
        Ok(Some(pack))
    }

    /// The highest published version of a pack, if any.
    pub(crate) fn latest_published(&self, pack_id: &str) -> Result<Option<Arc<Pack>>> {
        match self
            .store
            .read(|c| mastery_store::packs::latest_published_version(c, pack_id))?
        {
            Some(v) => self.pack_at(pack_id, &v),
            None => Ok(None),
        }
    }

    /// The underlying store, for tests and the CLI's `status`.
    pub fn store(&self) -> &Store {
        &self.store
    }
}

pub use auth::SessionToken;
