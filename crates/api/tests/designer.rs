//! The course designer's work: draft, check as you type, save, publish,
//! compare, export and import, with the learner seeing the result.

use crate::common::{api, edit, file_req, now, person, publish_req};
use mastery_api::{ErrorCode, DRAFT, PROGRAM_PACK_ID};
use mastery_types::{DiffRequest, ExportRequest, LessonRequest, Role};

const LESSON: &str = "lessons/clients-l1/01-first-contact.en.md";

#[test]
fn a_designer_edits_checks_publishes_and_the_learner_sees_the_new_text() {
    let api = api();
    let designer = person(&api, 1, &[Role::CourseDesigner]);
    let learner = person(&api, 2, &[Role::Learner]);

    // Opening the draft starts it from 1.0.0, in draft status.
    let tree = api
        .draft_tree(&designer, PROGRAM_PACK_ID, now())
        .expect("tree");
    assert_eq!(tree.info.base_version, "1.0.0");
    assert_eq!(
        (tree.info.errors, tree.info.warnings),
        (0, 0),
        "{:#?}",
        tree.problems
    );
    assert_eq!(tree.tracks.len(), 4);
    let clients_l1 = &tree.tracks[0].courses[0];
    assert_eq!(clients_l1.files[0].kind, "course");
    assert!(clients_l1.files.iter().any(|f| f.path == LESSON));
    let original = api
        .draft_file(&designer, &file_req(LESSON), now())
        .expect("file")
        .text;

    // Checking an edit previews it and reports problems without saving.
    let mut e = edit();
    e.text = original.replacen("\n", "\n\nEvery client leaves knowing the next step.\n", 1);
    let check = api.check_edit(&designer, &e, now()).expect("check");
    assert!(
        check
            .preview_html
            .contains("Every client leaves knowing the next step."),
        "{}",
        check.preview_html
    );
    assert!(check.problems.is_empty(), "{:#?}", check.problems);
    assert!(!check.saved);
    let mut broken = e.clone();
    broken.text = "no title line".into();
    let check = api.check_edit(&designer, &broken, now()).expect("check");
    assert!(
        check
            .problems
            .iter()
            .any(|p| p.error && p.file == LESSON && p.line == Some(1)),
        "{:#?}",
        check.problems
    );
    assert_eq!(
        api.draft_file(&designer, &file_req(LESSON), now())
            .expect("file")
            .text,
        original
    );

    // Saved with a missing French title elsewhere: the draft keeps it as a
    // warning; publishing refuses, naming it.
    assert!(api.save_edit(&designer, &e, now()).expect("saved").saved);
    let course = "courses/clients-l1.toml";
    let course_text = api
        .draft_file(&designer, &file_req(course), now())
        .expect("course")
        .text;
    let mut no_fr = e.clone();
    no_fr.path = course.into();
    no_fr.text = course_text.replace(
        "fr = \"Priorité aux clients — Niveau de maîtrise 1\"",
        "fr = \"\"",
    );
    assert_ne!(no_fr.text, course_text);
    let saved = api
        .save_edit(&designer, &no_fr, now())
        .expect("a draft may miss French");
    assert!(
        saved
            .problems
            .iter()
            .any(|p| !p.error && p.message.contains("has no fr text")),
        "{:#?}",
        saved.problems
    );
    let refused = api
        .publish(&designer, &publish_req("1.1.0"), now())
        .expect_err("missing French");
    assert_eq!(refused.code, ErrorCode::InvalidPack);
    assert!(
        refused
            .message
            .contains("courses/clients-l1.toml:9: error: `title` has no fr text"),
        "{}",
        refused.message
    );
    no_fr.text = course_text;
    api.save_edit(&designer, &no_fr, now()).expect("fixed");

    // Versions must grow; change notes need both languages.
    let low = api
        .publish(&designer, &publish_req("1.0.0"), now())
        .expect_err("not higher");
    assert!(low.message.contains("higher than 1.0.0"), "{}", low.message);
    let mut no_notes = publish_req("1.1.0");
    no_notes.change_notes.0.remove("fr");
    assert_eq!(
        api.publish(&designer, &no_notes, now())
            .expect_err("notes")
            .code,
        ErrorCode::InvalidInput
    );

    // Before publishing, the learner still reads 1.0.0.
    let read = |api: &mastery_api::Api| {
        api.lesson(
            &learner,
            &LessonRequest {
                lesson: "clients-l1/01-first-contact".into(),
            },
            now(),
        )
        .expect("lesson")
        .html
        .get("en")
        .to_owned()
    };
    assert!(!read(&api).contains("Every client leaves knowing the next step."));
    let v = api
        .publish(&designer, &publish_req("1.1.0"), now())
        .expect("published");
    assert!(v.published);
    assert_eq!(v.published_by.as_deref(), Some("User 1"));
    assert!(read(&api).contains("Every client leaves knowing the next step."));

    // History and diff.
    let home = api.designer_home(&designer).expect("home");
    let versions: Vec<&str> = home.versions.iter().map(|v| v.version.as_str()).collect();
    assert_eq!(versions, ["1.1.0", "1.0.0"]);
    assert!(home.draft.is_none(), "publishing closes the draft");
    let diff = api
        .diff_versions(
            &designer,
            &DiffRequest {
                pack_id: PROGRAM_PACK_ID.into(),
                from: "1.0.0".into(),
                to: "1.1.0".into(),
            },
        )
        .expect("diff");
    let lines: Vec<String> = diff
        .iter()
        .map(|d| format!("{} {} {}", d.change, d.what, d.id))
        .collect();
    assert_eq!(lines, ["changed lesson clients-l1/01-first-contact"]);
}

