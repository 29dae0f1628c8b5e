//! Store tests through the public API: opening, migrations, file checks,
//! append-only facts and immutable pack versions.

use chrono::{TimeZone, Utc};
use mastery_store::{completions, packs, people, settings, Store, StoreError, LATEST_SCHEMA};
use mastery_types::{CourseId, EmployeeNumber, PersonId};
use uuid::Uuid;

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 29, 10, 0, 0)
        .single()
        .expect("valid")
}

fn person(n: &str) -> people::Person {
    people::Person {
        id: PersonId(Uuid::now_v7()),
        employee_number: EmployeeNumber(n.into()),
        display_name: format!("Person {n}"),
        org_unit_id: None,
        manager_id: None,
        home_track: None,
        language: "en".into(),
    }
}

#[test]
fn a_new_database_is_migrated_with_wal_and_foreign_keys() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("sub/folder/m.sqlite3");
    let store = Store::open(&path).expect("opens");
    assert_eq!(store.schema_version().expect("version"), LATEST_SCHEMA);
    let (mode, fk): (String, i64) = store
        .read(|c| {
            Ok((
                c.query_row("PRAGMA journal_mode", [], |r| r.get(0))?,
                c.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?,
            ))
        })
        .expect("pragmas");
    assert_eq!(mode, "wal");
    assert_eq!(fk, 1);
    // Foreign keys are enforced: a person in an unknown office is refused.
    let mut p = person("1");
    p.org_unit_id = Some("nowhere".into());
    assert!(store
        .write(|tx| people::insert_person(tx, &p, now()))
        .is_err());
}

#[test]
fn an_existing_database_keeps_its_data_when_reopened() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("m.sqlite3");
    let p = person("42");
    {
        let store = Store::open(&path).expect("opens");
        store
            .write(|tx| {
                people::insert_person(tx, &p, now())?;
                settings::set(tx, settings::ORGANIZATION_NAME, "Agency")
            })
            .expect("saved");
    }
    let store = Store::open(&path).expect("reopens");
    assert_eq!(store.schema_version().expect("version"), LATEST_SCHEMA);
    let again = store.read(|c| people::person(c, p.id)).expect("read");
    assert_eq!(again, Some(p));
    assert_eq!(
        store
            .read(|c| settings::get(c, settings::ORGANIZATION_NAME))
            .expect("read")
            .as_deref(),
        Some("Agency")
    );
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("notes.sqlite3");
    let content = b"Meeting notes: bring the coaching logs on Tuesday.\n".repeat(200);
    std::fs::write(&path, &content).expect("write");
    match Store::open(&path) {
        Err(StoreError::NotADatabase { path: p }) => assert!(p.ends_with("notes.sqlite3")),
        other => panic!("expected NotADatabase, got {:?}", other.err()),
    }
    assert_eq!(std::fs::read(&path).expect("read"), content);
}

#[test]
fn a_database_from_a_newer_schema_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("m.sqlite3");
    let p = person("7");
    {
        let store = Store::open(&path).expect("opens");
        store
            .write(|tx| people::insert_person(tx, &p, now()))
            .expect("saved");
        store
            .read(|c| Ok(c.pragma_update(None, "user_version", LATEST_SCHEMA + 5)?))
            .expect("bump version");
    }
    match Store::open(&path) {
        Err(StoreError::SchemaTooNew { found, supported }) => {
            assert_eq!((found, supported), (LATEST_SCHEMA + 5, LATEST_SCHEMA))
        }
        other => panic!("expected SchemaTooNew, got {:?}", other.err()),
    }
    // The data is still there for the newer Mastery.
    let conn = rusqlite::Connection::open(&path).expect("raw open");
    let n: i64 = conn
        .query_row("SELECT COUNT(*) FROM persons", [], |r| r.get(0))
        .expect("count");
    assert_eq!(n, 1);
}

#[test]
fn facts_are_append_only() {
    let store = Store::open_in_memory().expect("opens");
    let pack = mastery_packs::shipped().expect("pack");
    let p = person("9");
    let course = CourseId::from("clients-l1");
    store
        .write(|tx| {
            packs::store_version(tx, &pack, &Default::default(), None, now())?;
            people::insert_person(tx, &p, now())?;
            completions::insert(
                tx,
                &completions::CompletionFact {
                    id: Uuid::now_v7(),
                    person: p.id,
                    course: &course,
                    pack_id: &pack.id,
                    pack_version: &pack.version,
                    source: "test",
                    recorded_by: None,
                    recorded_at: now(),
                },
            )
        })
        .expect("saved");
    let update =
        store.write(|tx| Ok(tx.execute("UPDATE course_completions SET course_id = 'x'", [])?));
    assert!(update.is_err(), "update must be refused");
    let delete = store.write(|tx| Ok(tx.execute("DELETE FROM course_completions", [])?));
    assert!(delete.is_err(), "delete must be refused");
    let done = store
        .read(|c| completions::completed_courses(c, p.id, &pack.id))
        .expect("read");
    assert_eq!(done.into_keys().collect::<Vec<_>>(), vec![course]);
}

#[test]
fn a_stored_pack_version_never_changes() {
    let store = Store::open_in_memory().expect("opens");
    let pack = mastery_packs::shipped().expect("pack");
    assert!(store
        .write(|tx| packs::store_version(tx, &pack, &Default::default(), None, now()))
        .expect("first"));
    assert!(!store
        .write(|tx| packs::store_version(tx, &pack, &Default::default(), None, now()))
        .expect("same again"));
    let mut changed = pack.clone();
    changed.content_hash = "0".repeat(64);
    match store.write(|tx| packs::store_version(tx, &changed, &Default::default(), None, now())) {
        Err(StoreError::Conflict(m)) => assert!(m.contains("new version"), "{m}"),
        other => panic!("expected Conflict, got {other:?}"),
    }
    let latest = store
        .read(|c| packs::latest_published(c, &pack.id))
        .expect("read");
    assert_eq!(latest, Some(pack));
}

#[test]
fn a_failed_write_saves_nothing() {
    let store = Store::open_in_memory().expect("opens");
    let a = person("1");
    let dup = person("1");
    let result = store.write(|tx| {
        people::insert_person(tx, &person("2"), now())?;
        people::insert_person(tx, &a, now())?;
        people::insert_person(tx, &dup, now())
    });
    assert!(matches!(result, Err(StoreError::Problem(_))));
    let n: i64 = store
        .read(|c| Ok(c.query_row("SELECT COUNT(*) FROM persons", [], |r| r.get(0))?))
        .expect("count");
    assert_eq!(n, 0);
}
