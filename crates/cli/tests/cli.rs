//! The `mastery` binary end to end: init, demo, user add/list, pack lint,
//! and its errors and exit codes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn mastery(db: &std::path::Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mastery"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("MASTERY_DB")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("mastery starts");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("write stdin");
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().expect("mastery ends")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn init_demo_and_accounts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("m.sqlite3");

    let o = mastery(&db, &["init"], None);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("loaded the program pack, version 1.0.0"),
        "{}",
        text(&o)
    );

    let o = mastery(&db, &["status"], None);
    assert!(
        text(&o).contains("needs first administrator: true"),
        "{}",
        text(&o)
    );

    let o = mastery(&db, &["demo"], None);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("15 accounts"), "{}", text(&o));

    let o = mastery(&db, &["demo"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("already has accounts"), "{}", text(&o));

    let add = [
        "user",
        "add",
        "--employee-number",
        "300001",
        "--username",
        "Nadia",
        "--name",
        "Nadia Haddad",
        "--role",
        "learner",
        "--role",
        "coach",
        "--track",
        "communities",
    ];
    let o = mastery(&db, &add, Some("a long passphrase\n"));
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("added Nadia Haddad (nadia) as learner,coach"),
        "{}",
        text(&o)
    );

    // The same employee number again: refused, named, nothing added.
    let o = mastery(&db, &add, Some("a long passphrase\n"));
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("300001"), "{}", text(&o));

    let o = mastery(&db, &["user", "list"], None);
    let listing = text(&o);
    assert_eq!(listing.lines().count(), 16, "{listing}");
    assert!(
        listing.contains("300001\tnadia\tNadia Haddad\tlearner,coach"),
        "{listing}"
    );
}

#[test]
fn usage_and_input_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("m.sqlite3");
    let o = mastery(
        &db,
        &[
            "user",
            "add",
            "--employee-number",
            "1",
            "--username",
            "x",
            "--name",
            "X",
            "--role",
            "boss",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2), "bad usage exits 2");
    assert!(text(&o).contains("unknown role \"boss\""), "{}", text(&o));

    let o = mastery(
        &db,
        &[
            "user",
            "add",
            "--employee-number",
            "1",
            "--username",
            "xavier",
            "--name",
            "X",
            "--role",
            "learner",
        ],
        Some("short\n"),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("at least 10 characters"), "{}", text(&o));

    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "not a database").expect("write");
    let o = mastery(&notes, &["init"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o).contains("is not a Mastery database"),
        "{}",
        text(&o)
    );
    assert_eq!(
        std::fs::read_to_string(&notes).expect("read"),
        "not a database"
    );
}

#[test]
fn pack_lint_reports_the_shipped_pack_clean() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pack =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../courses/service-excellence");
    let o = mastery(
        &dir.path().join("unused.sqlite3"),
        &["pack", "lint", pack.to_str().expect("utf8")],
        None,
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("0 error(s), 0 warning(s)"),
        "{}",
        text(&o)
    );

    let broken = dir.path().join("broken");
    std::fs::create_dir_all(broken.join("courses")).expect("mkdir");
    std::fs::write(broken.join("pack.toml"), "id = \"x\"\nversion = \"one\"\n").expect("write");
    let o = mastery(
        &dir.path().join("unused.sqlite3"),
        &["pack", "lint", broken.to_str().expect("utf8")],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("pack.toml"), "{}", text(&o));
}

#[test]
fn pack_export_import_and_diff() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("unused.sqlite3");
    let shipped = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../courses/service-excellence"
    );
    let archive = dir.path().join("se.mpack");
    let a = archive.to_str().expect("utf-8");
    let out = mastery(&db, &["pack", "export", shipped, a], None);
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("pack service-excellence 1.0.0"),
        "{}",
        text(&out)
    );
    // Exporting over an existing file is refused.
    let again = mastery(&db, &["pack", "export", shipped, a], None);
    assert_eq!(again.status.code(), Some(1), "{}", text(&again));

    let unpacked = dir.path().join("unpacked");
    let u = unpacked.to_str().expect("utf-8");
    let out = mastery(&db, &["pack", "import", a, u], None);
    assert!(out.status.success(), "{}", text(&out));
    let out = mastery(&db, &["pack", "diff", shipped, u], None);
    assert!(text(&out).contains(": 0 difference(s)"), "{}", text(&out));

    // Edit one lesson in the unpacked copy: the diff names it.
    let lesson = unpacked.join("lessons/clients-l1/01-first-contact.en.md");
    let mut body = std::fs::read_to_string(&lesson).expect("lesson");
    body.push_str("\nA new closing line.\n");
    std::fs::write(&lesson, body).expect("write");
    let out = mastery(&db, &["pack", "diff", a, u], None);
    assert!(
        text(&out).contains("~ lesson clients-l1/01-first-contact"),
        "{}",
        text(&out)
    );
    assert!(text(&out).contains(": 1 difference(s)"), "{}", text(&out));

    // A damaged archive is refused and no folder appears.
    let mut bytes = std::fs::read(&archive).expect("archive");
    let mid = bytes.len() / 3;
    bytes[mid] ^= 0x20;
    let bad = dir.path().join("bad.mpack");
    std::fs::write(&bad, bytes).expect("write");
    let target = dir.path().join("never");
    let out = mastery(
        &db,
        &[
            "pack",
            "import",
            bad.to_str().expect("utf-8"),
            target.to_str().expect("utf-8"),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("bad.mpack:"), "{}", text(&out));
    assert!(!target.exists());
    let leftovers = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".mastery-import-")
        })
        .count();
    assert_eq!(leftovers, 0);
}