#[test]
fn export_then_import_gives_the_same_hash_and_a_tampered_archive_changes_nothing() {
    let source = api();
    let designer = person(&source, 1, &[Role::CourseDesigner]);
    let mut e = edit();
    e.text = source
        .draft_file(&designer, &file_req(LESSON), now())
        .expect("file")
        .text
        + "\nOne more line.\n";
    source.save_edit(&designer, &e, now()).expect("saved");
    source
        .publish(&designer, &publish_req("1.2.0"), now())
        .expect("published");
    let (name, bytes, hash) = source
        .export_pack(
            &designer,
            &ExportRequest {
                pack_id: PROGRAM_PACK_ID.into(),
                version: "1.2.0".into(),
            },
        )
        .expect("exported");
    assert_eq!(name, "service-excellence-1.2.0.mpack");

    let target = api();
    let other = person(&target, 1, &[Role::CourseDesigner]);
    let versions = |api: &mastery_api::Api| api.designer_home(&other).map(|h| h.versions.len());
    // Tampered: one byte of a stored file flipped (an uncompressed-size-
    // preserving change inside the zip is refused as altered or damaged).
    let mut tampered = bytes.clone();
    let mid = tampered.len() / 2;
    tampered[mid] ^= 0x55;
    let err = target
        .import_pack(&other, &tampered, |_, _| {}, now())
        .expect_err("tampered");
    assert_eq!(err.code, ErrorCode::InvalidPack);
    assert!(
        err.message.starts_with("import refused:"),
        "{}",
        err.message
    );
    let err = target
        .import_pack(&other, &bytes[..bytes.len() - 100], |_, _| {}, now())
        .expect_err("truncated");
    assert!(err.message.contains("truncated"), "{}", err.message);
    assert_eq!(versions(&target).expect("home"), 1, "nothing was stored");

    let mut steps = 0;
    let done = target
        .import_pack(&other, &bytes, |_, _| steps += 1, now())
        .expect("imported");
    assert!(steps > 100, "progress reported per file ({steps})");
    assert_eq!(done.content_hash, hash);
    assert_eq!(
        (done.version.as_str(), done.as_draft, done.added),
        ("1.2.0", false, true)
    );
    assert_eq!(versions(&target).expect("home"), 2);
    // Exported again from the target, the same bytes and hash come back.
    let (_, again, hash2) = target
        .export_pack(
            &other,
            &ExportRequest {
                pack_id: PROGRAM_PACK_ID.into(),
                version: "1.2.0".into(),
            },
        )
        .expect("exported");
    assert_eq!(hash2, hash);
    assert_eq!(again, bytes);
    // Importing it twice adds nothing.
    let twice = target
        .import_pack(&other, &bytes, |_, _| {}, now())
        .expect("again");
    assert!(!twice.added);
}

#[test]
fn bad_designer_input_is_refused_and_changes_nothing() {
    let api = api();
    let designer = person(&api, 1, &[Role::CourseDesigner]);
    for path in [
        "../secrets.toml",
        "lessons/../../x.md",
        "notes.txt",
        "images/five-drivers.en.svg",
    ] {
        let mut e = edit();
        e.path = path.into();
        let err = api.save_edit(&designer, &e, now()).expect_err(path);
        assert_eq!(err.code, ErrorCode::InvalidInput, "{path}");
    }
    let mut big = edit();
    big.text = "x".repeat(600 * 1024);
    assert_eq!(
        api.save_edit(&designer, &big, now()).expect_err("big").code,
        ErrorCode::InvalidInput
    );
    let err = api
        .draft_file(&designer, &file_req("lessons/nope/01-x.en.md"), now())
        .expect_err("missing");
    assert_eq!(err.code, ErrorCode::NotFound);
    let err = api
        .draft_tree(&designer, "someone-elses-pack", now())
        .expect_err("other pack");
    assert_eq!(err.code, ErrorCode::NotFound);
    let err = api
        .diff_versions(
            &designer,
            &DiffRequest {
                pack_id: PROGRAM_PACK_ID.into(),
                from: "1.0.0".into(),
                to: DRAFT.into(),
            },
        )
        .expect("a draft exists now")
        .len();
    assert_eq!(err, 0, "nothing was saved into the draft");
}
