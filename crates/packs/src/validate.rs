//! The whole validation run ([`Pack::lint`]): the manifest and course files
//! here, then lessons, knowledge checks and the rest of the material, then
//! the references between files; every problem in one run, sorted.

use crate::diagnostics::{parse_toml, Ctx, Problem, Severity};
use crate::material::CourseRefs;
use crate::model::{Completion, Module};
use crate::{Pack, PackCourse, PackError, PackFiles, PackStatus, PackTrack};
use mastery_types::{CourseId, LangTag, MasteryLevel, Track};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawManifest {
    id: Spanned<String>,
    version: Spanned<String>,
    status: Spanned<String>,
    languages: Spanned<Vec<String>>,
    title: Spanned<BTreeMap<String, String>>,
    summary: Spanned<BTreeMap<String, String>>,
    change_notes: Spanned<BTreeMap<String, String>>,
    #[serde(default)]
    tracks: Vec<RawTrack>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTrack {
    id: Spanned<String>,
    title: Spanned<BTreeMap<String, String>>,
    audience: Spanned<BTreeMap<String, String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCourse {
    id: Spanned<String>,
    track: Spanned<String>,
    level: Spanned<i64>,
    #[serde(default)]
    prerequisites: Vec<Spanned<String>>,
    estimated_hours: Spanned<i64>,
    title: Spanned<BTreeMap<String, String>>,
    summary: Spanned<BTreeMap<String, String>>,
    survey: Option<Spanned<String>>,
    self_assessment: Option<Spanned<String>>,
    #[serde(default)]
    completion: RawCompletion,
    #[serde(default)]
    modules: Vec<RawModule>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawCompletion {
    lessons: bool,
    knowledge_check: bool,
    coaching: bool,
    self_assessment: bool,
    assignments: bool,
    team_synthesis: bool,
    validation_exam: bool,
    observation: bool,
    portfolio: bool,
    /// Hours of class to attend; checked against the course's estimate.
    class_hours: i64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawModule {
    id: Spanned<String>,
    title: Spanned<BTreeMap<String, String>>,
    #[serde(default)]
    lessons: Vec<Spanned<String>>,
}

impl Pack {
    /// Parses and validates a pack. Returns the pack when there is no error
    /// (warnings are dropped; use [`Pack::lint`] to see them).
    pub fn parse(files: &PackFiles) -> Result<Pack, PackError> {
        let (pack, problems) = Pack::lint(files);
        match pack {
            Some(p) if !problems.iter().any(|p| p.severity == Severity::Error) => Ok(p),
            _ => Err(PackError::Invalid(problems)),
        }
    }

    /// Every problem in the pack, and the pack if it could be built at all.
    pub fn lint(files: &PackFiles) -> (Option<Pack>, Vec<Problem>) {
        let mut problems = Vec::new();
        let Some(manifest_bytes) = files.0.get("pack.toml") else {
            problems.push(Problem {
                severity: Severity::Error,
                file: "pack.toml".into(),
                line: None,
                message: "the pack has no manifest (pack.toml)".into(),
            });
            return (None, problems);
        };
        let Some((m, mtext)) =
            parse_toml::<RawManifest>("pack.toml", manifest_bytes, &mut problems)
        else {
            return (None, problems);
        };
        let mut cx = Ctx {
            file: "pack.toml",
            text: &mtext,
            problems: &mut problems,
        };
        let status = match m.status.get_ref().as_str() {
            "draft" => PackStatus::Draft,
            "published" => PackStatus::Published,
            other => {
                cx.error_at(
                    m.status.span().start,
                    format!("status must be \"draft\" or \"published\", not {other:?}"),
                );
                PackStatus::Draft
            }
        };
        let draft = status == PackStatus::Draft;
        if semver::Version::parse(m.version.get_ref()).is_err() {
            cx.error_at(
                m.version.span().start,
                format!(
                    "version {:?} is not a semantic version like 1.2.0",
                    m.version.get_ref()
                ),
            );
        }
        if m.id.get_ref().trim().is_empty() {
            cx.error_at(m.id.span().start, "the pack id is empty".into());
        }
        let langs = m.languages.get_ref().clone();
        if !langs.iter().any(|l| l == "en") || !langs.iter().any(|l| l == "fr") {
            cx.error_at(
                m.languages.span().start,
                "a pack must carry at least English (en) and French (fr)".into(),
            );
        }
        let title = cx.text("title", &m.title, &langs, draft);
        let summary = cx.text("summary", &m.summary, &langs, draft);
        let change_notes = cx.text("change_notes", &m.change_notes, &langs, draft);
        let mut tracks = Vec::new();
        for t in &m.tracks {
            let Some(track) = Track::parse(t.id.get_ref()) else {
                cx.error_at(
                    t.id.span().start,
                    format!(
                        "unknown track {:?} (expected clients, colleagues, communities or staff)",
                        t.id.get_ref()
                    ),
                );
                continue;
            };
            if tracks.iter().any(|x: &PackTrack| x.track == track) {
                cx.error_at(
                    t.id.span().start,
                    format!("track {track} is declared twice"),
                );
                continue;
            }
            let title = cx.text("title", &t.title, &langs, draft);
            let audience = cx.text("audience", &t.audience, &langs, draft);
            tracks.push(PackTrack {
                track,
                title,
                audience,
            });
        }

        let mut courses: Vec<(PackCourse, String, RawCourse)> = Vec::new();
        let mut refs: Vec<CourseRefs> = Vec::new();
        for (path, bytes) in files.0.iter().filter(|(p, _)| p.starts_with("courses/")) {
            let Some((c, text)) = parse_toml::<RawCourse>(path, bytes, &mut problems) else {
                continue;
            };
            let mut cx = Ctx {
                file: path,
                text: &text,
                problems: &mut problems,
            };
            let track = Track::parse(c.track.get_ref());
            match track {
                None => cx.error_at(
                    c.track.span().start,
                    format!("unknown track {:?}", c.track.get_ref()),
                ),
                Some(t) if !tracks.iter().any(|x| x.track == t) => cx.error_at(
                    c.track.span().start,
                    format!("track {t} is not declared in pack.toml"),
                ),
                Some(_) => {}
            }
            let level = u8::try_from(*c.level.get_ref())
                .ok()
                .and_then(MasteryLevel::new);
            if level.is_none() {
                cx.error_at(
                    c.level.span().start,
                    format!("level must be 1, 2 or 3, not {}", c.level.get_ref()),
                );
            }
            let hours = u16::try_from(*c.estimated_hours.get_ref())
                .ok()
                .filter(|h| (1..=500).contains(h));
            if hours.is_none() {
                cx.error_at(
                    c.estimated_hours.span().start,
                    format!(
                        "estimated_hours must be between 1 and 500, not {}",
                        c.estimated_hours.get_ref()
                    ),
                );
            }
            if courses
                .iter()
                .any(|(x, _, _)| x.id.as_str() == c.id.get_ref())
            {
                cx.error_at(
                    c.id.span().start,
                    format!("course id {:?} is used by another course", c.id.get_ref()),
                );
            }
            let title = cx.text("title", &c.title, &langs, draft);
            let summary = cx.text("summary", &c.summary, &langs, draft);
            let mut modules = Vec::new();
            let mut module_refs = Vec::new();
            for m in &c.modules {
                if modules.iter().any(|x: &Module| &x.id == m.id.get_ref()) {
                    cx.error_at(
                        m.id.span().start,
                        format!("module id {:?} is used twice", m.id.get_ref()),
                    );
                }
                if m.lessons.is_empty() {
                    cx.error_at(
                        m.id.span().start,
                        format!("module {:?} lists no lesson", m.id.get_ref()),
                    );
                }
                modules.push(Module {
                    id: m.id.get_ref().clone(),
                    title: cx.text("title", &m.title, &langs, draft),
                    lessons: m
                        .lessons
                        .iter()
                        .map(|l| format!("{}/{}", c.id.get_ref(), l.get_ref()))
                        .collect(),
                });
                module_refs.push((
                    m.id.get_ref().clone(),
                    m.lessons
                        .iter()
                        .map(|l| (l.get_ref().clone(), CourseRefs::at(&cx, l.span().start)))
                        .collect(),
                ));
            }
            let r = &c.completion;
            let completion = Completion {
                lessons: r.lessons,
                knowledge_check: r.knowledge_check,
                coaching: r.coaching,
                self_assessment: r.self_assessment,
                assignments: r.assignments,
                team_synthesis: r.team_synthesis,
                validation_exam: r.validation_exam,
                observation: r.observation,
                portfolio: r.portfolio,
                class_hours: class_hours(&mut cx, &c, hours),
            };
            if completion == Completion::default() {
                cx.warn_at(
                    c.id.span().start,
                    "the course has no [completion] rule, so it can never be completed".into(),
                );
            }
            if let Some(level) = level {
                refs.push(CourseRefs {
                    id: CourseId(c.id.get_ref().clone()),
                    level,
                    at: CourseRefs::at(&cx, c.id.span().start),
                    survey: c
                        .survey
                        .as_ref()
                        .map(|s| (s.get_ref().clone(), CourseRefs::at(&cx, s.span().start))),
                    self_assessment: c
                        .self_assessment
                        .as_ref()
                        .map(|s| (s.get_ref().clone(), CourseRefs::at(&cx, s.span().start))),
                    modules: module_refs,
                });
            }
            if let (Some(track), Some(level), Some(estimated_hours)) = (track, level, hours) {
                let course = PackCourse {
                    id: CourseId(c.id.get_ref().clone()),
                    track,
                    level,
                    prerequisites: c
                        .prerequisites
                        .iter()
                        .map(|p| CourseId(p.get_ref().clone()))
                        .collect(),
                    estimated_hours,
                    title,
                    summary,
                    survey: c.survey.as_ref().map(|s| s.get_ref().clone()),
                    self_assessment: c.self_assessment.as_ref().map(|s| s.get_ref().clone()),
                    completion,
                    modules,
                };
                courses.push((course, text, c));
            }
        }
        if courses.is_empty() {
            problems.push(Problem {
                severity: Severity::Error,
                file: "courses/".into(),
                line: None,
                message: "the pack has no course".into(),
            });
        }

        let known: BTreeSet<CourseId> = courses.iter().map(|(c, _, _)| c.id.clone()).collect();
        for (course, text, raw) in &courses {
            let mut cx = Ctx {
                file: "",
                text,
                problems: &mut problems,
            };
            let file = files
                .0
                .keys()
                .find(|k| {
                    k.starts_with("courses/")
                        && files
                            .0
                            .get(*k)
                            .is_some_and(|b| b.as_slice() == text.as_bytes())
                })
                .cloned()
                .unwrap_or_default();
            cx.file = &file;
            for p in &raw.prerequisites {
                let id = CourseId(p.get_ref().clone());
                if !known.contains(&id) {
                    cx.error_at(
                        p.span().start,
                        format!(
                            "prerequisite {:?} is not a course of this pack",
                            p.get_ref()
                        ),
                    );
                } else if id == course.id {
                    cx.error_at(
                        p.span().start,
                        "a course cannot be its own prerequisite".into(),
                    );
                }
            }
            if let Some(cycle) = find_cycle(&course.id, &courses) {
                cx.error_at(
                    raw.id.span().start,
                    format!(
                        "prerequisites form a cycle: {}",
                        cycle
                            .iter()
                            .map(|c| c.as_str())
                            .collect::<Vec<_>>()
                            .join(" → ")
                    ),
                );
            }
        }

        let lessons = crate::lessons::lessons(files, &known, &langs, draft, &mut problems);
        let quizzes = crate::quizzes::quizzes(files, &known, &langs, draft, &mut problems);
        let material = crate::material::material(
            files,
            &crate::material::Langs {
                langs: &langs,
                draft,
            },
            &mut problems,
        );

        let mut courses: Vec<PackCourse> = courses.into_iter().map(|(c, _, _)| c).collect();
        courses.sort_by(|a, b| (a.track, a.level, &a.id).cmp(&(b.track, b.level, &b.id)));
        let mut pack = Pack {
            id: m.id.into_inner(),
            version: m.version.into_inner(),
            status,
            languages: langs.iter().map(|l| LangTag(l.clone())).collect(),
            title,
            summary,
            change_notes,
            tracks,
            courses,
            lessons,
            quizzes,
            checklists: Vec::new(),
            self_assessments: Vec::new(),
            rubrics: Vec::new(),
            assignments: Vec::new(),
            exams: Vec::new(),
            surveys: Vec::new(),
            images: BTreeMap::new(),
            content_hash: files.content_hash(),
        };
        crate::references::check(&pack, &material, &refs, &mut problems);
        material.into_pack(&mut pack);
        problems.sort_by(|a, b| (a.severity, &a.file, a.line).cmp(&(b.severity, &b.file, b.line)));
        (Some(pack), problems)
    }
}

/// A prerequisite path from `start` back to itself, if there is one.
/// The hours of class a course asks for: from 0 to its own estimate (a
/// course cannot ask for more time in class than it takes in all).
fn class_hours(cx: &mut Ctx<'_>, c: &RawCourse, estimated: Option<u16>) -> u16 {
    let asked = c.completion.class_hours;
    let limit = estimated.unwrap_or(500);
    match u16::try_from(asked).ok().filter(|h| *h <= limit) {
        Some(h) => h,
        None => {
            cx.error_at(
                c.id.span().start,
                format!(
                    "[completion] class_hours must be between 0 and the course's \
                     estimated_hours ({limit}), not {asked}"
                ),
            );
            0
        }
    }
}

fn find_cycle(
    start: &CourseId,
    courses: &[(PackCourse, String, RawCourse)],
) -> Option<Vec<CourseId>> {
    let prereqs = |id: &CourseId| -> Vec<CourseId> {
        courses
            .iter()
            .find(|(c, _, _)| &c.id == id)
            .map(|(c, _, _)| c.prerequisites.clone())
            .unwrap_or_default()
    };
    // Depth-first search with an explicit path; packs are small.
    let mut stack = vec![(start.clone(), vec![start.clone()])];
    let mut seen = BTreeSet::new();
    while let Some((id, path)) = stack.pop() {
        for next in prereqs(&id) {
            if &next == start && path.len() > 1 {
                let mut cycle = path.clone();
                cycle.push(next);
                return Some(cycle);
            }
            if seen.insert(next.clone()) {
                let mut p = path.clone();
                p.push(next.clone());
                stack.push((next, p));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack_with(courses: &[(&str, &str)]) -> PackFiles {
        let mut files = BTreeMap::new();
        files.insert(
            "pack.toml".to_owned(),
            crate::fixtures::MANIFEST.as_bytes().to_vec(),
        );
        for (name, body) in courses {
            files.insert(format!("courses/{name}"), body.as_bytes().to_vec());
        }
        let (path, survey) = crate::fixtures::SURVEY;
        files.insert(path.to_owned(), survey.as_bytes().to_vec());
        PackFiles(files)
    }

    fn course(id: &str, level: u8, prereq: &str) -> String {
        format!(
            "id = \"{id}\"\ntrack = \"clients\"\nlevel = {level}\nprerequisites = [{prereq}]\nestimated_hours = 10\ntitle = {{ en = \"E\", fr = \"F\" }}\nsummary = {{ en = \"E\", fr = \"F\" }}\n{}",
            crate::fixtures::COURSE_TAIL
        )
    }

    fn messages(files: &PackFiles) -> Vec<String> {
        crate::fixtures::without_no_rule(Pack::lint(files).1)
            .iter()
            .map(|p| p.to_string())
            .collect()
    }

    #[test]
    fn a_valid_pack_parses() {
        let files = pack_with(&[
            ("a.toml", &course("a", 1, "")),
            ("b.toml", &course("b", 2, "\"a\"")),
        ]);
        let pack = Pack::parse(&files).expect("valid");
        assert_eq!(pack.courses.len(), 2);
        assert_eq!(pack.content_hash.len(), 64);
    }

    #[test]
    fn problems_name_file_and_line() {
        let files = pack_with(&[
            ("a.toml", &course("a", 4, "\"zzz\"")),
            ("b.toml", "id = \"b\"\ntrack = \n"),
            ("c.toml", &course("c", 1, "\"d\"")),
            ("d.toml", &course("d", 1, "\"c\"")),
        ]);
        let m = messages(&files);
        assert!(
            m.iter()
                .any(|s| s.starts_with("courses/a.toml:3: error: level must be 1, 2 or 3")),
            "{m:#?}"
        );
        assert!(
            m.iter().any(|s| s.starts_with("courses/b.toml:2: error:")),
            "{m:#?}"
        );
        assert!(
            m.iter()
                .any(|s| s
                    .contains("courses/c.toml:1: error: prerequisites form a cycle: c → d → c")),
            "{m:#?}"
        );
    }

    #[test]
    fn missing_french_is_an_error_when_published_and_a_warning_in_a_draft() {
        let body = course("a", 1, "").replace("fr = \"F\" }\nsummary", "fr = \"\" }\nsummary");
        let files = pack_with(&[("a.toml", &body)]);
        let m = messages(&files);
        assert_eq!(
            m,
            vec!["courses/a.toml:6: error: `title` has no fr text (the pack declares fr)"]
        );
        let mut draft = files.clone();
        let manifest = String::from_utf8(draft.0["pack.toml"].clone())
            .expect("utf8")
            .replace("published", "draft");
        draft.0.insert("pack.toml".into(), manifest.into_bytes());
        let (pack, problems) = Pack::lint(&draft);
        let problems = crate::fixtures::without_no_rule(problems);
        assert!(pack.is_some());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].severity, Severity::Warning);
        assert!(Pack::parse(&draft).is_ok());
    }

    #[test]
    fn unknown_prerequisite_and_duplicate_id() {
        let files = pack_with(&[
            ("a.toml", &course("a", 1, "\"nope\"")),
            ("b.toml", &course("a", 2, "")),
        ]);
        let m = messages(&files);
        assert!(
            m.iter().any(|s| s
                == "courses/a.toml:4: error: prerequisite \"nope\" is not a course of this pack"),
            "{m:#?}"
        );
        assert!(
            m.iter().any(|s| s
                .contains("courses/b.toml:1: error: course id \"a\" is used by another course")),
            "{m:#?}"
        );
    }

    #[test]
    fn missing_manifest_and_hash_changes_with_content() {
        assert_eq!(
            messages(&PackFiles::default()),
            vec!["pack.toml: error: the pack has no manifest (pack.toml)"]
        );
        let a = pack_with(&[("a.toml", &course("a", 1, ""))]);
        let mut b = a.clone();
        b.0.insert("courses/a.toml".into(), course("a", 2, "").into_bytes());
        assert_ne!(a.content_hash(), b.content_hash());
    }

    #[test]
    fn shipped_pack_is_clean_and_complete() {
        let files = PackFiles::from_embedded(&crate::SHIPPED);
        let (pack, problems) = Pack::lint(&files);
        assert_eq!(problems, vec![], "the shipped pack must lint clean");
        let pack = pack.expect("parses");
        assert_eq!(pack.courses.len(), 12);
        for track in Track::ALL {
            for level in MasteryLevel::ALL {
                let c = pack
                    .courses
                    .iter()
                    .find(|c| c.track == track && c.level == level)
                    .unwrap_or_else(|| panic!("no course for {track} level {}", level.get()));
                let expected: Vec<String> =
                    (1..level.get()).map(|l| format!("{track}-l{l}")).collect();
                let got: Vec<String> = c.prerequisites.iter().map(|p| p.0.clone()).collect();
                assert_eq!(got, expected, "{}", c.id);
            }
        }
    }

    #[test]
    fn read_dir_matches_embedded() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../courses/service-excellence");
        let from_disk = PackFiles::read_dir(&dir).expect("reads");
        assert_eq!(from_disk, PackFiles::from_embedded(&crate::SHIPPED));
        let missing = PackFiles::read_dir(&dir.join("no-such-folder"));
        assert!(matches!(missing, Err(PackError::Io { .. })));
    }
}