#[test]
fn audit_verify_reports_an_intact_chain_and_names_a_tampered_row() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("m.sqlite3");
    let o = mastery(&dir.path().join("none.sqlite3"), &["audit", "verify"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("there is no database"), "{}", text(&o));
    assert!(!dir.path().join("none.sqlite3").exists(), "nothing created");

    assert!(mastery(&db, &["init"], None).status.success());
    for (n, user) in [("300001", "nadia"), ("300002", "omar")] {
        let add = [
            "user",
            "add",
            "--employee-number",
            n,
            "--username",
            user,
            "--name",
            user,
            "--role",
            "administrator",
        ];
        let o = mastery(&db, &add, Some("a long passphrase\n"));
        assert!(o.status.success(), "{}", text(&o));
    }
    let o = mastery(&db, &["certification", "validity", "200"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("must be 1 to 120"), "{}", text(&o));
    let o = mastery(&db, &["certification", "validity", "24"], None);
    assert!(o.status.success(), "{}", text(&o));
    let o = mastery(&db, &["audit", "verify"], None);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("audit chain intact, 4 row(s)"),
        "{}",
        text(&o)
    );

    // Someone with the file grants themself more in the first row.
    let c = rusqlite::Connection::open(&db).expect("open");
    c.execute_batch(
        "DROP TRIGGER audit_log_append_only_update;
         UPDATE audit_log SET details_json = replace(details_json, 'administrator', 'manager') WHERE seq = 2;",
    )
    .expect("tamper");
    drop(c);
    let o = mastery(&db, &["audit", "verify"], None);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("broken at row 2"), "{}", text(&o));
    assert!(text(&o).contains("altered"), "{}", text(&o));
}

#[test]
fn hr_import_previews_applies_and_codes_come_out_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("m.sqlite3");
    let roster = dir.path().join("roster.csv");
    std::fs::write(
        &roster,
        "matricule;nom;bureau;fuseau_horaire;gestionnaire\n\
         R1;Rosalie Côté;Harbourfront;America/Halifax;\n\
         R2;Sam Okoye;Harbourfront;;R1\n\
         R2;Sam Again;Harbourfront;;R1\n",
    )
    .expect("roster");
    let path = roster.to_str().expect("utf-8 path");
    let o = mastery(&db, &["hr", "import-csv", path], None);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("2 to add"), "{}", text(&o));
    assert!(
        text(&o).contains("refused line 4 (R2): employee number already used at line 3"),
        "{}",
        text(&o)
    );
    assert!(text(&o).contains("preview only"), "{}", text(&o));
    let o = mastery(&db, &["hr", "status"], None);
    assert!(
        text(&o).contains("last roster import: none"),
        "{}",
        text(&o)
    );

    let o = mastery(&db, &["hr", "import-csv", path, "--apply"], None);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("applied: 2 added"), "{}", text(&o));
    let o = mastery(&db, &["hr", "status"], None);
    assert!(
        text(&o).contains("2 added") && text(&o).contains("without an activation code: 2"),
        "{}",
        text(&o)
    );
    let o = mastery(&db, &["hr", "codes", "--new"], None);
    assert!(o.status.success(), "{}", text(&o));
    let out = String::from_utf8_lossy(&o.stdout).to_string();
    assert_eq!(out.lines().count(), 3, "{out}");
    assert!(
        out.contains("R1,\"Rosalie Côté\",\"Harbourfront\","),
        "{out}"
    );
    let o = mastery(&db, &["hr", "codes", "--new"], None);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).lines().count(),
        1,
        "header only: codes are made once"
    );

    // A Latin-1 file is refused whole: exit 1 with the line.
    let latin1 = dir.path().join("latin1.csv");
    std::fs::write(&latin1, b"employee_number,name\nR3,Ren\xe9e\n").expect("file");
    let o = mastery(
        &db,
        &["hr", "import-csv", latin1.to_str().expect("path")],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("line 2 is not UTF-8"), "{}", text(&o));
    // No SCIM connection yet: sync says so (exit 1); bad usage is exit 2.
    let o = mastery(&db, &["hr", "sync"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("not set up"), "{}", text(&o));
    let o = mastery(&db, &["hr", "codes"], None);
    assert_eq!(o.status.code(), Some(2));
}
