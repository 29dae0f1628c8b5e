//! Fuzzes the pack parser: the input is split at 0xFF bytes into the files
//! of a small pack (manifest, course, lesson pair, quiz, checklist, rubric,
//! assignments, exam, self-assessment, survey, picture). Linting must never
//! panic, whatever the bytes, and rendering what parsed must not either.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mastery_packs::{Pack, PackFiles};

const PATHS: [&str; 12] = [
    "pack.toml",
    "courses/c1.toml",
    "lessons/c1/01-a.en.md",
    "lessons/c1/01-a.fr.md",
    "quizzes/c1.toml",
    "checklists/c1.toml",
    "rubrics/r.toml",
    "assignments/c1.toml",
    "exams/c1.toml",
    "self-assessments/s.toml",
    "surveys/s.toml",
    "images/p.svg",
];

fuzz_target!(|data: &[u8]| {
    let mut files = PackFiles::default();
    for (path, part) in PATHS.iter().zip(data.split(|b| *b == 0xFF)) {
        files.0.insert((*path).to_owned(), part.to_vec());
    }
    let (pack, _problems) = Pack::lint(&files);
    if let Some(pack) = pack {
        for lesson in &pack.lessons {
            for md in lesson.markdown.0.values() {
                let _ = mastery_packs::render_markdown(md, &pack.images);
            }
        }
    }
});
