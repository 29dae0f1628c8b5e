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
    include_str!("../migrations/0012_scope.sql"),
    include_str!("../migrations/0013_fact_indexes.sql"),
    include_str!("../migrations/0014_hr.sql"),
    include_str!("../migrations/0015_classes.sql"),
    include_str!("../migrations/0016_item_analysis.sql"),
];

/// Schema 12 adopts, once, the role grants and certification decisions
/// written before it without an audit row (see its SQL).
const ADOPTION_MIGRATION: usize = 12;

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
        create_private(path)?;
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
        let migrations = Migrations::new(
            MIGRATIONS
                .iter()
                .enumerate()
                .map(|(i, sql)| {
                    if i + 1 == ADOPTION_MIGRATION {
                        M::up_with_hook(sql, |tx: &Transaction<'_>| {
                            adopt_unaudited(tx)
                                .map_err(|e| rusqlite_migration::HookError::Hook(e.to_string()))
                        })
                    } else {
                        M::up(sql)
                    }
                })
                .collect(),
        );
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

/// Creates a new database file (and its folder) readable by its owner only:
/// it holds personal information and coaching notes. SQLite gives the WAL
/// and shared-memory files the database file's permissions. An existing
/// file that others may read is tightened the same way.
fn create_private(path: &Path) -> Result<()> {
    let open_err = |source| StoreError::Open {
        path: path.display().to_string(),
        source,
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
        {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let meta = std::fs::metadata(path).map_err(open_err)?;
                if meta.is_file() && meta.permissions().mode() & 0o077 != 0 {
                    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
                        .map_err(open_err)?;
                }
            }
            Err(e) => return Err(open_err(e)),
        }
    }
    #[cfg(not(unix))]
    {
        let _ = open_err;
    }
    Ok(())
}

/// Appends to the audit chain, once, the role grants and certification
/// decisions that predate schema 12 and have no audit row (the demo
/// organization's, seeded as data): from schema 12 on, only what the chain
/// records counts. Each adopted row keeps the act's own time.
fn adopt_unaudited(tx: &Transaction<'_>) -> Result<()> {
    use chrono::{DateTime, Utc};
    let new_id = |at: DateTime<Utc>| {
        let secs = u64::try_from(at.timestamp()).unwrap_or(0);
        uuid::Uuid::new_v7(uuid::Timestamp::from_unix(
            uuid::NoContext,
            secs,
            at.timestamp_subsec_nanos(),
        ))
        .to_string()
    };
    let grants: Vec<(String, String, DateTime<Utc>)> = tx
        .prepare(
            "SELECT g.person_id, group_concat(g.role, ','), MAX(g.granted_at) FROM role_grants g
             WHERE NOT EXISTS (SELECT 1 FROM audit_log a
                               WHERE a.action IN ('roles.granted', 'roles.adopted')
                                 AND json_extract(a.details_json, '$.person') = g.person_id)
             GROUP BY g.person_id ORDER BY MAX(g.granted_at), g.person_id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (person, roles, at) in grants {
        let mut roles: Vec<&str> = roles.split(',').collect();
        roles.sort_unstable();
        crate::audit::append(
            tx,
            &crate::audit::Entry {
                id: &new_id(at),
                at,
                actor: None,
                action: "roles.adopted",
                subject: &person,
                details_json: &serde_json::json!({
                    "person": person, "roles": roles,
                    "reason": "granted before schema 12 without an audit row",
                })
                .to_string(),
            },
        )?;
    }
    let decisions: Vec<(String, String, DateTime<Utc>)> = tx
        .prepare(
            "SELECT d.request_id, d.decision, d.decided_at FROM certification_decisions d
             WHERE NOT EXISTS (SELECT 1 FROM audit_log a
                               WHERE a.action IN ('certification.approved', 'certification.returned', 'certification.adopted')
                                 AND json_extract(a.details_json, '$.request') = d.request_id)
             ORDER BY d.decided_at, d.request_id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (request, decision, at) in decisions {
        crate::audit::append(
            tx,
            &crate::audit::Entry {
                id: &new_id(at),
                at,
                actor: None,
                action: "certification.adopted",
                subject: &request,
                details_json: &serde_json::json!({
                    "request": request, "decision": decision,
                    "reason": "decided before schema 12 without an audit row",
                })
                .to_string(),
            },
        )?;
    }
    Ok(())
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
