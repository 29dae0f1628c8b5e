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

/// The string literals of a Rust expression's text (`"…"`, with escapes).
fn literals(text: &str) -> Vec<String> {
    let re = regex::Regex::new(r#""((?:[^"\\]|\\.)*)""#).expect("regex");
    re.captures_iter(text).map(|c| c[1].to_owned()).collect()
}

/// The text of a call's argument list, from just after `(` to its `)`.
fn call_args(src: &str, open: usize) -> &str {
    let mut depth = 1;
    let mut in_str = false;
    let bytes = src.as_bytes();
    let mut i = open;
    while i < bytes.len() {
        let c = bytes[i];
        if in_str {
            if c == b'\\' {
                i += 2;
                continue;
            }
            if c == b'"' {
                in_str = false;
            }
        } else if c == b'"' {
            in_str = true;
        } else if c == b'(' {
            depth += 1;
        } else if c == b')' {
            depth -= 1;
            if depth == 0 {
                return &src[open..i];
            }
        }
        i += 1;
    }
    &src[open..]
}

/// Its first argument (up to the first comma outside brackets and strings).
fn first_arg(args: &str) -> &str {
    let (mut depth, mut in_str) = (0i32, false);
    let bytes = args.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if in_str {
            if c == b'\\' {
                i += 2;
                continue;
            }
            if c == b'"' {
                in_str = false;
            }
        } else {
            match c {
                b'"' => in_str = true,
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => depth -= 1,
                b',' if depth == 0 => return &args[..i],
                _ => {}
            }
        }
        i += 1;
    }
    args
}

/// Every message id the interface asks Fluent for: the literals given to
/// `t.t(…)` and `t.t_args(…)`, the keys of the tables that feed them, and
/// the families built at run time (`driver-…`, `field-…`, …) over every
/// value of their enum. Each must exist in English (and, by the test above,
/// in every language).
#[test]
fn every_message_the_interface_asks_for_exists() {
    use mastery_types::*;
    let root = root();
    let en =
        message_ids(&std::fs::read_to_string(root.join("ui/locales/en/main.ftl")).expect("en"));
    let mut files = vec![];
    rust_files(&root.join("ui/src"), &mut files);
    let id = regex::Regex::new(r"^[a-z][a-z0-9_]*(-[a-z0-9_]+)*$").expect("regex");
    let tables = regex::Regex::new(
        r#"\("pill[^"]*", "([a-z0-9_-]+)"\)|\(Page::[A-Za-z]+(?:\([^)]*\))?, "([a-z0-9_-]+)"\)|\((?:true|false), "([a-z0-9_-]+)"\)"#,
    )
    .expect("regex");
    let mut wanted: BTreeSet<String> = BTreeSet::new();
    for f in &files {
        let src = std::fs::read_to_string(f).expect("source");
        for pat in ["t.t(", "t.t_args("] {
            for (at, _) in src.match_indices(pat) {
                let args = call_args(&src, at + pat.len());
                let arg = if pat == "t.t(" { args } else { first_arg(args) };
                for l in literals(arg) {
                    if id.is_match(&l) {
                        wanted.insert(l);
                    }
                }
            }
        }
        for c in tables.captures_iter(&src) {
            if let Some(m) = c.get(1).or(c.get(2)).or(c.get(3)) {
                wanted.insert(m.as_str().to_owned());
            }
        }
    }
    assert!(
        wanted.len() > 200,
        "found only {} message ids",
        wanted.len()
    );
    let family = |prefix: &str, values: Vec<&str>, wanted: &mut BTreeSet<String>| {
        for v in values {
            wanted.insert(format!("{prefix}-{v}"));
        }
    };
    family(
        "driver",
        Driver::ALL.iter().map(|d| d.as_str()).collect(),
        &mut wanted,
    );
    family(
        "field",
        Field::ALL.iter().map(|f| f.as_str()).collect(),
        &mut wanted,
    );
    family(
        "thing",
        Thing::ALL.iter().map(|t| t.as_str()).collect(),
        &mut wanted,
    );
    family(
        "role",
        Role::ALL.iter().map(|r| r.as_str()).collect(),
        &mut wanted,
    );
    family(
        "setting",
        CoachingSetting::ALL.iter().map(|s| s.as_str()).collect(),
        &mut wanted,
    );
    family(
        "requirement",
        RequirementKind::ALL.iter().map(|r| r.as_str()).collect(),
        &mut wanted,
    );
    family(
        "cert-status",
        CertStatus::ALL.iter().map(|s| s.as_str()).collect(),
        &mut wanted,
    );
    family(
        "error",
        ErrorCode::ALL.iter().map(|c| c.as_str()).collect(),
        &mut wanted,
    );
    family("rating", vec!["1", "2", "3", "4"], &mut wanted);
    family("designer", vec!["error", "warning"], &mut wanted);
    let missing: Vec<&String> = wanted.iter().filter(|w| !en.contains(*w)).collect();
    assert!(
        missing.is_empty(),
        "asked for but not in en/main.ftl: {missing:#?}"
    );
}
