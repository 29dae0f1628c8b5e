//! Checks on the repository itself: every Rust file says why it exists, and
//! every interface language has every message English has.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace")
        .to_path_buf()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if path.is_dir() {
            if name != "target" && name != "dist" && name != "gen" && name != "node_modules" {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_rust_file_starts_with_a_module_comment() {
    let root = root();
    let mut files = vec![];
    for dir in ["crates", "src-tauri/src", "ui/src", "tests", "xtask"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 20, "found only {} files", files.len());
    let missing: Vec<String> = files
        .iter()
        .filter(|f| {
            let text = std::fs::read_to_string(f).unwrap_or_default();
            !text.trim_start().starts_with("//!")
        })
        .map(|f| f.strip_prefix(&root).unwrap_or(f).display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "files without a //! comment: {missing:#?}"
    );
}

fn message_ids(ftl: &str) -> BTreeSet<String> {
    ftl.lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_owned()))
        .collect()
}

#[test]
fn every_language_has_every_message() {
    let locales = root().join("ui/locales");
    let en = message_ids(&std::fs::read_to_string(locales.join("en/main.ftl")).expect("en"));
    assert!(en.len() > 40, "{} English messages", en.len());
    let mut langs = 0;
    for entry in std::fs::read_dir(&locales).expect("locales").flatten() {
        let ftl = std::fs::read_to_string(entry.path().join("main.ftl")).expect("main.ftl");
        let ids = message_ids(&ftl);
        let tag = entry.file_name().to_string_lossy().into_owned();
        let missing: Vec<_> = en.difference(&ids).collect();
        let extra: Vec<_> = ids.difference(&en).collect();
        assert!(missing.is_empty(), "{tag} lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{tag} has messages English lacks: {extra:?}"
        );
        langs += 1;
    }
    assert!(langs >= 2, "English and French at least");
}
