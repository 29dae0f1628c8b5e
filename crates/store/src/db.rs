//! Opening the database: file checks, pragmas, migrations.

use crate::{Result, StoreError};
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use rusqlite_migration::{Migrations, M};
use std::io::Read;
use std::path::Path;
use std::sync::Mutex;

const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_foundation.sql"),
    include_str!("../migrations/0002_designer.sql"),
    include_str!("../migrations/0003_learning.sql"),
    include_str!("../migrations/0004_coaching.sql"),
    include_str!("../migrations/0005_assignments.sql"),
    include_str!("../migrations/0006_course_assignments.sql"),
    include_str!("../migrations/0007_observations.sql"),
    include_str!("../migrations/0008_teams.sql"),
    include_str!("../migrations/0009_lesson_positions.sql"),
    include_str!("../migrations/0010_certification.sql"),
    include_str!("../migrations/0011_org_keys.sql"),
];

/// The schema version this build writes (SQLite `user_version`).
pub const LATEST_SCHEMA: i64 = MIGRATIONS.len() as i64;

/// One connection behind a mutex: a desktop app has one writer, and the
/// lock is only ever held by blocking code, never across an `.await`.
pub struct Store {
    conn: Mutex<Connection>,
}

impl Store {
    /// Opens (creating if absent) and migrates the database at `path`.
    pub fn open(path: &Path) -> Result<Store> {
        check_header(path)?;
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::Open {
                path: parent.display().to_string(),
                source,
            })?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        Store::setup(conn, path)
    }

    /// A private in-memory database, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?, Path::new(":memory:"))
    }

    fn setup(mut conn: Connection, path: &Path) -> Result<Store> {
        let not_db = |e: rusqlite::Error| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotADatabase {
                path: path.display().to_string(),
            },
            _ => StoreError::Sqlite(e),
        };
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(not_db)?;
        let found: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(not_db)?;
        if found > LATEST_SCHEMA {
            return Err(StoreError::SchemaTooNew {
                found,
                supported: LATEST_SCHEMA,
            });
        }
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(not_db)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Room for every query a derivation repeats per person and course.
        conn.set_prepared_statement_cache_capacity(64);
        let migrations = Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect());
        migrations.to_latest(&mut conn)?;
        Ok(Store {
            conn: Mutex::new(conn),
        })
    }

    /// Runs read-only work.
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        // A panic while holding the lock leaves no open transaction behind
        // (rusqlite rolls back on drop), so a poisoned lock is safe to reuse.
        let conn = self.conn.lock().unwrap_or_else(|e| e.into_inner());
        f(&conn)
    }

    /// Runs work in one transaction: all of it is saved, or none.
    pub fn write<T>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut conn = self.conn.lock().unwrap_or_else(|e| e.into_inner());
        // IMMEDIATE: take the write lock up front, so a read-then-write
        // transaction waits (busy timeout) instead of failing on upgrade
        // when the CLI writes the same file.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        self.read(|c| Ok(c.query_row("PRAGMA user_version", [], |r| r.get(0))?))
    }
}

/// Refuses a non-empty file that does not start with the SQLite header,
/// before SQLite gets a chance to touch it.
fn check_header(path: &Path) -> Result<()> {
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(StoreError::Open {
                path: path.display().to_string(),
                source,
            })
        }
    };
    let mut header = Vec::with_capacity(16);
    file.by_ref()
        .take(16)
        .read_to_end(&mut header)
        .map_err(|source| StoreError::Open {
            path: path.display().to_string(),
            source,
        })?;
    if header.is_empty() || header == b"SQLite format 3\0" {
        Ok(())
    } else {
        Err(StoreError::NotADatabase {
            path: path.display().to_string(),
        })
    }
}
